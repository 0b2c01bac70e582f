// The zero-knowledge detector: looks for secrets in anything the server saw or kept, in every
// spelling a careless line of code could have written them in.

export type SecretValue = Uint8Array | string;

export interface SecretSighting {
  secret: string;
  encoding: string;
  offset: number;
}

/** The spellings of one secret: raw bytes, hex (both cases), base64 (padded, unpadded), base64url. */
export function secretSpellings(value: SecretValue): Array<[encoding: string, needle: Buffer]> {
  const bytes = typeof value === "string" ? Buffer.from(value, "utf8") : Buffer.from(value);
  const base64 = bytes.toString("base64");
  const spellings: Array<[string, string | Buffer]> = [
    [typeof value === "string" ? "utf-8" : "raw bytes", bytes],
    ["hex", bytes.toString("hex")],
    ["HEX", bytes.toString("hex").toUpperCase()],
    ["base64", base64],
    ["base64 without padding", base64.replace(/=+$/, "")],
    ["base64url", bytes.toString("base64url")],
  ];
  // Spellings that coincide (base64 without padding of a 3n-byte value, say) are searched once.
  const seen = new Set<string>();
  const unique: Array<[string, Buffer]> = [];
  for (const [encoding, needle] of spellings) {
    const buffer = Buffer.isBuffer(needle) ? needle : Buffer.from(needle, "utf8");
    const key = buffer.toString("hex");
    if (seen.has(key)) continue;
    seen.add(key);
    unique.push([encoding, buffer]);
  }
  return unique;
}

export function findSecrets(
  haystack: Buffer | string,
  secrets: Record<string, SecretValue>,
): SecretSighting[] {
  const buffer = typeof haystack === "string" ? Buffer.from(haystack, "utf8") : haystack;
  const sightings: SecretSighting[] = [];
  for (const [name, value] of Object.entries(secrets)) {
    if (value.length < 8) throw new Error(`secret ${name} is too short to search for reliably`);
    for (const [encoding, needle] of secretSpellings(value)) {
      const offset = buffer.indexOf(needle);
      if (offset >= 0) sightings.push({ secret: name, encoding, offset });
    }
  }
  return sightings;
}

/** Throws, naming the secret, the spelling and the place, when any secret appears in `haystack`. */
export function expectNoSecrets(
  haystack: Buffer | string,
  secrets: Record<string, SecretValue>,
  where = "haystack",
): void {
  const sightings = findSecrets(haystack, secrets);
  if (sightings.length === 0) return;
  const lines = sightings.map(
    (sighting) =>
      `  ${sighting.secret} as ${sighting.encoding} at offset ${sighting.offset} of ${where}`,
  );
  throw new Error(`secrets leaked into ${where}:\n${lines.join("\n")}`);
}
