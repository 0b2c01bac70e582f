import "server-only";
import { legacyCspReport, reportingApiBatch } from "@/lib/api/csp-report";
import { HttpError, badRequest } from "./errors";

/** What is kept of a violation: never a query string, a fragment, a script sample or a policy. */
export interface CspViolation {
  directive: string;
  blocked: string;
  page: string;
}

/** A report is a few hundred bytes; a batch of a hundred fits with room to spare. */
export const maxReportBytes = 64 * 1024;

const acceptedTypes = new Set([
  "application/csp-report",
  "application/reports+json",
  "application/json",
]);

export function assertReportContentType(request: Request): void {
  const type = request.headers.get("content-type")?.split(";")[0]?.trim().toLowerCase() ?? "";
  if (!acceptedTypes.has(type)) {
    throw new HttpError(
      415,
      "unsupported_media_type",
      "Send application/csp-report or application/reports+json.",
    );
  }
}

/** Reads at most maxReportBytes, whatever Content-Length claims, and refuses the rest. */
export async function readReportBody(request: Request): Promise<unknown> {
  const declared = Number(request.headers.get("content-length") ?? "0");
  if (declared > maxReportBytes) throw tooLarge();
  const reader = request.body?.getReader();
  if (!reader) throw badRequest("The report is empty.");
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > maxReportBytes) {
      await reader.cancel().catch(() => {});
      throw tooLarge();
    }
    chunks.push(value);
  }
  try {
    return JSON.parse(new TextDecoder("utf-8", { fatal: true }).decode(Buffer.concat(chunks)));
  } catch {
    throw badRequest("The report must be JSON.");
  }
}

const tooLarge = () =>
  new HttpError(413, "payload_too_large", `A report may be at most ${maxReportBytes} bytes.`);

/** Both report formats, reduced to what we keep; reports of other kinds are skipped. */
export function parseCspReports(input: unknown): CspViolation[] {
  const legacy = legacyCspReport.safeParse(input);
  if (legacy.success) {
    const report = legacy.data["csp-report"];
    return [
      violation(
        report["effective-directive"] ?? report["violated-directive"],
        report["blocked-uri"],
        report["document-uri"],
      ),
    ];
  }
  const batch = reportingApiBatch.safeParse(input);
  if (batch.success) {
    return batch.data
      .filter((report) => report.type === "csp-violation" && report.body)
      .map(({ body, url }) =>
        violation(body?.effectiveDirective, body?.blockedURL, body?.documentURL ?? url),
      );
  }
  throw badRequest("Not a Content-Security-Policy report.");
}

function violation(
  directive: string | undefined,
  blocked: string | undefined,
  documentUrl: string | undefined,
): CspViolation {
  // violated-directive may carry the directive's sources after its name.
  const name = directive?.trim().split(/\s+/)[0]?.toLowerCase() ?? "";
  return {
    directive: /^[a-z-]{1,40}$/.test(name) ? name : "unknown",
    blocked: blockedSource(blocked),
    page: pagePath(documentUrl),
  };
}

/** A URL's origin only (its path and query may name a secret); keywords such as "inline" as is. */
function blockedSource(value: string | undefined): string {
  if (!value) return "unknown";
  if (/^[a-z-]{1,30}$/.test(value)) return value;
  try {
    const url = new URL(value);
    if (url.origin !== "null") return url.origin;
    return /^[a-z][a-z0-9+.-]{0,20}:$/.test(url.protocol) ? url.protocol : "other";
  } catch {
    return "other";
  }
}

function pagePath(value: string | undefined): string {
  if (!value) return "unknown";
  try {
    // pathname is percent-encoded, so it cannot carry a line break into the log.
    return new URL(value).pathname.slice(0, 200);
  } catch {
    return "unknown";
  }
}

// One process logs at most this many violations a minute: an injected script in a loop, or
// anyone posting reports, must not fill the disk.
const perMinute = 60;
let windowStart = 0;
let recorded = 0;
let dropped = 0;

export function recordCspViolations(violations: CspViolation[], now = Date.now()): void {
  if (now - windowStart >= 60_000) {
    if (dropped > 0) console.warn(`[csp] ${dropped} further violation reports not logged`);
    windowStart = now;
    recorded = 0;
    dropped = 0;
  }
  for (const entry of violations) {
    if (recorded >= perMinute) {
      dropped++;
      continue;
    }
    recorded++;
    console.warn(`[csp] violation ${JSON.stringify(entry)}`);
  }
}
