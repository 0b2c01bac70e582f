// The audit log names who acted and who was acted on, in the list and in the CSV export: a
// reader sees "person Role Change Target", not "user QljiSfXlTA3kMYQ5ykZXyg".
import Papa from "papaparse";
import { beforeAll, describe, expect, inject, it } from "vitest";
import type { AuditEventDto } from "../../lib/api/audit";
import type { ApiClient } from "../support/protocol-client";
import { inviteMember, ownerSecrets, signedInClient } from "../support/flows";

describe.each(inject("servers"))("audit names on $kind", (server) => {
  let owner: ApiClient;
  let ownerName: string;
  let personId: string;
  let inviteEmail: string;

  beforeAll(async () => {
    ({ client: owner } = await signedInClient(server.url, ownerSecrets(server)));
    ownerName = ((await owner.request("/api/v1/account")).body as { name: string }).name;
    const { secrets } = await inviteMember(owner, { label: "audit-names" });
    personId = secrets.userId;
    const changed = await owner.request(`/api/v1/users/${personId}/role`, {
      method: "PUT",
      json: { role: "admin" },
    });
    expect(changed.status).toBe(200);
    inviteEmail = `audit-names-invite-${Date.now()}@example.test`;
    expect(
      (await owner.request("/api/v1/invites", { json: { email: inviteEmail, role: "member" } }))
        .status,
    ).toBe(201);
  });

  it("names the person acted on and the actor in the list", async () => {
    const answer = await owner.request("/api/v1/audit?action=user.role_change&limit=50");
    expect(answer.status).toBe(200);
    const event = (answer.body as { events: AuditEventDto[] }).events.find(
      (candidate) => candidate.targetId === personId,
    );
    expect(event).toMatchObject({
      targetType: "user",
      targetName: "Test Member",
      actorName: ownerName,
    });
  });

  it("names an invite by its address", async () => {
    const answer = await owner.request("/api/v1/audit?action=invite.&limit=50");
    const names = (answer.body as { events: AuditEventDto[] }).events.map(
      (event) => event.targetName,
    );
    expect(names).toContain(inviteEmail);
  });

  it("carries the same names in the CSV export", async () => {
    const answer = await owner.request("/api/v1/audit/export?format=csv&action=user.role_change");
    expect(answer.status).toBe(200);
    const rows = Papa.parse<Record<string, string>>(answer.body as string, { header: true }).data;
    const row = rows.find((candidate) => candidate.targetId === personId);
    expect(row).toMatchObject({ actor: ownerName, target: "person Test Member" });
  });
});
