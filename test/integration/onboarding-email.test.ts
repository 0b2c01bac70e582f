// Invite emails (DESIGN, Onboarding): with SMTP configured, the join link goes out by email
// with its token in the fragment, and the link works; a mail server that refuses or is gone
// never costs the invite — the admin still gets the link to copy — and neither the log nor the
// audit trail ever holds a token. This file runs its own Coffer against a local SMTP server.
import fs from "node:fs";
import type { AddressInfo } from "node:net";
import { SMTPServer } from "smtp-server";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { getSodium } from "@/lib/crypto";
import { ApiClient, makeAccount } from "../support/protocol-client";
import { signedInClient, uniqueEmail } from "../support/flows";
import { sleep, startServer, type RunningServer } from "../support/server";

interface Received {
  from: string | null;
  to: string[];
  raw: string;
}

/** A local mail server for this file: keeps every message, or refuses recipients on demand. */
async function startMailServer() {
  const received: Received[] = [];
  const state = { refuse: false };
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ["STARTTLS", "AUTH"],
    logger: false,
    onRcptTo(_address, _session, callback) {
      if (!state.refuse) return callback();
      const error = Object.assign(new Error("Mailbox unavailable"), { responseCode: 550 });
      callback(error);
    },
    onData(stream, session, callback) {
      const chunks: Buffer[] = [];
      stream.on("data", (chunk: Buffer) => chunks.push(chunk));
      stream.on("end", () => {
        received.push({
          from: session.envelope.mailFrom ? session.envelope.mailFrom.address : null,
          to: session.envelope.rcptTo.map((recipient) => recipient.address),
          raw: Buffer.concat(chunks).toString("utf8"),
        });
        callback();
      });
    },
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.server.address() as AddressInfo;
  return {
    port,
    received,
    state,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

/** Headers and decoded text of a single-part message, as a mail client would show them. */
function readMessage(raw: string) {
  const split = raw.indexOf("\r\n\r\n");
  const head = raw.slice(0, split).replace(/\r\n[ \t]+/g, " ");
  const body = raw.slice(split + 4);
  const header = (name: string) =>
    head.match(new RegExp(`^${name}: (.*)$`, "im"))?.[1]?.trim() ?? null;
  const encoding = header("Content-Transfer-Encoding")?.toLowerCase();
  const text =
    encoding === "base64"
      ? Buffer.from(body, "base64").toString("utf8")
      : encoding === "quoted-printable"
        ? body
            .replace(/=\r?\n/g, "")
            .replace(/=([0-9A-F]{2})/g, (_, hex: string) => String.fromCharCode(parseInt(hex, 16)))
        : body;
  return { header, text };
}

const organizationName = "Mailing Ltd";

describe("invite emails on pglite", () => {
  let mail: Awaited<ReturnType<typeof startMailServer>>;
  let server: RunningServer;
  let owner: ApiClient;
  const tokens: string[] = [];

  const invite = async (email: string) => {
    const response = await owner.request("/api/v1/invites", { json: { email, role: "member" } });
    expect(response.status, JSON.stringify(response.body)).toBe(201);
    const body = response.body as {
      invite: { id: string };
      token: string;
      checklistId: string;
      emailed: boolean;
    };
    tokens.push(body.token);
    return body;
  };
  const lookup = (token: string) =>
    new ApiClient(server.url).request("/api/v1/invites/lookup", { json: { token } });
  const emailedEvents = async () => {
    const response = await owner.request("/api/v1/audit?action=onboarding.&limit=100");
    expect(response.status).toBe(200);
    return (response.body as { events: Array<{ targetId: string; details: unknown }> }).events;
  };

  beforeAll(async () => {
    await getSodium();
    mail = await startMailServer();
    server = await startServer({
      kind: "pglite",
      port: 3225,
      env: {
        COFFER_SMTP_URL: `smtp://127.0.0.1:${mail.port}`,
        COFFER_SMTP_FROM: "Coffer at Mailing <coffer@mailing.test>",
      },
    });
    const made = await makeAccount({
      email: "owner@mailing.test",
      name: "Olive Owner",
      password: "mailing owner password",
    });
    const setup = await new ApiClient(server.url).request("/api/v1/setup", {
      json: { organizationName, account: made.account },
    });
    expect(setup.status).toBe(201);
    owner = (await signedInClient(server.url, made.secrets)).client;
  });

  afterAll(async () => {
    if (server) {
      await server.stop();
      fs.rmSync(server.dataDirectory, { recursive: true, force: true });
    }
    await mail?.close();
  });

  it("emails the join link, and the token in its fragment opens the invite", async () => {
    const email = uniqueEmail("mailed");
    const created = await invite(email);
    expect(created.emailed).toBe(true);
    const message = mail.received.find((entry) => entry.to.includes(email));
    expect(message, "no message arrived").toBeDefined();
    expect(message!.from).toBe("coffer@mailing.test");
    const { header, text } = readMessage(message!.raw);
    expect(header("To")).toBe(email);
    expect(header("From")).toMatch(/^"?Coffer at Mailing"? <coffer@mailing\.test>$/);
    expect(header("Subject")).toBe(`Olive Owner invited you to ${organizationName} on Coffer`);
    expect(text).toContain(`Olive Owner has invited you to join ${organizationName}`);

    const links = text.match(/https?:\/\/\S+/g) ?? [];
    expect(links).toHaveLength(1);
    const link = new URL(links[0]!);
    // The token rides in the fragment, which browsers never send to a server.
    expect(`${link.origin}${link.pathname}${link.search}`).toBe(`${server.url}/join`);
    const token = link.hash.slice(1);
    expect(token).toBe(created.token);
    const found = await lookup(token);
    expect(found.status).toBe(200);
    expect(found.body).toEqual({ email, role: "member", organizationName });

    const events = await emailedEvents();
    expect(events.filter((event) => event.targetId === created.invite.id)).toHaveLength(1);
  });

  it("still creates the invite when the mail server refuses it: emailed is false", async () => {
    mail.state.refuse = true;
    try {
      const email = uniqueEmail("refused");
      const created = await invite(email);
      expect(created.emailed).toBe(false);
      expect(mail.received.some((entry) => entry.to.includes(email))).toBe(false);
      expect((await lookup(created.token)).status).toBe(200);
      const run = await owner.request(`/api/v1/checklists/${created.checklistId}`);
      expect(run.status).toBe(200);
      const events = await emailedEvents();
      expect(events.some((event) => event.targetId === created.invite.id)).toBe(false);
    } finally {
      mail.state.refuse = false;
    }
  });

  it("still creates the invite when the mail server is gone", async () => {
    await mail.close();
    const created = await invite(uniqueEmail("unreachable"));
    expect(created.emailed).toBe(false);
    expect((await lookup(created.token)).status).toBe(200);
  });

  it("never writes a token to the log or the audit trail", async () => {
    // Give the server a moment to flush what it printed about the failures above.
    await sleep(200);
    const log = fs.readFileSync(server.logFile, "utf8");
    expect(log).toContain("[mail] not sent");
    const everything = await owner.request("/api/v1/audit/export?format=json");
    expect(everything.status).toBe(200);
    const audit = JSON.stringify(everything.body);
    expect(tokens).toHaveLength(3);
    for (const token of tokens) {
      expect(log).not.toContain(token);
      expect(audit).not.toContain(token);
    }
  });
});
