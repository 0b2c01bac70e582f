// The browser's reader of a streamed answer (a vault's item pages in one): values line by line,
// an error status as the server's own error, and an answer that breaks off as a network error
// rather than as a short list.
import { afterEach, describe, expect, it, vi } from "vitest";
import { ApiError, apiLines } from "@/lib/client/api";

const encoder = new TextEncoder();

function streamedAnswer(lines: string[], breakOff = false) {
  let index = 0;
  const body = new ReadableStream<Uint8Array>({
    pull(controller) {
      const line = lines[index++];
      if (line !== undefined) return controller.enqueue(encoder.encode(line));
      if (breakOff) return controller.error(new TypeError("network error"));
      controller.close();
    },
  });
  return new Response(body, { headers: { "content-type": "application/x-ndjson" } });
}

const read = async (path: string) => {
  const values: unknown[] = [];
  for await (const value of apiLines(path)) values.push(value);
  return values;
};

afterEach(() => {
  vi.unstubAllGlobals();
});

describe("apiLines", () => {
  it("asks for newline-delimited JSON and yields each line's value", async () => {
    const fetch = vi.fn(async () =>
      streamedAnswer(['{"items":[],"next":"a"}\n{"it', 'ems":[],"next":null}\n']),
    );
    vi.stubGlobal("fetch", fetch);
    expect(await read("/api/v1/vaults/v/items?limit=100")).toEqual([
      { items: [], next: "a" },
      { items: [], next: null },
    ]);
    expect(fetch).toHaveBeenCalledWith(
      "/api/v1/vaults/v/items?limit=100",
      expect.objectContaining({
        method: "GET",
        headers: { accept: "application/x-ndjson" },
        credentials: "same-origin",
        cache: "no-store",
      }),
    );
  });

  it("throws the server's error for an error status, before any value", async () => {
    vi.stubGlobal(
      "fetch",
      vi.fn(async () =>
        Response.json({ error: { code: "not_found", message: "No such vault." } }, { status: 404 }),
      ),
    );
    await expect(read("/api/v1/vaults/v/items")).rejects.toMatchObject({
      status: 404,
      code: "not_found",
      message: "No such vault.",
    });
  });

  it("reports an answer that breaks off as a network error", async () => {
    vi.stubGlobal(
      "fetch",
      vi.fn(async () => streamedAnswer(['{"items":[],"next":"a"}\n'], true)),
    );
    const failure = read("/api/v1/vaults/v/items");
    await expect(failure).rejects.toBeInstanceOf(ApiError);
    await expect(failure).rejects.toMatchObject({ code: "network" });
  });

  it("reports an unreachable server as it does for every other call", async () => {
    vi.stubGlobal(
      "fetch",
      vi.fn(async () => {
        throw new TypeError("Failed to fetch");
      }),
    );
    await expect(read("/api/v1/vaults/v/items")).rejects.toMatchObject({
      code: "network",
      message: "Cannot reach Coffer. Check your connection and try again.",
    });
  });
});
