import "server-only";
import { z } from "zod";
import { parseAddressRanges } from "./ip-address";

// Validated once at boot: a bad value stops start-up with a message naming the variable.
const schema = z.object({
  // An empty value means unset, as shells and process managers often pass one.
  DATABASE_URL: z.preprocess(
    (value) => (value === "" ? undefined : value),
    z
      .string()
      .regex(/^postgres(ql)?:\/\//, "must be a postgresql:// connection string")
      .optional(),
  ),
  COFFER_DATA_DIR: z.string().min(1).default(".data"),
  COFFER_URL: z.url().default("http://localhost:3000"),
  COFFER_SECRET: z.string().min(32, "must be at least 32 characters").optional(),
  COFFER_SESSION_MAX_HOURS: z.coerce.number().positive().default(12),
  COFFER_SESSION_IDLE_MINUTES: z.coerce.number().positive().default(30),
  // How long one security-key check covers sensitive actions (step-up).
  COFFER_STEP_UP_MINUTES: z.coerce.number().positive().default(5),
  // How long a `coffer login` waits for its approval in the browser.
  COFFER_DEVICE_LOGIN_MINUTES: z.coerce.number().positive().max(60).default(10),
  COFFER_SIGNIN_LIMIT_ACCOUNT: z.coerce.number().int().positive().default(10),
  COFFER_SIGNIN_LIMIT_ADDRESS: z.coerce.number().int().positive().default(50),
  COFFER_SIGNIN_WINDOW_MINUTES: z.coerce.number().positive().default(15),
  // Failed share-link look-ups and reveals (unknown, gone, wrong passphrase) one address may
  // make per sign-in window before the public share routes answer 429.
  COFFER_SHARE_LIMIT_ADDRESS: z.coerce.number().int().positive().default(30),
  // Outgoing mail (invite links): unset means invites are only copied by hand.
  COFFER_SMTP_URL: z.preprocess(
    (value) => (value === "" ? undefined : value),
    z
      .string()
      .regex(/^smtps?:\/\/[^\s]+$/, "must be an smtp:// or smtps:// URL")
      .optional(),
  ),
  COFFER_SMTP_FROM: z.preprocess(
    (value) => (value === "" ? undefined : value),
    z
      .string()
      .regex(/^[^\r\n]*@[^\r\n]*$/, "must be an address such as Coffer <coffer@example.com>")
      .default("Coffer <coffer@localhost>"),
  ),
  // How often each instance looks for items whose rotation interval has passed (and once at
  // start-up). Instances may overlap: flagging is idempotent.
  COFFER_ROTATION_CHECK_MINUTES: z.coerce.number().positive().default(60),
  // Peers whose X-Forwarded-For is believed (addresses and CIDR ranges, comma-separated).
  // Empty: the socket's peer is the client, whatever the request says.
  COFFER_TRUSTED_PROXIES: z
    .string()
    .default("")
    .transform((value, context) => {
      const parsed = parseAddressRanges(value);
      if ("ranges" in parsed) return parsed.ranges;
      context.addIssue({
        code: "custom",
        message: `"${parsed.invalid}" is not an IP address or CIDR range`,
      });
      return z.NEVER;
    }),
  // Tests and benchmarks: every API answer says in a `Coffer-Statements` header how many SQL
  // statements it sent to the database (docs/decisions/0051). Not for production.
  COFFER_COUNT_STATEMENTS: z
    .enum(["1"])
    .optional()
    .transform((value) => value === "1"),
  // Set by scripts/serve.ts for its own process: the peer-address header is then written by the
  // server on every request. Not an operator setting.
  COFFER_PEER_HEADER: z
    .enum(["1"])
    .optional()
    .transform((value) => value === "1"),
});

export type Env = z.infer<typeof schema>;

function load(): Env {
  const parsed = schema.safeParse(process.env);
  if (!parsed.success) {
    const problems = parsed.error.issues
      .map((issue) => `  ${issue.path.join(".")}: ${issue.message}`)
      .join("\n");
    throw new Error(`Coffer cannot start: invalid environment\n${problems}`);
  }
  return parsed.data;
}

export const env = load();

/** The one origin browsers use to reach this installation (scheme://host[:port]). */
export const appOrigin = new URL(env.COFFER_URL).origin;
