import "server-only";

/** Where browsers send Content-Security-Policy violation reports (both report formats). */
export const cspReportPath = "/api/v1/csp-reports";

/** 128 random bits, fresh for every page response: a nonce that repeats is no nonce. */
export function createNonce(): string {
  return Buffer.from(crypto.getRandomValues(new Uint8Array(16))).toString("base64");
}

/**
 * The policy for every page. The page is the attack surface (DESIGN.md, "Sessions, MFA and
 * policy"): any script that runs in it can read unlocked keys, so only scripts carrying this
 * response's nonce, and the chunks they load ('strict-dynamic'), may run. See
 * docs/decisions/0014-content-security-policy.md.
 */
export function pageContentSecurityPolicy(nonce: string): string {
  return [
    "default-src 'none'",
    // 'wasm-unsafe-eval' compiles libsodium's WebAssembly; it does not allow eval() of strings.
    `script-src 'nonce-${nonce}' 'strict-dynamic' 'wasm-unsafe-eval'`,
    // Stylesheets are our own files or Next's nonce-carrying <style>; an injected <style> is
    // refused. Style attributes stay allowed: progress bars render their width as one on the
    // server, and an attribute cannot load anything (img-src and font-src still apply).
    `style-src 'self' 'nonce-${nonce}'`,
    "style-src-attr 'unsafe-inline'",
    // The icon is the only image; fonts are the system's, so font-src stays at 'none'.
    "img-src 'self'",
    "connect-src 'self'",
    // The key-derivation worker (lib/client/kdf.worker.ts) is a same-origin bundle chunk.
    "worker-src 'self'",
    "object-src 'none'",
    "base-uri 'none'",
    "form-action 'self'",
    "frame-ancestors 'none'",
    // Not report-to: Chromium then ignores report-uri and queues reports for the Reporting API,
    // which delivered none within a minute here. The route accepts both formats.
    `report-uri ${cspReportPath}`,
  ].join("; ");
}

/** One year, as HSTS preload lists expect; only ever sent when the app is served over https. */
export const strictTransportSecurity = "max-age=31536000; includeSubDomains";
