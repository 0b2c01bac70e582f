import { z } from "zod";

// Browsers send more fields (the whole policy, a script sample, the referrer); only these are
// read, and nothing else is kept.
const text = z.string().max(8192);

/** `report-uri`: one violation per request, `Content-Type: application/csp-report`. */
export const legacyCspReport = z.object({
  "csp-report": z.object({
    "document-uri": text,
    "effective-directive": text.optional(),
    "violated-directive": text.optional(),
    "blocked-uri": text.optional(),
  }),
});

/** `report-to` (Reporting API): a batch, `Content-Type: application/reports+json`. */
export const reportingApiBatch = z
  .array(
    z.object({
      type: text,
      url: text.optional(),
      body: z
        .object({
          documentURL: text.optional(),
          effectiveDirective: text.optional(),
          blockedURL: text.optional(),
        })
        .optional(),
    }),
  )
  .min(1)
  .max(100);
