// Onboarding (DESIGN, Onboarding and offboarding): an invite names vaults and a template and
// starts a checklist; sign-up, a security key and each manager's grant tick Coffer's steps off;
// people tick the manual ones — only the people the step is for — and the run closes when
// nothing is left. No vault key reaches a newcomer who does not meet the MFA policy.
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { ApiClient, makeAccount, type AccountSecrets } from "../support/protocol-client";
import { signedInClient, uniqueEmail } from "../support/flows";
import { assert, enrolKey, memberWithKey, type KeyHolder } from "../support/mfa-client";
import { SoftAuthenticator } from "../support/soft-authenticator";
import {
  invitedVaultClient,
  ownerVaultClient,
  randomId,
  type VaultClient,
} from "../support/vault-client";

interface Step {
  id: string;
  kind: "automatic" | "manual";
  action: string | null;
  vaultId: string | null;
  vaultRole: string | null;
  title: string;
  assigneeRole: string;
  status: "pending" | "done" | "skipped";
  actor: { id: string; name: string } | null;
  completedAt: string | null;
  comments: Array<{ id: string; author: { id: string; name: string }; body: string }>;
}

interface Checklist {
  id: string;
  kind: string;
  status: "open" | "done" | "cancelled";
  subject: { userId: string | null; email: string; name: string | null };
  startedBy: { id: string; name: string };
  completedAt: string | null;
  progress: { done: number; total: number };
  steps: Step[];
}

interface Task {
  checklistId: string;
  stepId: string;
  action: string;
  vaultId: string;
  vaultRole: string | null;
  subject: { userId: string | null; email: string; name: string | null };
  ready: boolean;
}

interface Person {
  userId: string | null;
  email: string;
  status: string;
  role: string;
  openChecklists: Array<{ id: string; kind: string; progress: { done: number; total: number } }>;
}

const errorOf = (body: unknown) =>
  (body as { error: { code: string; message: string; field?: string } }).error;

async function invite(admin: ApiClient, body: Record<string, unknown>) {
  return admin.request("/api/v1/invites", { json: body });
}

async function startedInvite(admin: ApiClient, body: Record<string, unknown>) {
  const response = await invite(admin, body);
  expect(response.status, JSON.stringify(response.body)).toBe(201);
  return response.body as {
    invite: { id: string; email: string; status: string };
    token: string;
    checklistId: string;
    emailed: boolean;
  };
}

/** Signs up with the invite's link as the browser does; returns what the newcomer keeps. */
async function signUp(baseUrl: string, token: string, email: string): Promise<AccountSecrets> {
  const made = await makeAccount({ email, name: "Nina Newcomer", password: `pw ${randomId()}` });
  const response = await new ApiClient(baseUrl).request("/api/v1/signup", {
    json: { inviteToken: token, account: made.account },
  });
  expect(response.status, JSON.stringify(response.body)).toBe(201);
  return made.secrets;
}

async function checklist(client: ApiClient, id: string): Promise<Checklist> {
  const response = await client.request(`/api/v1/checklists/${id}`);
  expect(response.status, JSON.stringify(response.body)).toBe(200);
  return response.body as Checklist;
}

async function tasks(client: ApiClient): Promise<Task[]> {
  const response = await client.request("/api/v1/tasks");
  expect(response.status, JSON.stringify(response.body)).toBe(200);
  return (response.body as { tasks: Task[] }).tasks;
}

const setStep = (client: ApiClient, checklistId: string, stepId: string, status: string) =>
  client.request(`/api/v1/checklists/${checklistId}/steps/${stepId}`, {
    method: "PUT",
    json: { status },
  });

const stepOf = (run: Checklist, match: (step: Step) => boolean) => {
  const step = run.steps.find(match);
  if (!step) throw new Error(`no such step in ${JSON.stringify(run.steps)}`);
  return step;
};

describe.each(inject("servers"))("onboarding on $kind", (server) => {
  let owner: VaultClient;
  /** A plain member who manages the Payments vault, and nothing else. */
  let manager: VaultClient;
  /** A plain member with no vault: not someone any checklist step is for. */
  let bystander: ApiClient;
  let payments: string;
  let infra: string;
  let templateId: string;

  async function auditEvents(action: string) {
    const response = await owner.api.request(
      `/api/v1/audit?action=${encodeURIComponent(action)}&limit=200`,
    );
    expect(response.status).toBe(200);
    return (
      response.body as {
        events: Array<{
          action: string;
          actorId: string | null;
          targetId: string | null;
          details: Record<string, unknown>;
        }>;
      }
    ).events;
  }

  beforeAll(async () => {
    owner = await ownerVaultClient(server);
    ({ vaultId: payments } = await owner.createVault("Payments", "production"));
    ({ vaultId: infra } = await owner.createVault("Infrastructure"));
    manager = await invitedVaultClient(server, owner, { label: "onboarding-manager" });
    expect((await owner.shareWith(payments, manager.userId, "manage")).status).toBe(201);
    // Their client accepts the Payments key only from a granter whose fingerprint they checked.
    await manager.trust(owner.userId);
    const plain = await invitedVaultClient(server, owner, { label: "onboarding-bystander" });
    bystander = plain.api;
    const template = await owner.api.request("/api/v1/checklist-templates", {
      json: {
        kind: "onboarding",
        name: "Payments engineers",
        steps: [
          { title: "Add to team chat", link: "https://chat.example.test/invite" },
          { title: "Walk through the Payments runbook", assigneeRole: "vault_manager" },
        ],
      },
    });
    expect(template.status, JSON.stringify(template.body)).toBe(201);
    templateId = (template.body as { id: string }).id;
  });

  afterAll(async () => {
    await owner?.api.request(`/api/v1/checklist-templates/${templateId}`, { method: "DELETE" });
  });

  describe("a newcomer's onboarding, step by step", () => {
    const email = uniqueEmail("newcomer");
    let started: Awaited<ReturnType<typeof startedInvite>>;
    let newcomer: AccountSecrets;
    let newcomerClient: ApiClient;

    it("starts with the invite: a checklist with a step per vault, then the template's steps", async () => {
      started = await startedInvite(owner.api, {
        email,
        role: "member",
        vaults: [
          { vaultId: payments, role: "manage" },
          { vaultId: infra, role: "edit" },
        ],
        templateId,
      });
      expect(started.invite).toMatchObject({ email, status: "pending" });
      expect(started.token).toMatch(/^[A-Za-z0-9_-]{43}$/);
      // No SMTP on the shared servers: the link is for the admin to pass on.
      expect(started.emailed).toBe(false);

      const run = await checklist(owner.api, started.checklistId);
      expect(run).toMatchObject({
        kind: "onboarding",
        status: "open",
        subject: { userId: null, email, name: null },
        startedBy: { id: owner.userId },
        progress: { done: 1, total: 6 },
      });
      expect(
        run.steps.map(({ kind, action, vaultId, vaultRole, assigneeRole, status }) => ({
          kind,
          action,
          vaultId,
          vaultRole,
          assigneeRole,
          status,
        })),
      ).toEqual([
        {
          kind: "automatic",
          action: "invite",
          vaultId: null,
          vaultRole: null,
          assigneeRole: "admin",
          status: "done",
        },
        {
          kind: "automatic",
          action: "account",
          vaultId: null,
          vaultRole: null,
          assigneeRole: "admin",
          status: "pending",
        },
        {
          kind: "automatic",
          action: "grant_vault",
          vaultId: payments,
          vaultRole: "manage",
          assigneeRole: "vault_manager",
          status: "pending",
        },
        {
          kind: "automatic",
          action: "grant_vault",
          vaultId: infra,
          vaultRole: "edit",
          assigneeRole: "vault_manager",
          status: "pending",
        },
        {
          kind: "manual",
          action: null,
          vaultId: null,
          vaultRole: null,
          assigneeRole: "admin",
          status: "pending",
        },
        {
          kind: "manual",
          action: null,
          vaultId: null,
          vaultRole: null,
          assigneeRole: "vault_manager",
          status: "pending",
        },
      ]);
      expect(run.steps.slice(4).map((step) => step.title)).toEqual([
        "Add to team chat",
        "Walk through the Payments runbook",
      ]);

      const [start] = (await auditEvents("checklist.start")).filter(
        (event) => event.targetId === started.checklistId,
      );
      expect(start).toMatchObject({
        actorId: owner.userId,
        details: { kind: "onboarding", inviteId: started.invite.id, vaults: 2 },
      });
    });

    it("lists the grants as tasks for each vault's managers, not yet ready", async () => {
      const mine = (await tasks(manager.api)).filter(
        (task) => task.checklistId === started.checklistId,
      );
      expect(mine).toEqual([
        expect.objectContaining({
          action: "grant_vault",
          vaultId: payments,
          vaultRole: "manage",
          subject: { userId: null, email, name: null },
          ready: false,
        }),
      ]);
      const owners = (await tasks(owner.api)).filter(
        (task) => task.checklistId === started.checklistId,
      );
      expect(owners.map((task) => task.vaultId).sort()).toEqual([payments, infra].sort());
      expect(await tasks(bystander)).toEqual([]);
    });

    it("marks the account step done at sign-up, with the newcomer as its subject", async () => {
      newcomer = await signUp(server.url, started.token, email);
      newcomerClient = (await signedInClient(server.url, newcomer)).client;
      const run = await checklist(owner.api, started.checklistId);
      expect(run.subject).toEqual({ userId: newcomer.userId, email, name: "Nina Newcomer" });
      expect(stepOf(run, (step) => step.action === "account")).toMatchObject({
        status: "done",
        actor: { id: newcomer.userId, name: "Nina Newcomer" },
      });
      // No security key is required here, so there is no MFA step to wait for.
      expect(run.steps.some((step) => step.action === "mfa")).toBe(false);
      expect(run.progress).toEqual({ done: 2, total: 6 });
      const grant = (await tasks(manager.api)).find(
        (task) => task.checklistId === started.checklistId,
      );
      expect(grant).toMatchObject({ ready: true, subject: { userId: newcomer.userId } });
    });

    it("shows the checklist to admins and to managers of its vaults only", async () => {
      expect((await manager.api.request(`/api/v1/checklists/${started.checklistId}`)).status).toBe(
        200,
      );
      for (const client of [bystander, newcomerClient]) {
        const refused = await client.request(`/api/v1/checklists/${started.checklistId}`);
        expect(refused.status).toBe(403);
        expect(JSON.stringify(refused.body)).not.toContain(email);
      }
      const signedOut = new ApiClient(server.url);
      expect((await signedOut.request(`/api/v1/checklists/${started.checklistId}`)).status).toBe(
        401,
      );
      expect((await manager.api.request("/api/v1/checklists")).status).toBe(403);
      expect((await manager.api.request("/api/v1/people")).status).toBe(403);
    });

    it("lets only the right people tick manual steps off, and never Coffer's own", async () => {
      const run = await checklist(owner.api, started.checklistId);
      const chat = stepOf(run, (step) => step.title === "Add to team chat");
      const runbook = stepOf(run, (step) => step.title === "Walk through the Payments runbook");
      const account = stepOf(run, (step) => step.action === "account");
      const grant = stepOf(run, (step) => step.vaultId === payments);

      // Someone no step is for, and a manager on an admin's step: 403, nothing changes.
      expect((await setStep(bystander, run.id, runbook.id, "done")).status).toBe(403);
      expect((await setStep(bystander, run.id, chat.id, "done")).status).toBe(403);
      expect((await setStep(manager.api, run.id, chat.id, "done")).status).toBe(403);
      // Coffer's steps: 409 for anyone allowed to try.
      for (const [client, step] of [
        [owner.api, account],
        [owner.api, grant],
        [manager.api, grant],
      ] as const) {
        const refused = await setStep(client, run.id, step.id, "done");
        expect(refused.status).toBe(409);
        expect(errorOf(refused.body).code).toBe("automatic_step");
      }
      const unchanged = await checklist(owner.api, run.id);
      expect(unchanged.steps).toEqual(run.steps);

      // A step that is not in this checklist, and a status that does not exist.
      expect((await setStep(owner.api, run.id, randomId(), "done")).status).toBe(404);
      const bad = await setStep(owner.api, run.id, chat.id, "finished");
      expect(bad.status).toBe(400);
      expect(errorOf(bad.body).field).toBe("status");

      // A manager of a vault the checklist names may do the step meant for vault managers.
      const done = await setStep(manager.api, run.id, runbook.id, "done");
      expect(done.status, JSON.stringify(done.body)).toBe(200);
      const after = done.body as Checklist;
      expect(stepOf(after, (step) => step.id === runbook.id)).toMatchObject({
        status: "done",
        actor: { id: manager.userId },
      });
      expect(after.progress).toEqual({ done: 3, total: 6 });
      // Reopened and done again: the latest word counts, and each change is recorded.
      expect((await setStep(manager.api, run.id, runbook.id, "pending")).status).toBe(200);
      const reopened = await checklist(owner.api, run.id);
      expect(stepOf(reopened, (step) => step.id === runbook.id)).toMatchObject({
        status: "pending",
        actor: null,
        completedAt: null,
      });
      expect((await setStep(manager.api, run.id, runbook.id, "done")).status).toBe(200);
      const recorded = (await auditEvents("checklist.step")).filter(
        (event) => event.targetId === run.id && event.details.stepId === runbook.id,
      );
      expect(recorded.map((event) => event.details.status)).toEqual(["done", "pending", "done"]);
    });

    it("takes comments from the people who can see the checklist", async () => {
      const run = await checklist(owner.api, started.checklistId);
      const runbook = stepOf(run, (step) => step.title === "Walk through the Payments runbook");
      const path = `/api/v1/checklists/${run.id}/steps/${runbook.id}/comments`;
      const body = "Walked through refunds and the on-call rota.";
      const added = await manager.api.request(path, { json: { body: `  ${body}  ` } });
      expect(added.status, JSON.stringify(added.body)).toBe(201);
      expect(stepOf(added.body as Checklist, (step) => step.id === runbook.id).comments).toEqual([
        expect.objectContaining({ author: { id: manager.userId, name: "Test Member" }, body }),
      ]);
      expect((await bystander.request(path, { json: { body: "Hello" } })).status).toBe(403);
      const empty = await owner.api.request(path, { json: { body: "   " } });
      expect(empty.status).toBe(400);
      expect(errorOf(empty.body).field).toBe("body");
      const after = await checklist(owner.api, run.id);
      expect(stepOf(after, (step) => step.id === runbook.id).comments).toHaveLength(1);
      // The log says that someone commented, not what they wrote.
      const events = (await auditEvents("checklist.comment")).filter(
        (event) => event.targetId === run.id,
      );
      expect(events).toHaveLength(1);
      expect(JSON.stringify(events)).not.toContain("refunds");
    });

    it("marks a vault's grant done when its manager seals the key to the newcomer", async () => {
      const granted = await manager.shareWith(payments, newcomer.userId, "manage");
      expect(granted.status, JSON.stringify(granted.body)).toBe(201);
      const run = await checklist(owner.api, started.checklistId);
      expect(stepOf(run, (step) => step.vaultId === payments)).toMatchObject({
        status: "done",
        actor: { id: manager.userId },
      });
      expect(stepOf(run, (step) => step.vaultId === infra).status).toBe("pending");
      expect(
        (await tasks(manager.api)).some((task) => task.checklistId === started.checklistId),
      ).toBe(false);
      // The newcomer can open what was sealed to them.
      const vaults = await newcomerClient.request("/api/v1/vaults");
      const ids = (vaults.body as { vaults: Array<{ id: string }> }).vaults.map((v) => v.id);
      expect(ids).toEqual([payments]);
    });

    it("never lets the newcomer tick off steps of their own onboarding", async () => {
      // Now a manager of Payments, the newcomer may read their checklist, but not confirm it.
      const run = await checklist(newcomerClient, started.checklistId);
      const runbook = stepOf(run, (step) => step.title === "Walk through the Payments runbook");
      const refused = await setStep(newcomerClient, run.id, runbook.id, "skipped");
      expect(refused.status).toBe(403);
      expect(stepOf(await checklist(owner.api, run.id), (s) => s.id === runbook.id).status).toBe(
        "done",
      );
    });

    it("closes the checklist when the last step is done, and keeps it as it was", async () => {
      expect((await owner.shareWith(infra, newcomer.userId, "edit")).status).toBe(201);
      let run = await checklist(owner.api, started.checklistId);
      // One manual step is still pending: nothing closes while people have work in it.
      expect(run.status).toBe("open");
      const chat = stepOf(run, (step) => step.title === "Add to team chat");
      const closing = await setStep(owner.api, run.id, chat.id, "skipped");
      expect(closing.status).toBe(200);
      run = closing.body as Checklist;
      expect(run.status).toBe("done");
      expect(run.completedAt).not.toBeNull();
      expect(run.progress).toEqual({ done: 6, total: 6 });
      expect(stepOf(run, (step) => step.id === chat.id)).toMatchObject({
        status: "skipped",
        actor: { id: owner.userId },
      });

      const late = await setStep(owner.api, run.id, chat.id, "pending");
      expect(late.status).toBe(409);
      expect(errorOf(late.body).code).toBe("checklist_closed");
      const comment = await owner.api.request(
        `/api/v1/checklists/${run.id}/steps/${chat.id}/comments`,
        { json: { body: "Too late" } },
      );
      expect(comment.status).toBe(409);
      expect(await checklist(owner.api, run.id)).toEqual(run);
      const completed = (await auditEvents("checklist.complete")).filter(
        (event) => event.targetId === run.id,
      );
      expect(completed).toHaveLength(1);

      const list = await owner.api.request("/api/v1/checklists?status=done&kind=onboarding");
      expect(list.status).toBe(200);
      const summaries = (list.body as { checklists: Array<{ id: string; steps?: unknown }> })
        .checklists;
      expect(summaries.find((summary) => summary.id === run.id)).toMatchObject({
        status: "done",
        progress: { done: 6, total: 6 },
      });
      const open = await owner.api.request("/api/v1/checklists?status=open");
      const openIds = (open.body as { checklists: Array<{ id: string }> }).checklists.map(
        (summary) => summary.id,
      );
      expect(openIds).not.toContain(run.id);
      const bad = await owner.api.request("/api/v1/checklists?kind=promotion");
      expect(bad.status).toBe(400);
      expect(errorOf(bad.body).field).toBe("kind");
    });
  });

  describe("invites", () => {
    it("still accept an email and a role alone, with the default template's steps", async () => {
      const email = uniqueEmail("plain-invite");
      const started = await startedInvite(owner.api, { email: `  ${email.toUpperCase()} ` });
      expect(started.invite.email).toBe(email);
      const run = await checklist(owner.api, started.checklistId);
      const templates = (await owner.api.request("/api/v1/checklist-templates")).body as {
        templates: Array<{ kind: string; isDefault: boolean; steps: Array<{ title: string }> }>;
      };
      const fallback = templates.templates.find(
        (template) => template.kind === "onboarding" && template.isDefault,
      );
      expect(run.steps.map((step) => step.action ?? step.title)).toEqual([
        "invite",
        "account",
        ...(fallback?.steps.map((step) => step.title) ?? []),
      ]);
    });

    it.each([
      [
        "a vault the org does not have",
        () => [
          { vaultId: payments, role: "view" },
          { vaultId: randomId(), role: "view" },
        ],
        "vaults.1.vaultId",
      ],
      [
        "the same vault twice",
        () => [
          { vaultId: payments, role: "view" },
          { vaultId: payments, role: "edit" },
        ],
        "vaults.1.vaultId",
      ],
      ["a malformed vault id", () => [{ vaultId: "x", role: "view" }], "vaults.0.vaultId"],
      ["an unknown vault role", () => [{ vaultId: payments, role: "own" }], "vaults.0.role"],
    ])("refuse %s with 400 naming it, and create nothing", async (_case, vaults, field) => {
      const email = uniqueEmail("refused-invite");
      const refused = await invite(owner.api, { email, vaults: vaults() });
      expect(refused.status, JSON.stringify(refused.body)).toBe(400);
      expect(errorOf(refused.body).field).toBe(field);
      // A sentence for the row, not the request key: the form shows it under the field.
      expect(errorOf(refused.body).message).not.toContain(field);
      const invites = (await owner.api.request("/api/v1/invites")).body as {
        invites: Array<{ email: string }>;
      };
      expect(invites.invites.map((entry) => entry.email)).not.toContain(email);
      const runs = (await owner.api.request("/api/v1/checklists")).body as {
        checklists: Array<{ subject: { email: string } }>;
      };
      expect(runs.checklists.map((run) => run.subject.email)).not.toContain(email);
    });

    it("refuse a template that is not an onboarding template", async () => {
      const templates = (await owner.api.request("/api/v1/checklist-templates")).body as {
        templates: Array<{ id: string; kind: string }>;
      };
      const offboarding = templates.templates.find((template) => template.kind === "offboarding");
      for (const templateId of [offboarding!.id, randomId()]) {
        const refused = await invite(owner.api, { email: uniqueEmail("tpl"), templateId });
        expect(refused.status).toBe(400);
        expect(errorOf(refused.body).field).toBe("templateId");
      }
    });

    it("are for admins only, with or without vaults", async () => {
      const email = uniqueEmail("by-manager");
      const refused = await invite(manager.api, {
        email,
        vaults: [{ vaultId: payments, role: "view" }],
      });
      expect(refused.status).toBe(403);
    });

    it("cancel their checklist when revoked, and its grants leave the managers' tasks", async () => {
      const email = uniqueEmail("revoked");
      const started = await startedInvite(owner.api, {
        email,
        vaults: [{ vaultId: payments, role: "view" }],
      });
      const has = async () =>
        (await tasks(manager.api)).some((task) => task.checklistId === started.checklistId);
      expect(await has()).toBe(true);
      const revoked = await owner.api.request(`/api/v1/invites/${started.invite.id}`, {
        method: "DELETE",
      });
      expect(revoked.status).toBe(204);
      const run = await checklist(owner.api, started.checklistId);
      expect(run.status).toBe("cancelled");
      expect(run.completedAt).not.toBeNull();
      expect(await has()).toBe(false);
      const manual = run.steps.find((step) => step.kind === "manual");
      if (manual) {
        const late = await setStep(owner.api, run.id, manual.id, "done");
        expect(errorOf(late.body).code).toBe("checklist_closed");
      }
      // The link is dead too.
      const lookup = await new ApiClient(server.url).request("/api/v1/invites/lookup", {
        json: { token: started.token },
      });
      expect(lookup.status).toBe(404);
    });
  });

  describe("people", () => {
    async function people() {
      const response = await owner.api.request("/api/v1/people");
      expect(response.status, JSON.stringify(response.body)).toBe(200);
      return (response.body as { people: Person[] }).people;
    }

    it("shows each person's status and open checklists", async () => {
      const invitedEmail = uniqueEmail("people-invited");
      const invited = await startedInvite(owner.api, { email: invitedEmail, role: "admin" });
      const onboardingEmail = uniqueEmail("people-onboarding");
      const onboarding = await startedInvite(owner.api, {
        email: onboardingEmail,
        vaults: [{ vaultId: infra, role: "view" }],
      });
      const onboardingPerson = await signUp(server.url, onboarding.token, onboardingEmail);
      const revokedEmail = uniqueEmail("people-revoked");
      const revoked = await startedInvite(owner.api, { email: revokedEmail });
      await owner.api.request(`/api/v1/invites/${revoked.invite.id}`, { method: "DELETE" });

      // Active: an onboarding with nothing left (no template steps, no vaults).
      const emptyTemplate = await owner.api.request("/api/v1/checklist-templates", {
        json: { kind: "onboarding", name: "Nothing to do", steps: [] },
      });
      const emptyId = (emptyTemplate.body as { id: string }).id;
      const activeEmail = uniqueEmail("people-active");
      const active = await startedInvite(owner.api, { email: activeEmail, templateId: emptyId });
      const activePerson = await signUp(server.url, active.token, activeEmail);
      expect((await checklist(owner.api, active.checklistId)).status).toBe("done");
      await owner.api.request(`/api/v1/checklist-templates/${emptyId}`, { method: "DELETE" });

      const suspendedEmail = uniqueEmail("people-suspended");
      const suspendedInvite = await startedInvite(owner.api, { email: suspendedEmail });
      const suspendedPerson = await signUp(server.url, suspendedInvite.token, suspendedEmail);
      const suspended = await owner.api.request(`/api/v1/users/${suspendedPerson.userId}/status`, {
        method: "PUT",
        json: { status: "suspended" },
      });
      expect(suspended.status).toBe(200);

      const everyone = await people();
      const byEmail = (email: string) => everyone.filter((person) => person.email === email);
      expect(byEmail(invitedEmail)).toEqual([
        {
          userId: null,
          email: invitedEmail,
          name: null,
          role: "admin",
          status: "invited",
          openChecklists: [
            { id: invited.checklistId, kind: "onboarding", progress: expect.any(Object) },
          ],
        },
      ]);
      expect(byEmail(onboardingEmail)).toEqual([
        expect.objectContaining({
          userId: onboardingPerson.userId,
          status: "onboarding",
          openChecklists: [
            expect.objectContaining({ id: onboarding.checklistId, kind: "onboarding" }),
          ],
        }),
      ]);
      expect(byEmail(activeEmail)).toEqual([
        expect.objectContaining({
          userId: activePerson.userId,
          status: "active",
          openChecklists: [],
        }),
      ]);
      expect(byEmail(suspendedEmail)).toEqual([
        expect.objectContaining({ userId: suspendedPerson.userId, status: "suspended" }),
      ]);
      expect(byEmail(revokedEmail)).toEqual([]);
      expect(everyone.find((person) => person.userId === owner.userId)).toMatchObject({
        role: "owner",
      });
    });
  });

  describe("with a security key required of everyone", () => {
    /** An admin with a key: sets the policy, and invites while the owner (no key) cannot. */
    let admin: KeyHolder;
    /** A member who manages the Secrets vault and has a key, so the policy does not stop them. */
    let keyManager: VaultClient;
    let secretsVault: string;

    async function setPolicy(requireMfa: "off" | "admins" | "everyone") {
      const stepped = await assert(admin.client, admin.authenticator);
      expect(stepped.status, JSON.stringify(stepped.body)).toBe(200);
      const saved = await admin.client.request("/api/v1/admin/mfa", {
        method: "PUT",
        json: { requireMfa, graceDays: 0, userVerification: false },
      });
      expect(saved.status, JSON.stringify(saved.body)).toBe(200);
    }

    beforeAll(async () => {
      admin = await memberWithKey(owner.api, { label: "onboarding-key-admin", role: "admin" });
      keyManager = await invitedVaultClient(server, owner, { label: "onboarding-key-manager" });
      ({ vaultId: secretsVault } = await keyManager.createVault("Secrets"));
      await enrolKey(keyManager.api, new SoftAuthenticator({ origin: server.url }));
      await setPolicy("everyone");
    });

    afterAll(async () => {
      // Other files share this server: leave the policy as they expect it.
      if (admin) await setPolicy("off");
    });

    it("grants no vault key until the newcomer enrols, then the manager's grant completes", async () => {
      const email = uniqueEmail("mfa-newcomer");
      const started = await startedInvite(admin.client, {
        email,
        vaults: [{ vaultId: secretsVault, role: "view" }],
      });
      let run = await checklist(admin.client, started.checklistId);
      expect(run.steps.map((step) => step.action).slice(0, 4)).toEqual([
        "invite",
        "account",
        "mfa",
        "grant_vault",
      ]);
      const task = async () =>
        (await tasks(keyManager.api)).find((entry) => entry.checklistId === started.checklistId);
      expect(await task()).toMatchObject({ ready: false, subject: { userId: null } });

      const secrets = await signUp(server.url, started.token, email);
      run = await checklist(admin.client, started.checklistId);
      expect(stepOf(run, (step) => step.action === "account").status).toBe("done");
      expect(stepOf(run, (step) => step.action === "mfa").status).toBe("pending");
      // An account, but no key: still not ready, and the server refuses the grant outright.
      expect(await task()).toMatchObject({ ready: false, subject: { userId: secrets.userId } });
      const early = await keyManager.shareWith(secretsVault, secrets.userId, "view");
      expect(early.status).toBe(409);
      expect(errorOf(early.body).code).toBe("member_not_compliant");
      run = await checklist(admin.client, started.checklistId);
      expect(stepOf(run, (step) => step.action === "grant_vault").status).toBe("pending");

      const newcomer = (await signedInClient(server.url, secrets)).client;
      expect((await newcomer.request("/api/v1/vaults")).status).toBe(403);
      await enrolKey(newcomer, new SoftAuthenticator({ origin: server.url }));
      run = await checklist(admin.client, started.checklistId);
      expect(stepOf(run, (step) => step.action === "mfa")).toMatchObject({
        status: "done",
        actor: { id: secrets.userId },
      });
      expect(await task()).toMatchObject({ ready: true });

      const granted = await keyManager.shareWith(secretsVault, secrets.userId, "view");
      expect(granted.status, JSON.stringify(granted.body)).toBe(201);
      run = await checklist(admin.client, started.checklistId);
      expect(stepOf(run, (step) => step.action === "grant_vault")).toMatchObject({
        status: "done",
        actor: { id: keyManager.userId },
      });
      expect(await task()).toBeUndefined();
    });

    it("asks a key only of the roles the policy covers", async () => {
      await setPolicy("admins");
      const member = await startedInvite(admin.client, { email: uniqueEmail("mfa-member") });
      const newAdmin = await startedInvite(admin.client, {
        email: uniqueEmail("mfa-admin"),
        role: "admin",
      });
      const actions = async (id: string) =>
        (await checklist(admin.client, id)).steps.map((step) => step.action);
      expect(await actions(member.checklistId)).not.toContain("mfa");
      expect(await actions(newAdmin.checklistId)).toContain("mfa");
      await setPolicy("everyone");
    });

    it("marks the key step done at sign-up when the policy no longer asks for one", async () => {
      const email = uniqueEmail("mfa-relaxed");
      const started = await startedInvite(admin.client, { email });
      await setPolicy("off");
      await signUp(server.url, started.token, email);
      const run = await checklist(admin.client, started.checklistId);
      expect(stepOf(run, (step) => step.action === "mfa")).toMatchObject({
        status: "done",
        actor: null,
      });
      await setPolicy("everyone");
    });
  });
});
