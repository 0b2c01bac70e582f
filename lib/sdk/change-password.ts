import { revokedCountResponse } from "@/lib/api/session";
import { fromBase64Url, upgradedKdfParams } from "@/lib/crypto";
import { buildAccountRekey } from "./account-rekey";
import { deriveKeys, type AccountKeys } from "./derive-keys";
import type { SessionHttpPort } from "./http-port";
import type { KdfRunner } from "./kdf-runner";
import { prelogin, requestChallenge } from "./sign-in";
import { fetchKeyMaterial, openKeyMaterial } from "./unlock";
import { wipe, wipeUnlockedAccount, type UnlockedAccount } from "./unlocked-account";

/**
 * Changes the master password without touching the userKey: the current password is checked
 * locally first (a wrong one gets WrongPasswordError without a proof being spent), then proves
 * itself with a login signature, and a new salt and Argon2id re-wrap the same userKey. The
 * parameters never drop below KDF_V1 nor below what the account already has. The server ends
 * the account's other sessions and says how many.
 */
export async function changePassword(
  ports: { http: SessionHttpPort; kdf: KdfRunner },
  input: {
    account: UnlockedAccount;
    secretKey: Uint8Array;
    currentPassword: string;
    newPassword: string;
    onPhase?: (phase: "current" | "new" | "saving") => void;
  },
): Promise<{ revoked: number }> {
  const { salt, kdf } = await prelogin(ports.http, input.account.email);
  input.onPhase?.("current");
  const current = await deriveKeys(ports.kdf, {
    password: input.currentPassword,
    secretKey: input.secretKey,
    salt: fromBase64Url(salt),
    params: kdf,
  });
  let replacement: AccountKeys | undefined;
  try {
    const material = await fetchKeyMaterial(ports.http);
    wipeUnlockedAccount(
      await openKeyMaterial(current.accountUnlockKey, material, input.account.userId),
    );
    input.onPhase?.("new");
    const params = upgradedKdfParams(kdf);
    const challenge = await requestChallenge(ports.http);
    const rekey = await buildAccountRekey(ports.kdf, {
      origin: ports.http.origin,
      account: input.account,
      loginPrivateKey: current.loginKeyPair.privateKey,
      challenge,
      password: input.newPassword,
      secretKey: input.secretKey,
      params,
    });
    replacement = rekey.keys;
    input.onPhase?.("saving");
    return revokedCountResponse.parse(
      await ports.http.request({
        method: "POST",
        path: "/api/v1/account/password",
        body: rekey.body,
      }),
    );
  } finally {
    wipe(
      current.accountUnlockKey,
      current.loginKeyPair.privateKey,
      replacement?.accountUnlockKey,
      replacement?.loginKeyPair.privateKey,
    );
  }
}
