// The command line's half of `coffer login` over HTTP, for integration tests: start a request
// with a fresh keypair, poll it, and use the session it yields as a bearer credential.
import {
  deviceCode,
  getSodium,
  newDeviceKeyPair,
  toBase64Url,
  type KeyPair,
} from "../../lib/crypto";
import { ApiClient } from "./protocol-client";

export interface StartedDeviceLogin {
  device: KeyPair;
  code: string;
  id: string;
  pollToken: string;
  expiresAt: string;
}

/** No cookies: the CLI has none, and the poll secret must be all it takes. */
export const cliClient = (baseUrl: string) => new ApiClient(baseUrl);

export async function startDeviceLogin(
  baseUrl: string,
  clientName = "build-box",
): Promise<StartedDeviceLogin> {
  await getSodium();
  const device = newDeviceKeyPair();
  const response = await cliClient(baseUrl).request("/api/v1/device-logins", {
    json: { publicKey: toBase64Url(device.publicKey), clientName },
  });
  if (response.status !== 201) {
    throw new Error(`device login failed to start: ${JSON.stringify(response.body)}`);
  }
  const body = response.body as { id: string; pollToken: string; expiresAt: string };
  return { device, code: deviceCode(device.publicKey), ...body };
}

export function pollDeviceLogin(baseUrl: string, id: string, pollToken: string) {
  return cliClient(baseUrl).request(`/api/v1/device-logins/${id}/poll`, { json: { pollToken } });
}

/** A request with the CLI's session credential and nothing else. */
export function withBearer(
  baseUrl: string,
  sessionToken: string,
  path: string,
  init: { method?: string; json?: unknown } = {},
) {
  return cliClient(baseUrl).request(path, {
    ...init,
    headers: { authorization: `Bearer ${sessionToken}` },
  });
}
