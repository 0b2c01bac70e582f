import fs from "node:fs";
import path from "node:path";
import type { Command } from "commander";
import {
  SHARE_EXPIRY_MAX_SECONDS,
  SHARE_EXPIRY_MIN_SECONDS,
  SHARE_VIEWS_MAX,
  type ShareLinkSourceDto,
} from "@/lib/api/share-link";
import {
  SHARE_FILE_MAX_BYTES,
  SHARE_NOTE_MAX_CHARS,
  SHARE_TEXT_MAX_BYTES,
  type SharePayload,
} from "@/lib/crypto";
import { directKdfRunner } from "@/lib/sdk/kdf-runner";
import { createShareLink, shareLinkRules } from "@/lib/sdk/share-links";
import { parseDurationWithin, formatDuration } from "../duration";
import { CliError, EXIT, usageError } from "../errors";
import { readNewPassphrase } from "../hidden-prompt";
import { openPersonSession } from "../person-vaults";
import { personHttpPort, requirePersonSession } from "../person-session";
import { openReferencedVaults } from "../secrets/person-open-vaults";
import { parseReference, resolveReferenceTarget } from "../secrets/reference";

interface ShareOptions {
  text?: string;
  file?: string;
  expires: string;
  views: string;
  passphrase?: boolean;
  passphraseFile?: string;
  note?: string;
  json?: boolean;
}

/** What is shared, decided from the arguments alone before anything is read or sent. */
type Source =
  { kind: "reference"; text: string } | { kind: "stdin" } | { kind: "file"; path: string };

function sourceOf(reference: string | undefined, options: ShareOptions): Source {
  const given = [reference !== undefined, options.text !== undefined, options.file !== undefined];
  if (given.filter(Boolean).length !== 1) {
    throw usageError("Share exactly one thing: a coffer:// reference, --text - or --file <path>.");
  }
  if (options.text !== undefined) {
    // A secret as an argument would be visible to every user of the machine (ps, /proc).
    if (options.text !== "-") throw usageError("--text takes only - (read the text from stdin).");
    return { kind: "stdin" };
  }
  if (options.file !== undefined) return { kind: "file", path: options.file };
  return { kind: "reference", text: reference as string };
}

/** stdin cannot carry both the text and the typed passphrase. */
function checkPassphraseSource(source: Source, options: ShareOptions): void {
  if (options.passphrase && options.passphraseFile) {
    throw usageError("Use --passphrase or --passphrase-file, not both.");
  }
  if (source.kind === "stdin" && options.passphrase) {
    throw usageError("stdin carries the text: pass the passphrase with --passphrase-file.");
  }
}

function parseViews(text: string): number {
  if (!/^\d+$/.test(text.trim()) || Number(text) < 1 || Number(text) > SHARE_VIEWS_MAX) {
    throw usageError(`--views must be a whole number from 1 to ${SHARE_VIEWS_MAX}.`);
  }
  return Number(text);
}

function parseNote(note: string | undefined): string | undefined {
  if (note === undefined || note.trim() === "") return undefined;
  if (note.length > SHARE_NOTE_MAX_CHARS) {
    throw usageError(`--note may be at most ${SHARE_NOTE_MAX_CHARS} characters.`);
  }
  return note.trim();
}

function readFileOrFail(file: string, what: string): Buffer {
  try {
    return fs.readFileSync(file);
  } catch {
    throw usageError(`${what} ${file} cannot be read.`);
  }
}

async function readStdin(): Promise<string> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of process.stdin as AsyncIterable<Buffer>) {
    size += chunk.length;
    // One byte over is enough to know: the rest is not held in memory.
    if (size > SHARE_TEXT_MAX_BYTES + 2) break;
    chunks.push(chunk);
  }
  return Buffer.concat(chunks).toString("utf8");
}

/** The text from stdin, without the one line ending `echo` or a here-document adds. */
async function stdinText(): Promise<string> {
  const text = (await readStdin()).replace(/\r?\n$/, "");
  if (text.length === 0) throw usageError("Nothing to share: stdin was empty.");
  if (Buffer.byteLength(text, "utf8") > SHARE_TEXT_MAX_BYTES) {
    throw usageError("The text is longer than 64 KiB: share it with --file instead.");
  }
  return text;
}

function filePayload(file: string): SharePayload {
  const stat = fs.statSync(file, { throwIfNoEntry: false });
  if (!stat?.isFile()) throw usageError(`--file ${file} is not a file.`);
  if (stat.size > SHARE_FILE_MAX_BYTES) throw usageError(`--file ${file} is larger than 1 MiB.`);
  return {
    kind: "file",
    name: path.basename(file),
    mimeType: "application/octet-stream",
    bytes: new Uint8Array(readFileOrFail(file, "--file")),
  };
}

/** A passphrase typed twice on the terminal, or the first line of --passphrase-file. */
async function passphraseOf(options: ShareOptions): Promise<string | undefined> {
  if (options.passphraseFile) {
    const text = readFileOrFail(options.passphraseFile, "--passphrase-file").toString("utf8");
    const line = text.split(/\r?\n/, 1)[0] ?? "";
    if (line.length === 0)
      throw usageError(`--passphrase-file ${options.passphraseFile} is empty.`);
    return line;
  }
  if (options.passphrase) return readNewPassphrase("--passphrase-file");
  return undefined;
}

/** The field a reference names, copied as it is now, with the ids of its item. */
async function referencePayload(
  text: string,
): Promise<{ payload: SharePayload; source: ShareLinkSourceDto }> {
  const reference = parseReference(text);
  const { session } = await openPersonSession();
  const { vault, item, field } = resolveReferenceTarget(
    await openReferencedVaults(session, reference),
    reference,
  );
  if (field.value.length === 0) throw new CliError(EXIT.failure, `${reference.text} is empty.`);
  return {
    payload: {
      kind: "field",
      text: field.value,
      itemTitle: item.plaintext.title,
      fieldName: field.name,
    },
    source: { vaultId: vault.id, itemId: item.id },
  };
}

export function registerShare(program: Command) {
  program
    .command("share")
    .description("make a one-time link to a field, text from stdin or a file; prints the link")
    .argument("[reference]", "coffer://vault/item/field[?env=environment]")
    .option("--text <source>", "share text from stdin: only - is accepted (argv is visible in ps)")
    .option("--file <path>", "share a file of up to 1 MiB")
    .option("--expires <duration>", "how long the link works: 1h to 30d", "24h")
    .option("--views <n>", `how many times it can be opened: 1 to ${SHARE_VIEWS_MAX}`, "1")
    .option("--passphrase", "ask for a passphrase on the terminal (twice)")
    .option("--passphrase-file <file>", "read the passphrase from the first line of a file")
    .option("--note <text>", "a note for the recipient, encrypted with the secret")
    .option("--json", "print the link and its details as JSON")
    .action(async (reference: string | undefined, options: ShareOptions) => {
      // Everything that can be wrong with the arguments is found before a request is made.
      const source = sourceOf(reference, options);
      checkPassphraseSource(source, options);
      const expiresInSeconds = parseDurationWithin(options.expires, "--expires", {
        minSeconds: SHARE_EXPIRY_MIN_SECONDS,
        maxSeconds: SHARE_EXPIRY_MAX_SECONDS,
      });
      const maxViews = parseViews(options.views);
      const note = parseNote(options.note);
      const stored = requirePersonSession();
      const http = { ...personHttpPort(stored), origin: new URL(stored.url).origin };

      const rules = await shareLinkRules(http);
      if (!rules.linksAllowed) {
        throw new CliError(EXIT.forbidden, "Your organisation does not allow share links.");
      }
      if (expiresInSeconds > rules.maxExpirySeconds) {
        throw usageError(
          `--expires may be at most ${formatDuration(rules.maxExpirySeconds)} in your organisation.`,
        );
      }
      if (rules.passphraseRequired && !options.passphrase && !options.passphraseFile) {
        throw usageError(
          "Your organisation requires a passphrase: add --passphrase or --passphrase-file.",
        );
      }

      const passphrase = await passphraseOf(options);
      const { payload, source: item } =
        source.kind === "reference"
          ? await referencePayload(source.text)
          : {
              payload:
                source.kind === "stdin"
                  ? ({ kind: "text", text: await stdinText() } as const)
                  : filePayload(source.path),
              source: undefined,
            };
      const created = await createShareLink(
        http,
        {
          payload: note ? { ...payload, note } : payload,
          expiresInSeconds,
          maxViews,
          passphrase,
          source: item,
        },
        directKdfRunner,
      );
      if (options.json) {
        const { link } = created;
        process.stdout.write(
          `${JSON.stringify({
            url: created.url,
            id: created.id,
            expiresAt: link.expiresAt,
            maxViews: link.maxViews,
            passphraseRequired: link.passphraseRequired,
          })}\n`,
        );
        return;
      }
      process.stdout.write(`${created.url}\n`);
    });
}
