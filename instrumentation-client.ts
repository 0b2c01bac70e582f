import { z } from "zod";

// DO NOT REMOVE: zod compiles object parsers with `new Function` unless told not to, and probes
// for it when a schema is defined, as lib/api's modules load. The page's Content-Security-Policy
// refuses it; zod catches the refusal and falls back, but the browser reports a violation from
// every page. This file runs before any of the app's own modules (Next.js instrumentation-client).
z.config({ jitless: true });
