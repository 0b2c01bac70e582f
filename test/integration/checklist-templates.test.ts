// Checklist templates (DESIGN, Onboarding and offboarding): admins keep the manual steps of
// each kind of checklist; an org always starts with a default of each kind, holds one default
// per kind at most, and a malformed template is refused whole, naming the bad field.
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import type { ApiClient } from "../support/protocol-client";
import { inviteMember, ownerSecrets, signedInClient } from "../support/flows";

interface Template {
  id: string;
  kind: "onboarding" | "offboarding";
  name: string;
  steps: Array<{ title: string; description: string; link: string; assigneeRole: string }>;
  isDefault: boolean;
  updatedAt: string;
}

const errorOf = (body: unknown) => (body as { error: { code: string; field?: string } }).error;

describe.each(inject("servers"))("checklist templates on $kind", (server) => {
  let owner: ApiClient;
  let member: ApiClient;
  const created: string[] = [];
  /** The defaults as this file found them: other files rely on them, so they are put back. */
  let originalDefaults: Template[] = [];

  const list = async () => {
    const response = await owner.request("/api/v1/checklist-templates");
    expect(response.status, JSON.stringify(response.body)).toBe(200);
    return (response.body as { templates: Template[] }).templates;
  };
  const create = async (template: Record<string, unknown>) => {
    const response = await owner.request("/api/v1/checklist-templates", { json: template });
    if (response.status === 201) created.push((response.body as Template).id);
    return response;
  };
  const defaultsOf = (templates: Template[], kind: Template["kind"]) =>
    templates.filter((template) => template.kind === kind && template.isDefault);

  beforeAll(async () => {
    owner = (await signedInClient(server.url, ownerSecrets(server))).client;
    const { secrets } = await inviteMember(owner, { label: "template-member" });
    member = (await signedInClient(server.url, secrets)).client;
    originalDefaults = (await list()).filter((template) => template.isDefault);
  });

  afterAll(async () => {
    for (const id of created) {
      await owner.request(`/api/v1/checklist-templates/${id}`, { method: "DELETE" });
    }
    for (const template of originalDefaults) {
      const { kind, name, steps } = template;
      await owner.request(`/api/v1/checklist-templates/${template.id}`, {
        method: "PUT",
        json: { kind, name, steps, isDefault: true },
      });
    }
  });

  it("starts every org with one default template of each kind", async () => {
    const templates = await list();
    const onboarding = defaultsOf(templates, "onboarding");
    const offboarding = defaultsOf(templates, "offboarding");
    expect(onboarding).toHaveLength(1);
    expect(offboarding).toHaveLength(1);
    // Seeded once: asking again creates nothing more.
    expect((await list()).map((template) => template.id)).toEqual(
      templates.map((template) => template.id),
    );
    if (onboarding[0]!.name === "Standard onboarding") {
      expect(onboarding[0]!.steps.map((step) => step.title)).toContain("Add to team chat");
    }
    if (offboarding[0]!.name === "Standard offboarding") {
      expect(offboarding[0]!.steps.map((step) => step.title)).toContain(
        "Collect laptop and hardware keys",
      );
    }
  });

  it("creates, updates and deletes a template, recording each change", async () => {
    const response = await create({
      kind: "onboarding",
      name: "  Engineers  ",
      steps: [
        { title: "Order a laptop", link: "https://shop.example.test/laptops" },
        {
          title: "Pair on a first change",
          description: "Half a day.",
          assigneeRole: "vault_manager",
        },
      ],
    });
    expect(response.status, JSON.stringify(response.body)).toBe(201);
    const template = response.body as Template;
    expect(template).toMatchObject({
      kind: "onboarding",
      name: "Engineers",
      isDefault: false,
      steps: [
        {
          title: "Order a laptop",
          description: "",
          link: "https://shop.example.test/laptops",
          assigneeRole: "admin",
        },
        {
          title: "Pair on a first change",
          description: "Half a day.",
          link: "",
          assigneeRole: "vault_manager",
        },
      ],
    });

    const updated = await owner.request(`/api/v1/checklist-templates/${template.id}`, {
      method: "PUT",
      json: { kind: "onboarding", name: "Engineering", steps: [{ title: "Order a laptop" }] },
    });
    expect(updated.status, JSON.stringify(updated.body)).toBe(200);
    expect(updated.body).toMatchObject({ id: template.id, name: "Engineering" });
    expect((updated.body as Template).steps).toHaveLength(1);
    expect((await list()).find((entry) => entry.id === template.id)?.name).toBe("Engineering");

    const removed = await owner.request(`/api/v1/checklist-templates/${template.id}`, {
      method: "DELETE",
    });
    expect(removed.status).toBe(204);
    expect((await list()).some((entry) => entry.id === template.id)).toBe(false);
    const again = await owner.request(`/api/v1/checklist-templates/${template.id}`, {
      method: "DELETE",
    });
    expect(again.status).toBe(404);

    const events = await owner.request(`/api/v1/audit?action=checklist.template_&limit=50`);
    const mine = (
      events.body as { events: Array<{ action: string; targetId: string }> }
    ).events.filter((event) => event.targetId === template.id);
    expect(mine.map((event) => event.action).reverse()).toEqual([
      "checklist.template_create",
      "checklist.template_update",
      "checklist.template_delete",
    ]);
  });

  it("keeps one default per kind: a new default clears the old one, not the other kind's", async () => {
    const offboardingDefault = defaultsOf(await list(), "offboarding")[0]!;
    const first = await create({
      kind: "onboarding",
      name: "Default A",
      steps: [],
      isDefault: true,
    });
    expect(first.status).toBe(201);
    let templates = await list();
    expect(defaultsOf(templates, "onboarding").map((template) => template.id)).toEqual([
      (first.body as Template).id,
    ]);
    const second = await create({ kind: "onboarding", name: "Default B", steps: [] });
    const secondId = (second.body as Template).id;
    const promoted = await owner.request(`/api/v1/checklist-templates/${secondId}`, {
      method: "PUT",
      json: { kind: "onboarding", name: "Default B", steps: [], isDefault: true },
    });
    expect(promoted.status).toBe(200);
    templates = await list();
    expect(defaultsOf(templates, "onboarding").map((template) => template.id)).toEqual([secondId]);
    expect(defaultsOf(templates, "offboarding").map((template) => template.id)).toEqual([
      offboardingDefault.id,
    ]);
  });

  it.each([
    ["an empty step title", { steps: [{ title: "Fine" }, { title: "  " }] }, "steps.1.title"],
    ["a link that is not a URL", { steps: [{ title: "A", link: "not a url" }] }, "steps.0.link"],
    [
      "a javascript: link",
      { steps: [{ title: "A", link: "javascript:alert(document.cookie)" }] },
      "steps.0.link",
    ],
    [
      "an unknown assignee",
      { steps: [{ title: "A", assigneeRole: "owner" }] },
      "steps.0.assigneeRole",
    ],
    ["an unknown kind", { kind: "promotion" }, "kind"],
    ["a missing name", { name: "" }, "name"],
    ["too many steps", { steps: Array.from({ length: 51 }, () => ({ title: "x" })) }, "steps"],
  ])("refuses %s with 400 naming the field, and changes nothing", async (_case, change, field) => {
    const before = await list();
    const valid = { kind: "onboarding", name: "Valid", steps: [{ title: "A" }] };
    const refused = await create({ ...valid, ...change });
    expect(refused.status, JSON.stringify(refused.body)).toBe(400);
    expect(errorOf(refused.body)).toMatchObject({ code: "bad_request", field });
    const target = before[0]!;
    const edit = await owner.request(`/api/v1/checklist-templates/${target.id}`, {
      method: "PUT",
      json: { ...valid, ...change },
    });
    expect(edit.status).toBe(400);
    expect(errorOf(edit.body).field).toBe(field);
    expect(await list()).toEqual(before);
  });

  it("answers 404 for a template that does not exist", async () => {
    const response = await owner.request("/api/v1/checklist-templates/AAAAAAAAAAAAAAAAAAAAAA", {
      method: "PUT",
      json: { kind: "onboarding", name: "Ghost", steps: [] },
    });
    expect(response.status).toBe(404);
  });

  it("is for admins only", async () => {
    const target = (await list())[0]!;
    const attempts = [
      member.request("/api/v1/checklist-templates"),
      member.request("/api/v1/checklist-templates", {
        json: { kind: "onboarding", name: "Mine", steps: [] },
      }),
      member.request(`/api/v1/checklist-templates/${target.id}`, {
        method: "PUT",
        json: { kind: target.kind, name: "Taken over", steps: [] },
      }),
      member.request(`/api/v1/checklist-templates/${target.id}`, { method: "DELETE" }),
    ];
    for (const attempt of await Promise.all(attempts)) expect(attempt.status).toBe(403);
    expect((await list()).find((entry) => entry.id === target.id)).toEqual(target);
  });

  it("keeps one template of each kind, passes a deleted default on, and keeps a template's kind", async () => {
    const first = (
      await create({ kind: "onboarding", name: "Default D", steps: [], isDefault: true })
    ).body as Template;
    const second = (await create({ kind: "onboarding", name: "Second D", steps: [] }))
      .body as Template;
    const deleted = await owner.request(`/api/v1/checklist-templates/${first.id}`, {
      method: "DELETE",
    });
    expect(deleted.status).toBe(204);
    const defaults = defaultsOf(await list(), "onboarding");
    expect(defaults.map((template) => template.id)).toEqual([second.id]);

    const moved = await owner.request(`/api/v1/checklist-templates/${second.id}`, {
      method: "PUT",
      json: { kind: "offboarding", name: "Second D", steps: [] },
    });
    expect(moved.status).toBe(404);
    expect((await list()).find((template) => template.id === second.id)?.kind).toBe("onboarding");

    // Offboarding has only the org's own template now: it cannot go, or defaults would return.
    const offboarding = (await list()).filter((template) => template.kind === "offboarding");
    expect(offboarding).toHaveLength(1);
    const last = await owner.request(`/api/v1/checklist-templates/${offboarding[0]!.id}`, {
      method: "DELETE",
    });
    expect(last.status).toBe(409);
    expect(errorOf(last.body).code).toBe("last_template");
    expect((await list()).filter((template) => template.kind === "offboarding")).toEqual(
      offboarding,
    );
  });
});
