/**
 * Regenerates test/fixtures/crypto-vectors.json. Run from the project root:
 * `npx tsx test/unit/crypto/make-vectors.ts`.
 * Only do this for a deliberate protocol change — the committed file is what proves that a new
 * build still derives the keys existing accounts were created with.
 */
import { writeFileSync } from "node:fs";
import { resolve } from "node:path";
import { getSodium } from "../../../lib/crypto";
import { computeVectors, VECTOR_INPUTS } from "./vector-cases";

async function main(): Promise<void> {
  await getSodium();
  const document = {
    description:
      "Coffer protocol v1 test vectors. Binary values are base64url without padding. " +
      "The KDF uses small test parameters (recorded in inputs.kdf); production uses KDF_V1.",
    protocol: "v1",
    inputs: VECTOR_INPUTS,
    outputs: computeVectors(),
  };

  const target = resolve(process.cwd(), "test/fixtures/crypto-vectors.json");
  writeFileSync(target, `${JSON.stringify(document, null, 2)}\n`);
  console.log(`wrote ${target}`);
}

// A script, not a module other code imports: top-level await is unavailable under tsx's CJS output.
main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
