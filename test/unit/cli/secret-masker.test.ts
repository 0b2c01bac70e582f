import { describe, expect, it } from "vitest";
import { MASK, SecretMasker, maskNeedles } from "@/cli/run/secret-masker";

/** Feeds `text` to a masker in the given chunk sizes and returns everything it wrote. */
function feed(needles: string[], chunks: string[]): string {
  const masker = new SecretMasker(maskNeedles(needles));
  return chunks.map((chunk) => masker.push(chunk)).join("") + masker.flush();
}

function splitEvery(text: string, size: number): string[] {
  const chunks: string[] = [];
  for (let start = 0; start < text.length; start += size)
    chunks.push(text.slice(start, start + size));
  return chunks;
}

describe("SecretMasker", () => {
  const secret = "sk_live_4417abcd";
  const line = `token=${secret} done\n`;

  it("masks a value inside one chunk", () => {
    expect(feed([secret], [line])).toBe(`token=${MASK} done\n`);
  });

  it.each([1, 2, 3, 5, 7, 16])("masks a value split into chunks of %i characters", (size) => {
    const output = feed([secret], splitEvery(line.repeat(3), size));
    expect(output).toBe(`token=${MASK} done\n`.repeat(3));
    expect(output).not.toContain("sk_live");
  });

  it("releases text at once when it cannot start a secret", () => {
    const masker = new SecretMasker([secret]);
    expect(masker.push("hello ")).toBe("hello ");
    expect(masker.push("sk_li")).toBe("");
    expect(masker.holding).toBe(true);
    expect(masker.push("ve_4417abcd!")).toBe(`${MASK}!`);
  });

  it("lets a held prefix go as it is when flushed, since the rest never came", () => {
    const masker = new SecretMasker([secret]);
    expect(masker.push("prompt sk_")).toBe("prompt ");
    expect(masker.flush()).toBe("sk_");
  });

  it("prefers the longer of two values that start alike, even split at the shorter's end", () => {
    const output = feed(["abcd", "abcdefgh"], ["x abcd", "efgh y abcd z"]);
    expect(output).toBe(`x ${MASK} y ${MASK} z`);
    expect(output).not.toContain("efgh");
  });

  it("masks a multi-line value whole, and each of its lines printed on their own", () => {
    const pem = "-----BEGIN KEY-----\nMIIEvQIBADANBgkq\nhkiG9w0BAQEFAASC\n-----END KEY-----";
    expect(feed([pem], [`key:\n${pem}\n`])).toBe(`key:\n${MASK}\n`);
    const lineByLine = feed([pem], splitEvery(`a MIIEvQIBADANBgkq b\nc hkiG9w0BAQEFAASC d\n`, 3));
    expect(lineByLine).toBe(`a ${MASK} b\nc ${MASK} d\n`);
    const crlf = pem.replace(/\n/g, "\r\n");
    expect(feed([crlf], [pem])).toBe(MASK);
  });

  it("leaves values shorter than four characters alone", () => {
    expect(maskNeedles(["abc", "", "true", "ab\ncd"])).toEqual(["true", "ab\ncd"]);
    expect(feed(["abc"], ["abc abc"])).toBe("abc abc");
  });

  it("masks many values in a large stream without losing other text", () => {
    const values = Array.from({ length: 50 }, (_, index) => `secret-value-${index}-xyz`);
    const text = values.map((value, index) => `line ${index}: ${value}\n`).join("");
    const output = feed(values, splitEvery(text, 13));
    expect(output).toBe(values.map((_, index) => `line ${index}: ${MASK}\n`).join(""));
  });
});
