import { recordExportRequest, recordExportResponse } from "../export";
import { defineRoute } from "../route-spec";

/** Exports: the client records each one before it writes the file. */
export const exportRoutes = {
  recordExport: defineRoute({
    method: "POST",
    path: "/api/v1/exports",
    access: "session (step-up for json, csv)",
    body: recordExportRequest,
    status: 201,
    response: recordExportResponse,
  }),
};
