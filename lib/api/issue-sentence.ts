import type { z } from "zod";

/**
 * Names people read for the request keys they meet in forms. The key itself stays the `field`
 * of an error (forms put the message under that input); this is only the words.
 */
const fieldWords: Record<string, string> = {
  organizationName: "Organisation name",
  name: "Name",
  email: "Email",
  ciphertext: "The encrypted item",
  inviteToken: "The invite link",
  expiresInDays: "Expiry",
  vaultIds: "Vaults",
  role: "Role",
  nickname: "Nickname",
  title: "Title",
  description: "Description",
};

/** "organizationName" → "Organisation name"; an unlisted key is split where its case changes. */
export function fieldLabel(path: ReadonlyArray<PropertyKey>): string | undefined {
  const key = [...path].reverse().find((part): part is string => typeof part === "string");
  if (!key) return undefined;
  const known = fieldWords[key];
  if (known) return known;
  const words = key
    .replace(/([a-z0-9])([A-Z])/g, "$1 $2")
    .replace(/[_-]+/g, " ")
    .toLowerCase();
  return words.charAt(0).toUpperCase() + words.slice(1);
}

const count = (value: number | bigint) => Number(value).toLocaleString("en");

const sizeUnits: Record<string, [string, string]> = {
  string: ["character", "characters"],
  array: ["item", "items"],
  set: ["item", "items"],
  file: ["byte", "bytes"],
};

function amount(origin: string, value: number | bigint): string {
  const units = sizeUnits[origin];
  if (!units) return count(value);
  return `${count(value)} ${Number(value) === 1 ? units[0] : units[1]}`;
}

function article(type: string): string {
  return /^[aeiou]/.test(type) ? `an ${type}` : `a ${type}`;
}

/** What is wrong, as the end of a sentence whose subject is the field. */
function predicate(issue: z.core.$ZodIssue): string {
  // Our schemas word their own messages as predicates ("must be an email address");
  // zod's defaults start with a capital ("Too big: …") and are rewritten below.
  if (/^[a-z]/.test(issue.message)) return issue.message;
  switch (issue.code) {
    case "too_big":
      if (issue.origin === "string" || issue.origin === "array" || issue.origin === "set")
        return `is too long: at most ${amount(issue.origin, issue.maximum)}`;
      return `must be at most ${count(issue.maximum as number)}`;
    case "too_small":
      if (issue.origin === "string" && Number(issue.minimum) === 1) return "is required";
      if (issue.origin === "array" && Number(issue.minimum) === 1) return "needs at least one item";
      if (sizeUnits[issue.origin])
        return `is too short: at least ${amount(issue.origin, issue.minimum)}`;
      return `must be at least ${count(issue.minimum as number)}`;
    case "invalid_type":
      if (issue.input === undefined) return "is missing";
      return `must be ${article(issue.expected)}`;
    case "invalid_value":
      return `must be one of ${issue.values.map((value) => String(value)).join(", ")}`;
    case "invalid_format":
      return issue.format === "email" ? "must be an email address" : "is not in the right format";
    case "not_multiple_of":
      return `must be a multiple of ${count(issue.divisor as number)}`;
    default:
      return "is not valid";
  }
}

/**
 * One readable sentence for a schema issue, naming the field in words:
 * "Organisation name is too long: at most 100 characters." Used by the server for 400 answers
 * and by forms that check the same schema before doing slow work.
 */
export function issueSentence(issue: z.core.$ZodIssue): string {
  if (issue.code === "unrecognized_keys") {
    return `The request has ${issue.keys.length === 1 ? "a field" : "fields"} Coffer does not know: ${issue.keys.join(", ")}.`;
  }
  const label = fieldLabel(issue.path);
  const sentence = `${label ?? "The request"} ${predicate(issue)}`;
  return /[.!?]$/.test(sentence) ? sentence : `${sentence}.`;
}

/** The first problem of each field, keyed by the issue's path: ready to put under the inputs. */
export function fieldErrorsOf(error: z.ZodError): Record<string, string> {
  const errors: Record<string, string> = {};
  for (const issue of error.issues) {
    const field = issue.path.join(".");
    if (!(field in errors)) errors[field] = issueSentence(issue);
  }
  return errors;
}

/**
 * A form's check of one input against the schema the server applies to it, before any slow work:
 * the sentence the server would answer, or undefined when the value passes.
 */
export function fieldProblem(schema: z.ZodType, field: string, value: unknown): string | undefined {
  const parsed = schema.safeParse(value, { reportInput: true });
  if (parsed.success) return undefined;
  const [issue] = parsed.error.issues;
  return issue ? issueSentence({ ...issue, path: [field, ...issue.path] }) : undefined;
}

/**
 * The longest string a schema accepts, for an input's `maxLength`: read from the schema the
 * server applies rather than typed again, so the two cannot drift apart.
 */
export function maxLengthOf(schema: z.ZodType): number | undefined {
  const string = schema as { maxLength?: number | null; in?: z.ZodType };
  if (typeof string.maxLength === "number") return string.maxLength;
  return string.in ? maxLengthOf(string.in) : undefined;
}
