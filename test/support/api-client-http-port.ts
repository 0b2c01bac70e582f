// The SDK's HttpPort over a test ApiClient: requests carry its cookies and Origin header and
// land in its exchange log (which the zero-knowledge tests read); an answer outside 2xx
// becomes the SdkError the port promises.
import { SdkError, type HttpPort } from "../../lib/sdk/http-port";
import type { ApiClient } from "./protocol-client";

export function apiClientHttpPort(client: ApiClient): HttpPort {
  return {
    async request({ method, path, headers, body }) {
      const answer = await client.request(path, { method, headers, json: body });
      if (answer.status >= 200 && answer.status < 300) return answer.body;
      const error = (answer.body as { error?: { code?: string; message?: string; field?: string } })
        ?.error;
      throw new SdkError(
        error?.code ?? "server",
        error?.message ?? `The server answered ${answer.status}.`,
        answer.status,
        error?.field,
      );
    },
  };
}
