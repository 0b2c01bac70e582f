import { needsKdfUpgrade, upgradedKdfParams, type KdfParams } from "@/lib/crypto";
import { buildAccountRekey } from "./account-rekey";
import type { SessionHttpPort } from "./http-port";
import type { KdfRunner } from "./kdf-runner";
import { requestChallenge } from "./sign-in";
import { wipe, type UnlockedAccount } from "./unlocked-account";

/**
 * Brings an account made under older KDF parameters up to the current ones, straight after a
 * sign-in: the same userKey re-wrapped under a key from a fresh salt and the upgraded
 * parameters, with the current login key signing for the change
 * (docs/decisions/0016-kdf-parameters-upgrade.md). Does nothing for a current account.
 */
export async function upgradeKdf(
  ports: { http: SessionHttpPort; kdf: KdfRunner },
  input: {
    account: UnlockedAccount;
    password: string;
    secretKey: Uint8Array;
    stored: KdfParams;
    loginPrivateKey: Uint8Array;
  },
): Promise<{ upgraded: boolean }> {
  if (!needsKdfUpgrade(input.stored)) return { upgraded: false };
  const challenge = await requestChallenge(ports.http);
  const { body, keys } = await buildAccountRekey(ports.kdf, {
    origin: ports.http.origin,
    account: input.account,
    loginPrivateKey: input.loginPrivateKey,
    challenge,
    password: input.password,
    secretKey: input.secretKey,
    params: upgradedKdfParams(input.stored),
  });
  try {
    await ports.http.request({ method: "POST", path: "/api/v1/account/kdf-upgrade", body });
    return { upgraded: true };
  } finally {
    wipe(keys.accountUnlockKey, keys.loginKeyPair.privateKey);
  }
}
