import { recordExportResponse, type RecordExportRequest } from "@/lib/api/export";
import { SdkError, type HttpPort } from "../http-port";

/**
 * Tells the server an export is about to be written. DO NOT produce the file when this throws:
 * a refusal (403 step_up_required for a plain file) is how the step-up rule reaches the client.
 */
export async function recordExport(http: HttpPort, request: RecordExportRequest): Promise<void> {
  const answer = recordExportResponse.safeParse(
    await http.request({ method: "POST", path: "/api/v1/exports", body: request }),
  );
  if (!answer.success) {
    throw new SdkError("bad_response", "The server sent an unexpected answer.");
  }
}
