/** What a masked value is replaced with in the child's output. */
export const MASK = "<concealed by coffer>";

/** Shorter values would mask ordinary words and numbers (`true`, `443`) all over the output. */
export const MIN_MASKED_LENGTH = 4;

/**
 * The strings to hide for a set of secret values: each value of 4+ characters, and each line of
 * a multi-line value on its own (a program that prints a PEM key line by line, or re-wraps
 * CRLF as LF, must not show it either).
 */
export function maskNeedles(values: Iterable<string>): string[] {
  const needles = new Set<string>();
  for (const value of values) {
    if (value.length >= MIN_MASKED_LENGTH) needles.add(value);
    if (!/[\r\n]/.test(value)) continue;
    needles.add(value.replace(/\r\n/g, "\n"));
    for (const line of value.split(/\r?\n/)) {
      needles.add(line);
      needles.add(line.trim());
    }
  }
  return [...needles].filter((needle) => needle.length >= MIN_MASKED_LENGTH);
}

/**
 * Replaces secret values in a stream of text that arrives in arbitrary chunks. Output is
 * released as soon as it cannot be the start of a secret: only a tail that is a proper prefix
 * of some value is held back, until the next chunk decides it, or `flush()` (end of stream, or
 * the caller's short idle timer) lets it go as it is. Matching is leftmost, longest first.
 */
export class SecretMasker {
  private readonly byFirstCharacter = new Map<string, string[]>();
  private pending = "";

  constructor(needles: Iterable<string>) {
    const sorted = [...new Set(needles)]
      .filter((needle) => needle.length > 0)
      .sort((a, b) => b.length - a.length);
    for (const needle of sorted) {
      const first = needle[0] as string;
      const list = this.byFirstCharacter.get(first) ?? [];
      list.push(needle);
      this.byFirstCharacter.set(first, list);
    }
  }

  /** Whether any text is held back waiting for the next chunk. */
  get holding(): boolean {
    return this.pending.length > 0;
  }

  push(chunk: string): string {
    this.pending += chunk;
    return this.drain(false);
  }

  /** Releases everything held, masking what is complete. */
  flush(): string {
    return this.drain(true);
  }

  private drain(final: boolean): string {
    const text = this.pending;
    const out: string[] = [];
    let plainStart = 0;
    let position = 0;
    while (position < text.length) {
      const candidates = this.byFirstCharacter.get(text[position] as string);
      if (candidates) {
        const remaining = text.length - position;
        // A value that could still complete with the next chunk: hold from here, because a
        // shorter value matching now could be the start of a longer one.
        if (
          !final &&
          candidates.some(
            (needle) =>
              needle.length > remaining &&
              needle.startsWith(text.slice(position, position + remaining)),
          )
        ) {
          break;
        }
        const match = candidates.find((needle) => text.startsWith(needle, position));
        if (match) {
          out.push(text.slice(plainStart, position), MASK);
          position += match.length;
          plainStart = position;
          continue;
        }
      }
      position++;
    }
    out.push(text.slice(plainStart, position));
    this.pending = text.slice(position);
    return out.join("");
  }
}
