import { SdkError } from "./http-port";

/**
 * The values of a newline-delimited JSON body, each parsed as soon as its line is complete, so
 * a reader works on the first while the rest are still on the wire. Blank lines are skipped; a
 * line that is not JSON is refused as an unexpected answer. Stopping early cancels the body.
 */
export async function* ndjsonValues(body: ReadableStream<Uint8Array>): AsyncGenerator<unknown> {
  const reader = body.getReader();
  const decoder = new TextDecoder();
  // The pieces of a line longer than one chunk, joined once it ends: a 1 MB page arrives in
  // dozens of chunks, and appending each to a growing string would copy it as often.
  let pieces: string[] = [];
  let finished = false;
  try {
    while (!finished) {
      const { done, value } = await reader.read();
      finished = done;
      const text = done ? decoder.decode() : decoder.decode(value, { stream: true });
      let start = 0;
      for (let end = text.indexOf("\n"); end !== -1; end = text.indexOf("\n", start)) {
        pieces.push(text.slice(start, end));
        const line = pieces.join("");
        pieces = [];
        start = end + 1;
        if (line.trim()) yield parseLine(line);
      }
      if (start < text.length) pieces.push(text.slice(start));
    }
    const last = pieces.join("");
    if (last.trim()) yield parseLine(last);
  } finally {
    if (!finished) await reader.cancel().catch(() => {});
    reader.releaseLock();
  }
}

function parseLine(line: string): unknown {
  try {
    return JSON.parse(line);
  } catch {
    throw new SdkError("bad_response", "The server sent an unexpected answer.");
  }
}
