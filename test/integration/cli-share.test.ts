// `coffer share` as a subprocess of the built CLI against the real server, on both databases:
// a field shared by reference opens once with the SDK the reveal page uses, then is gone;
// text from stdin and a passphrase typed on the terminal (never an argument) work end to end;
// bad options are one line and exit code 2, and nothing is created.
import { spawn } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, inject, it, vi } from "vitest";
import { getSodium } from "@/lib/crypto";
import { fetchHttpPort } from "@/lib/sdk/http-port";
import { directKdfRunner } from "@/lib/sdk/kdf-runner";
import { listMyShareLinks, revealShareLink } from "@/lib/sdk/share-links";
import { EXIT } from "../../cli/errors";
import { buildCli, CLI_PATH, envFileItem, runCli, type CliResult } from "../support/cli";
import { configFolders, runOnTerminal, signInTerminal } from "../support/cli-session";
import { invitedVaultClient, ownerVaultClient, type VaultClient } from "../support/vault-client";

vi.setConfig({ testTimeout: 240_000 });

const folders = configFolders("coffer-cli-share-");
afterAll(() => folders.removeAll());

const apiKey = "sk_live_cli_share_canary_8841";
const stdinSecret = "db-password-from-stdin-2231";
const passphrase = "correct horse battery staple";

/** The CLI with `input` written to its stdin, as `echo … | coffer share --text -` does. */
function runWithStdin(args: string[], env: Record<string, string>, input: string) {
  const child = spawn(process.execPath, [CLI_PATH, ...args], {
    env: env as NodeJS.ProcessEnv,
    stdio: ["pipe", "pipe", "pipe"],
  });
  let stdout = "";
  let stderr = "";
  child.stdout.on("data", (chunk: Buffer) => (stdout += chunk.toString("utf8")));
  child.stderr.on("data", (chunk: Buffer) => (stderr += chunk.toString("utf8")));
  child.stdin.end(input);
  return new Promise<CliResult>((resolve) =>
    child.on("close", (code, signal) => resolve({ code, signal, stdout, stderr })),
  );
}

describe.each(inject("servers"))("coffer share on $kind", (server) => {
  let person: VaultClient;
  let env: Record<string, string>;
  const vaultName = `Shared ${Math.random().toString(36).slice(2, 8)}`;
  const ref = `coffer://${encodeURIComponent(vaultName)}/app.env/API_KEY`;
  // The recipient: no session, no cookies, only the URL.
  const recipient = () => fetchHttpPort(server.url);
  const fragmentOf = (url: string) => url.slice(url.indexOf("#") + 1);
  const myLinks = () => listMyShareLinks(person.api.http);

  beforeAll(async () => {
    buildCli();
    await getSodium();
    person = await invitedVaultClient(server, await ownerVaultClient(server), {
      label: "cli-share",
    });
    const { vaultId } = await person.createVault(vaultName, "staging");
    await person.addItem(vaultId, envFileItem("app.env", { API_KEY: apiKey }));
    env = await signInTerminal(server.url, person.credentials, folders.fresh());
  });

  it("shares a field by reference: it opens once, with its item recorded, then it is gone", async () => {
    const shared = await runCli(["share", ref, "--json", "--note", "for the vendor"], { env });
    expect(shared.code, shared.stderr).toBe(EXIT.ok);
    expect(shared.stderr).toBe("");
    const printed = JSON.parse(shared.stdout) as { url: string; id: string; maxViews: number };
    expect(printed.url).toMatch(new RegExp(`^${server.url}/s#[A-Za-z0-9_-]{43}$`));
    expect(printed.maxViews).toBe(1);
    expect(shared.stdout).not.toContain(apiKey);

    const link = (await myLinks()).find((entry) => entry.id === printed.id);
    expect(link?.source?.itemId).toBeTruthy();
    expect(link?.status).toBe("active");
    expect(Date.parse(link!.expiresAt) - Date.parse(link!.createdAt)).toBeCloseTo(86_400_000, -5);

    const first = await revealShareLink(
      recipient(),
      fragmentOf(printed.url),
      undefined,
      directKdfRunner,
    );
    expect(first).toMatchObject({
      status: "revealed",
      viewsLeft: 0,
      payload: { kind: "field", text: apiKey, fieldName: "API_KEY", note: "for the vendor" },
    });
    const second = await revealShareLink(
      recipient(),
      fragmentOf(printed.url),
      undefined,
      directKdfRunner,
    );
    expect(second).toEqual({ status: "gone" });
  });

  it("prints only the URL by default, and --views and --expires reach the server", async () => {
    const shared = await runCli(["share", ref, "--views", "3", "--expires", "2h"], { env });
    expect(shared.code, shared.stderr).toBe(EXIT.ok);
    expect(shared.stdout).toMatch(new RegExp(`^${server.url}/s#[A-Za-z0-9_-]{43}\\n$`));
    const link = (await myLinks())[0]!;
    expect(link.maxViews).toBe(3);
    expect(Date.parse(link.expiresAt) - Date.parse(link.createdAt)).toBeCloseTo(7_200_000, -5);
  });

  it("shares text from stdin without its final newline", async () => {
    const shared = await runWithStdin(["share", "--text", "-"], env, `${stdinSecret}\n`);
    expect(shared.code, shared.stderr).toBe(EXIT.ok);
    const opened = await revealShareLink(
      recipient(),
      fragmentOf(shared.stdout.trim()),
      undefined,
      directKdfRunner,
    );
    expect(opened).toMatchObject({
      status: "revealed",
      payload: { kind: "text", text: stdinSecret },
    });
    expect((await myLinks())[0]!.source).toBeNull();
  });

  it("asks for the passphrase twice on the terminal; a wrong one spends no view", async () => {
    const run = await runOnTerminal(["share", ref, "--passphrase"], env, [
      { prompt: "Passphrase for the link: ", answer: passphrase },
      { prompt: "The same passphrase again: ", answer: passphrase },
    ]);
    expect(run.code, run.screen()).toBe(EXIT.ok);
    // Not echoed: the screen shows the prompts and the URL, never what was typed.
    expect(run.screen()).not.toContain(passphrase);
    const url = /(http:\/\/\S+\/s#[A-Za-z0-9_-]{43})/.exec(run.screen())![1]!;

    const wrong = await revealShareLink(recipient(), fragmentOf(url), "wrong", directKdfRunner);
    expect(wrong.status).toBe("wrong_passphrase");
    expect((await myLinks())[0]).toMatchObject({ viewsLeft: 1, passphraseRequired: true });
    const right = await revealShareLink(recipient(), fragmentOf(url), passphrase, directKdfRunner);
    expect(right).toMatchObject({ status: "revealed", payload: { text: apiKey } });
  });

  it("refuses two different passphrases on the terminal and shares nothing", async () => {
    const before = (await myLinks()).length;
    const run = await runOnTerminal(["share", ref, "--passphrase"], env, [
      { prompt: "Passphrase for the link: ", answer: passphrase },
      { prompt: "The same passphrase again: ", answer: `${passphrase}!` },
    ]);
    expect(run.code).toBe(EXIT.usage);
    expect(run.screen()).toContain("The two passphrases differ; nothing was shared.");
    expect((await myLinks()).length).toBe(before);
  });

  it("reads --passphrase-file and shares a file", async () => {
    const dir = folders.fresh();
    const secretFile = path.join(dir, "client.pem");
    const bytes = Buffer.from([0, 1, 2, 250, 251, 252]);
    fs.writeFileSync(secretFile, bytes);
    const passphraseFile = path.join(dir, "passphrase.txt");
    fs.writeFileSync(passphraseFile, `${passphrase}\n`);
    const shared = await runCli(
      ["share", "--file", secretFile, "--passphrase-file", passphraseFile],
      { env },
    );
    expect(shared.code, shared.stderr).toBe(EXIT.ok);
    const opened = await revealShareLink(
      recipient(),
      fragmentOf(shared.stdout.trim()),
      passphrase,
      directKdfRunner,
    );
    expect(opened.status).toBe("revealed");
    if (opened.status !== "revealed" || opened.payload.kind !== "file") throw new Error("no file");
    expect(opened.payload.name).toBe("client.pem");
    expect(Buffer.from(opened.payload.bytes)).toEqual(bytes);
  });

  it.each([
    [["--expires", "30m"], "--expires must be between 1h and 30d."],
    [["--expires", "31d"], "--expires must be between 1h and 30d."],
    [["--expires", "soon"], "--expires must be a duration such as 90s, 15m, 1h or 7d."],
    [["--views", "0"], "--views must be a whole number from 1 to 100."],
    [["--views", "101"], "--views must be a whole number from 1 to 100."],
  ])("refuses %j with one line and exit code 2, creating nothing", async (extra, message) => {
    const before = (await myLinks()).length;
    const run = await runCli(["share", ref, ...extra], { env });
    expect(run.code).toBe(EXIT.usage);
    expect(run.stdout).toBe("");
    expect(run.stderr).toBe(`coffer: ${message}\n`);
    expect((await myLinks()).length).toBe(before);
  });

  it("refuses a secret as an argument, or two things at once", async () => {
    const literal = await runCli(["share", "--text", stdinSecret], { env });
    expect(literal.code).toBe(EXIT.usage);
    expect(literal.stderr).toBe("coffer: --text takes only - (read the text from stdin).\n");
    const both = await runCli(["share", ref, "--text", "-"], { env });
    expect(both.code).toBe(EXIT.usage);
    expect(both.stderr).toContain("Share exactly one thing");
  });

  it("names a reference that points at nothing, with the not-found exit code", async () => {
    const run = await runCli(["share", `coffer://${encodeURIComponent(vaultName)}/app.env/NOPE`], {
      env,
    });
    expect(run.code).toBe(EXIT.notFound);
    expect(run.stderr).toMatch(/^coffer: coffer:\/\/.+\/NOPE: the item has no such field\.\n$/);
  });
});
