import { StringDecoder } from "node:string_decoder";
import type { Readable, Writable } from "node:stream";
import { SecretMasker } from "./secret-masker";

/**
 * How long a possible start of a secret waits for the rest before it is written as it is: long
 * enough for a program's next write, short enough that a prompt still shows at once.
 */
export const HOLD_BACK_MS = 25;

/**
 * Copies a child's output to ours through a SecretMasker. Text is decoded as UTF-8 (a
 * character split across chunks is kept whole); resolves when the source has ended and
 * everything is written.
 */
export function maskedPipe(
  source: Readable,
  target: Writable,
  needles: readonly string[],
): Promise<void> {
  const masker = new SecretMasker(needles);
  const decoder = new StringDecoder("utf8");
  let timer: NodeJS.Timeout | undefined;
  const write = (text: string) => {
    if (text) target.write(text);
  };
  return new Promise((resolve) => {
    source.on("data", (chunk: Buffer) => {
      clearTimeout(timer);
      write(masker.push(decoder.write(chunk)));
      if (masker.holding) timer = setTimeout(() => write(masker.flush()), HOLD_BACK_MS);
    });
    source.on("end", () => {
      clearTimeout(timer);
      write(masker.push(decoder.end()));
      write(masker.flush());
      resolve();
    });
    source.on("error", () => resolve());
  });
}
