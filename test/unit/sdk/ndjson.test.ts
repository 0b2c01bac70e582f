// The newline-delimited JSON reader a streamed answer (every item page in one) goes through:
// lines split anywhere across chunks, even inside a character, come out whole and in order.
import { describe, expect, it } from "vitest";
import { SdkError } from "@/lib/sdk/http-port";
import { ndjsonValues } from "@/lib/sdk/ndjson";

function bodyOf(chunks: (string | Uint8Array)[], events: string[] = []) {
  const encoder = new TextEncoder();
  let index = 0;
  return new ReadableStream<Uint8Array>({
    pull(controller) {
      const chunk = chunks[index++];
      if (chunk === undefined) return controller.close();
      controller.enqueue(typeof chunk === "string" ? encoder.encode(chunk) : chunk);
    },
    cancel() {
      events.push("cancelled");
    },
  });
}

const read = async (body: ReadableStream<Uint8Array>) => {
  const values: unknown[] = [];
  for await (const value of ndjsonValues(body)) values.push(value);
  return values;
};

describe("ndjsonValues", () => {
  it("parses each line, whatever the chunks' boundaries", async () => {
    expect(await read(bodyOf(['{"a":1}\n{"b"', ':[2,3]}\n{"c":', "null}\n"]))).toEqual([
      { a: 1 },
      { b: [2, 3] },
      { c: null },
    ]);
  });

  it("joins a character split between chunks", async () => {
    const bytes = new TextEncoder().encode('{"title":"Café ☕"}\n');
    const cut = bytes.indexOf(0xe2) + 1; // inside the three bytes of ☕
    expect(await read(bodyOf([bytes.slice(0, cut), bytes.slice(cut)]))).toEqual([
      { title: "Café ☕" },
    ]);
  });

  it("reads a last line without its newline and skips blank lines", async () => {
    expect(await read(bodyOf(['{"a":1}\n\n', '\n{"b":2}']))).toEqual([{ a: 1 }, { b: 2 }]);
  });

  it("reads a line longer than many chunks", async () => {
    const long = JSON.stringify({ value: "x".repeat(100_000) });
    const chunks = long.match(/[\s\S]{1,1000}/g) ?? [];
    expect(await read(bodyOf([...chunks, "\n"]))).toEqual([{ value: "x".repeat(100_000) }]);
  });

  it("refuses a line that is not JSON as an unexpected answer", async () => {
    const failure = read(bodyOf(['{"a":1}\n', "<html>\n"]));
    await expect(failure).rejects.toThrow(SdkError);
    await expect(failure).rejects.toMatchObject({ code: "bad_response" });
  });

  it("cancels the body when the reader stops early", async () => {
    const events: string[] = [];
    for await (const value of ndjsonValues(bodyOf(['{"a":1}\n', '{"b":2}\n'], events))) {
      expect(value).toEqual({ a: 1 });
      break;
    }
    expect(events).toEqual(["cancelled"]);
  });
});
