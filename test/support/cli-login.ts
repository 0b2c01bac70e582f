// `coffer login` approved from the person's browser session, as the approval page does: the
// signed-in CLI that the person-facing command tests start from.
import { sealUserKeyForDevice } from "@/lib/sdk/device-approval";
import { EXIT } from "../../cli/errors";
import { cleanEnv, startCli, waitFor } from "./cli";
import { signedInClient } from "./flows";
import type { AccountSecrets } from "./protocol-client";

const codeOnScreen = /\b([0-9A-Z]{5}-[0-9A-Z]{5})\b/;

/** Signs the CLI in under `configDir`; answers the environment its commands then run with. */
export async function signInCli(
  serverUrl: string,
  secrets: AccountSecrets,
  configDir: string,
): Promise<Record<string, string>> {
  const { client, accountUnlockKey } = await signedInClient(serverUrl, secrets);
  const { userKey } = await client.unlock(accountUnlockKey);
  const loginEnv = cleanEnv({ COFFER_CONFIG_DIR: configDir });
  const cli = startCli(["login", serverUrl], { env: loginEnv });
  await waitFor(() => codeOnScreen.test(cli.output()), "the login code");
  const code = codeOnScreen.exec(cli.output())![1]!;
  const found = await client.request(`/api/v1/device-logins?code=${code}`);
  const { deviceLogin } = found.body as { deviceLogin: { id: string; publicKey: string } };
  const sealedUserKey = sealUserKeyForDevice({
    typedCode: code,
    publicKey: deviceLogin.publicKey,
    userKey,
  });
  const approve = await client.request(`/api/v1/device-logins/${deviceLogin.id}/approve`, {
    json: { sealedUserKey },
  });
  if (approve.status !== 204) throw new Error(`approval answered ${approve.status}`);
  const login = await cli.result;
  if (login.code !== EXIT.ok) throw new Error(`coffer login failed: ${login.stderr}`);
  return loginEnv;
}
