import { readFileSync } from "node:fs";
import { resolve } from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { fromBase64Url } from "../../../lib/crypto/base64url";
import { bundleMessage as buildBundleMessage, verifyBundle } from "../../../lib/crypto/bundle";
import { decryptItem } from "../../../lib/crypto/items";
import { parseSecretKey } from "../../../lib/crypto/secret-key";
import { verifyMessage } from "../../../lib/crypto/sign";
import { getSodium } from "../../../lib/crypto/sodium";
import { unwrapUserKey } from "../../../lib/crypto/user-keys";
import { acceptGrant } from "../../../lib/crypto/vault-keys";
import {
  computeVectors,
  VECTOR_INPUTS,
  vectorBundle,
  vectorGrant,
  type VectorOutputs,
} from "./vector-cases";

/**
 * DO NOT "FIX" BY REGENERATING: a failure here means the protocol changed incompatibly —
 * existing accounts would no longer derive the keys they were created with. Regenerate
 * test/fixtures/crypto-vectors.json only for a deliberate, versioned protocol change.
 */
type VectorFile = { protocol: string; inputs: unknown; outputs: VectorOutputs };

const committed = JSON.parse(
  readFileSync(resolve(__dirname, "../../fixtures/crypto-vectors.json"), "utf8"),
) as VectorFile;

let computed: VectorOutputs;

beforeAll(async () => {
  await getSodium();
  computed = computeVectors();
});

describe("protocol v1 test vectors", () => {
  it("were generated from the same inputs", () => {
    expect(committed.protocol).toBe("v1");
    expect(committed.inputs).toEqual(JSON.parse(JSON.stringify(VECTOR_INPUTS)));
  });

  it.each(Object.keys(committed.outputs) as Array<keyof VectorOutputs>)(
    "%s matches the committed value",
    (name) => {
      expect(computed[name]).toEqual(committed.outputs[name]);
    },
  );

  it("covers every computed value", () => {
    expect(Object.keys(committed.outputs).sort()).toEqual(Object.keys(computed).sort());
  });

  it("committed values also verify and open with the public API", () => {
    const outputs = committed.outputs;
    expect(
      verifyMessage(
        fromBase64Url(outputs.loginPublicKey),
        outputs.loginMessage,
        fromBase64Url(outputs.loginSignature),
      ),
    ).toBe(true);
    expect(
      unwrapUserKey(
        fromBase64Url(outputs.accountUnlockKey),
        outputs.wrappedUserKey,
        VECTOR_INPUTS.userId,
      ),
    ).toEqual(fromBase64Url(VECTOR_INPUTS.userKey));
    const bundle = vectorBundle();
    expect(buildBundleMessage(bundle)).toBe(outputs.bundleMessage);
    expect(verifyBundle(bundle, outputs.bundleSignature)).toBe(true);
    expect(parseSecretKey(outputs.secretKeyFormatted)).toEqual(
      fromBase64Url(VECTOR_INPUTS.secretKey),
    );
  });

  it("committed vault-layer values open and verify with the public API", async () => {
    const sodium = await getSodium();
    const outputs = committed.outputs;
    const inputs = VECTOR_INPUTS;
    expect(
      decryptItem(fromBase64Url(inputs.vaultKey), outputs.itemEnvelope, {
        vaultId: inputs.vaultId,
        itemId: inputs.itemId,
        keyVersion: inputs.keyVersion,
        revision: inputs.revision,
      }),
    ).toEqual(inputs.item);
    const identity = sodium.crypto_sign_seed_keypair(fromBase64Url(inputs.identitySignSeed));
    const box = sodium.crypto_box_seed_keypair(fromBase64Url(inputs.identityBoxSeed));
    expect(
      acceptGrant({
        grant: vectorGrant(),
        signature: outputs.grantSignature,
        granterSignPublicKey: identity.publicKey,
        trusted: true,
        boxKeyPair: { publicKey: box.publicKey, privateKey: box.privateKey },
        expectedUserId: inputs.userId,
      }),
    ).toEqual(fromBase64Url(inputs.vaultKey));
  });
});
