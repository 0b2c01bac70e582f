// Security keys over HTTP (DESIGN, Sessions, MFA and policy): enrolment, the second factor at
// sign-in, recovery codes, and every refusal the WebAuthn checks owe — counter regression,
// missing user verification, bad signature, replay, another session's challenge, wrong origin
// and RP ID — each refused, recorded, and leaving the stored key as it was.
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import type { ApiClient } from "../support/protocol-client";
import { inviteMember, ownerSecrets, signedInClient } from "../support/flows";
import { SoftAuthenticator } from "../support/soft-authenticator";
import { VaultClient } from "../support/vault-client";
import {
  assert,
  assertionOptions,
  enrolKey,
  memberWithKey,
  mfaStatus,
  pendingSession,
  type KeyHolder,
} from "../support/mfa-client";

const errorCode = (body: unknown) => (body as { error?: { code?: string } }).error?.code;

describe.each(inject("servers"))("security keys on $kind", (server) => {
  let owner: ApiClient;
  /** An admin with a key: changes policy here, so the shared owner never needs one. */
  let admin: KeyHolder;

  async function auditReasons(action: string, actorId: string) {
    const events = await owner.request(
      `/api/v1/audit?action=${encodeURIComponent(action)}&actorId=${actorId}&limit=50`,
    );
    expect(events.status).toBe(200);
    return (events.body as { events: Array<{ details: Record<string, unknown> }> }).events.map(
      (event) => event.details.reason,
    );
  }

  async function setPolicy(policy: {
    requireMfa: "off" | "admins" | "everyone";
    graceDays?: number;
    userVerification?: boolean;
  }) {
    await stepUp(admin);
    const saved = await admin.client.request("/api/v1/admin/mfa", {
      method: "PUT",
      json: { graceDays: 0, userVerification: false, ...policy },
    });
    expect(saved.status, JSON.stringify(saved.body)).toBe(200);
    return saved.body as {
      people: Array<{ userId: string; compliance: string; keyCount: number }>;
    };
  }

  /** A fresh key check on the holder's session, so step-up routes are open for five minutes. */
  async function stepUp(holder: KeyHolder) {
    // With a PIN, so that it also passes while a test requires user verification.
    const answer = await assert(holder.client, holder.authenticator, { userVerified: true });
    expect(answer.status, JSON.stringify(answer.body)).toBe(200);
  }

  beforeAll(async () => {
    owner = (await signedInClient(server.url, ownerSecrets(server))).client;
    admin = await memberWithKey(owner, { label: "mfa-admin", role: "admin" });
  });

  afterAll(async () => {
    // Other files share this server: leave the policy as they expect it.
    await setPolicy({ requireMfa: "off" });
  });

  describe("enrolment", () => {
    it("registers a key with its nickname and hands out ten distinct recovery codes once", async () => {
      const member = await inviteMember(owner, { label: "enrol" });
      const { client } = await signedInClient(server.url, member.secrets);
      expect((await mfaStatus(client)).state).toBe("none");
      const authenticator = new SoftAuthenticator({ origin: server.url });
      const first = await enrolKey(client, authenticator, "Blue YubiKey");
      expect(first.key.nickname).toBe("Blue YubiKey");
      expect(first.key.transports).toEqual(["usb"]);
      expect(first.recoveryCodes).toHaveLength(10);
      expect(new Set(first.recoveryCodes).size).toBe(10);
      for (const code of first.recoveryCodes!) {
        expect(code).toMatch(/^[0-9A-HJKMNP-TV-Z]{4}(-[0-9A-HJKMNP-TV-Z]{4}){3}$/);
      }
      // Registering proved possession: this session is verified, and a backup key gets no codes.
      const status = await mfaStatus(client);
      expect(status).toMatchObject({ state: "verified", keyCount: 1, recoveryCodesLeft: 10 });
      const second = await enrolKey(client, authenticator, "Backup key");
      expect(second.recoveryCodes).toBeNull();
      const keys = await client.request("/api/v1/mfa/keys");
      expect(
        (keys.body as { keys: Array<{ nickname: string }> }).keys.map((key) => key.nickname),
      ).toEqual(["Blue YubiKey", "Backup key"]);
    });

    it("refuses a registration for another origin, and one answering a spent challenge", async () => {
      const member = await inviteMember(owner, { label: "enrol-refused" });
      const { client } = await signedInClient(server.url, member.secrets);
      const authenticator = new SoftAuthenticator({ origin: server.url });
      const options = await client.request("/api/v1/mfa/keys/options", { method: "POST" });
      const phished = authenticator.register(options.body as never, {
        origin: "https://coffer.example.evil",
      });
      const refused = await client.request("/api/v1/mfa/keys", {
        json: { nickname: "Phished", response: phished },
      });
      expect(refused.status).toBe(403);
      expect(errorCode(refused.body)).toBe("mfa_refused");
      // The challenge was spent by that try: the same options cannot be answered again.
      const late = authenticator.register(options.body as never);
      const again = await client.request("/api/v1/mfa/keys", {
        json: { nickname: "Late", response: late },
      });
      expect(again.status).toBe(403);
      expect((await mfaStatus(client)).keyCount).toBe(0);
    });

    it("answers 400 naming the field for a malformed registration", async () => {
      const member = await inviteMember(owner, { label: "enrol-bad" });
      const { client } = await signedInClient(server.url, member.secrets);
      const bad = await client.request("/api/v1/mfa/keys", {
        json: { nickname: "", response: { id: "x" } },
      });
      expect(bad.status).toBe(400);
      expect((bad.body as { error: { field: string } }).error.field).toBe("nickname");
    });
  });

  describe("sign-in with a key", () => {
    let holder: KeyHolder;
    beforeAll(async () => {
      holder = await memberWithKey(owner, { label: "signin" });
    });

    it("keeps a password-only session MFA-pending: no key material, no vaults", async () => {
      const client = await pendingSession(holder);
      expect((await mfaStatus(client)).state).toBe("pending");
      for (const path of ["/api/v1/account/keys", "/api/v1/vaults", "/api/v1/account"]) {
        const refused = await client.request(path);
        expect(refused.status, path).toBe(403);
        expect(errorCode(refused.body)).toBe("mfa_pending");
        expect(JSON.stringify(refused.body)).not.toContain("wrapped");
      }
      // Adding a key of one's own does not skip the step either.
      const enrol = await client.request("/api/v1/mfa/keys/options", { method: "POST" });
      expect(errorCode(enrol.body)).toBe("mfa_pending");
    });

    it("releases everything after the assertion and records the key's use", async () => {
      const client = await pendingSession(holder);
      const answer = await assert(client, holder.authenticator);
      expect(answer.status, JSON.stringify(answer.body)).toBe(200);
      expect((answer.body as { state: string }).state).toBe("verified");
      expect((await client.request("/api/v1/account/keys")).status).toBe(200);
      const keys = await client.request("/api/v1/mfa/keys");
      const [key] = (keys.body as { keys: Array<{ lastUsedAt: string | null }> }).keys;
      expect(key?.lastUsedAt).not.toBeNull();
    });

    it("accepts a recovery code once and never twice", async () => {
      const code = holder.recoveryCodes[0]!;
      const first = await pendingSession(holder);
      // Typed in lower case with spaces: still the same code.
      const used = await first.request("/api/v1/mfa/recovery", {
        json: { code: code.toLowerCase().replace(/-/g, " ") },
      });
      expect(used.status, JSON.stringify(used.body)).toBe(200);
      expect((used.body as { recoveryCodesLeft: number }).recoveryCodesLeft).toBe(9);
      expect((await first.request("/api/v1/vaults")).status).toBe(200);

      const second = await pendingSession(holder);
      const reused = await second.request("/api/v1/mfa/recovery", { json: { code } });
      expect(reused.status).toBe(403);
      expect(errorCode(reused.body)).toBe("mfa_refused");
      expect((await second.request("/api/v1/vaults")).status).toBe(403);
    });

    it("limits wrong recovery codes to five per 15 minutes", async () => {
      const other = await memberWithKey(owner, { label: "guesser" });
      const client = await pendingSession(other);
      for (let attempt = 0; attempt < 5; attempt++) {
        const wrong = await client.request("/api/v1/mfa/recovery", {
          json: { code: "0000-0000-0000-0000" },
        });
        expect(wrong.status).toBe(403);
      }
      // Even a right code waits now: guessing cannot continue.
      const limited = await client.request("/api/v1/mfa/recovery", {
        json: { code: other.recoveryCodes[0]! },
      });
      expect(limited.status).toBe(429);
      expect(Number(limited.headers.get("retry-after"))).toBeGreaterThan(0);
    });
  });

  describe("refusals", () => {
    let holder: KeyHolder;
    beforeAll(async () => {
      holder = await memberWithKey(owner, { label: "refusals" });
    });

    /** The key's counter as the server holds it, probed without trusting any response field. */
    async function expectStoredCounterAtLeast(counter: number) {
      // An assertion at exactly `counter` must be refused while the stored value is ≥ counter.
      const probe = await pendingSession(holder);
      const answer = await assert(probe, holder.authenticator, { counter });
      expect(answer.status, `counter ${counter} accepted`).toBe(403);
    }

    it("refuses a sign counter that goes backwards, leaving the stored counter unchanged", async () => {
      const good = await pendingSession(holder);
      expect((await assert(good, holder.authenticator, { counter: 50 })).status).toBe(200);

      const cloned = await pendingSession(holder);
      const refused = await assert(cloned, holder.authenticator, { counter: 10 });
      expect(refused.status).toBe(403);
      expect(errorCode(refused.body)).toBe("mfa_refused");
      expect((await cloned.request("/api/v1/vaults")).status).toBe(403);
      // Had the refused 10 been saved, 11 would now pass; it must not, since 50 still stands.
      await expectStoredCounterAtLeast(11);
      await expectStoredCounterAtLeast(50);
      const next = await pendingSession(holder);
      expect((await assert(next, holder.authenticator, { counter: 51 })).status).toBe(200);
      expect(await auditReasons("mfa.verify_failed", holder.secrets.userId)).toContain("counter");
    });

    it("refuses a bogus signature without moving the counter", async () => {
      const client = await pendingSession(holder);
      const refused = await assert(client, holder.authenticator, {
        counter: 100,
        tamperSignature: true,
      });
      expect(refused.status).toBe(403);
      // 100 was not saved: a genuine assertion at 100 still passes.
      const genuine = await pendingSession(holder);
      expect((await assert(genuine, holder.authenticator, { counter: 100 })).status).toBe(200);
      expect(await auditReasons("mfa.verify_failed", holder.secrets.userId)).toContain("signature");
    });

    it("refuses a replayed assertion", async () => {
      const client = await pendingSession(holder);
      const options = await assertionOptions(client);
      const response = holder.authenticator.authenticate(options, { counter: 200 });
      const first = await client.request("/api/v1/mfa/assertion", { json: { response } });
      expect(first.status).toBe(200);
      // The same bytes again, on a new pending session of the same person.
      const other = await pendingSession(holder);
      await assertionOptions(other);
      const replayed = await other.request("/api/v1/mfa/assertion", { json: { response } });
      expect(replayed.status).toBe(403);
      expect((await other.request("/api/v1/vaults")).status).toBe(403);
    });

    it("refuses an assertion answering another session's challenge, which stays usable there", async () => {
      const victim = await pendingSession(holder);
      const attacker = await pendingSession(holder);
      const victimOptions = await assertionOptions(victim);
      const stolen = holder.authenticator.authenticate(victimOptions);
      const refused = await attacker.request("/api/v1/mfa/assertion", {
        json: { response: stolen },
      });
      expect(refused.status).toBe(403);
      expect((await attacker.request("/api/v1/vaults")).status).toBe(403);
      expect(await auditReasons("mfa.verify_failed", holder.secrets.userId)).toContain("challenge");
      // The challenge is the victim's own: still theirs to use.
      const fresh = holder.authenticator.authenticate(victimOptions);
      const own = await victim.request("/api/v1/mfa/assertion", { json: { response: fresh } });
      expect(own.status, JSON.stringify(own.body)).toBe(200);
    });

    it("refuses a wrong origin and a wrong RP ID", async () => {
      const phished = await pendingSession(holder);
      const fromEvil = await assert(phished, holder.authenticator, {
        origin: "https://coffer-login.example.evil",
      });
      expect(fromEvil.status).toBe(403);
      const wrongRp = await assert(phished, holder.authenticator, { rpId: "example.evil" });
      expect(wrongRp.status).toBe(403);
      expect((await phished.request("/api/v1/vaults")).status).toBe(403);
      const reasons = await auditReasons("mfa.verify_failed", holder.secrets.userId);
      expect(reasons).toContain("origin");
      expect(reasons).toContain("rp_id");
    });

    it("refuses a key of someone else", async () => {
      const stranger = await memberWithKey(owner, { label: "stranger" });
      const client = await pendingSession(holder);
      const options = await assertionOptions(client);
      const response = stranger.authenticator.authenticate(options, {
        credentialId: stranger.authenticator.credentials[0]!.id,
      });
      const refused = await client.request("/api/v1/mfa/assertion", { json: { response } });
      expect(refused.status).toBe(403);
    });

    it("refuses a response without user verification when the org requires it", async () => {
      await setPolicy({ requireMfa: "off", userVerification: true });
      try {
        const client = await pendingSession(holder);
        const options = await assertionOptions(client);
        expect((options as { userVerification?: string }).userVerification).toBe("required");
        const withoutPin = await assert(client, holder.authenticator, { userVerified: false });
        expect(withoutPin.status).toBe(403);
        expect(await auditReasons("mfa.verify_failed", holder.secrets.userId)).toContain(
          "user_verification",
        );
        const withPin = await assert(client, holder.authenticator, { userVerified: true });
        expect(withPin.status, JSON.stringify(withPin.body)).toBe(200);
      } finally {
        await setPolicy({ requireMfa: "off", userVerification: false });
      }
    });
  });

  describe("key management and step-up", () => {
    it("removes a key only after a check with another key, or with a recovery code", async () => {
      const holder = await memberWithKey(owner, { label: "remover" });
      const backup = await enrolKey(holder.client, holder.authenticator, "Backup");
      // The session was last confirmed by registering the backup: it cannot vouch for itself.
      const selfVouched = await holder.client.request(`/api/v1/mfa/keys/${backup.key.id}`, {
        method: "DELETE",
        json: {},
      });
      expect(selfVouched.status).toBe(403);
      expect(errorCode(selfVouched.body)).toBe("step_up_required");
      // A check with the first key, then the backup can go.
      const options = await assertionOptions(holder.client, backup.key.id);
      expect((options.allowCredentials ?? []).map((credential) => credential.id)).not.toContain(
        holder.authenticator.credentials[1]!.id,
      );
      const stepUp = holder.authenticator.authenticate(options);
      expect(
        (await holder.client.request("/api/v1/mfa/assertion", { json: { response: stepUp } }))
          .status,
      ).toBe(200);
      const removed = await holder.client.request(`/api/v1/mfa/keys/${backup.key.id}`, {
        method: "DELETE",
        json: {},
      });
      expect(removed.status).toBe(204);
      // The last key, with a recovery code (as after losing it).
      const last = await holder.client.request(`/api/v1/mfa/keys/${holder.keyId}`, {
        method: "DELETE",
        json: { recoveryCode: holder.recoveryCodes[3]! },
      });
      expect(last.status, JSON.stringify(last.body)).toBe(204);
      // No key left, but never MFA-free: only enrolment is open now.
      const status = await mfaStatus(holder.client);
      expect(status).toMatchObject({ state: "none", compliant: false, required: true });
      expect(errorCode((await holder.client.request("/api/v1/vaults")).body)).toBe(
        "mfa_enrolment_required",
      );
      await enrolKey(holder.client, holder.authenticator, "Replacement");
      expect((await holder.client.request("/api/v1/vaults")).status).toBe(200);
    });

    it("regenerates recovery codes: the old ones stop working", async () => {
      const holder = await memberWithKey(owner, { label: "regenerate" });
      const fresh = await holder.client.request("/api/v1/mfa/recovery-codes", { method: "POST" });
      expect(fresh.status).toBe(200);
      const codes = (fresh.body as { recoveryCodes: string[] }).recoveryCodes;
      expect(codes).toHaveLength(10);
      const old = await pendingSession(holder);
      const refused = await old.request("/api/v1/mfa/recovery", {
        json: { code: holder.recoveryCodes[0]! },
      });
      expect(refused.status).toBe(403);
      const accepted = await old.request("/api/v1/mfa/recovery", { json: { code: codes[0]! } });
      expect(accepted.status).toBe(200);
    });

    it("makes no recovery codes for someone without a key, and records key additions", async () => {
      const member = await inviteMember(owner, { label: "nokeys" });
      const { client } = await signedInClient(server.url, member.secrets);
      const codes = await client.request("/api/v1/mfa/recovery-codes", { method: "POST" });
      expect(codes.status).toBe(409);
      const events = await owner.request(
        `/api/v1/audit?action=mfa.&actorId=${admin.secrets.userId}`,
      );
      const actions = (events.body as { events: Array<{ action: string }> }).events.map(
        (event) => event.action,
      );
      expect(actions).toContain("mfa.key_add");
    });
  });

  describe("policy", () => {
    it("limits people without a key to enrolment once the grace period is over", async () => {
      const member = await inviteMember(owner, { label: "policy" });
      const { client } = await signedInClient(server.url, member.secrets);
      expect((await client.request("/api/v1/vaults")).status).toBe(200);

      const view = await setPolicy({ requireMfa: "everyone", graceDays: 0 });
      expect(view.people.find((person) => person.userId === member.secrets.userId)).toMatchObject({
        compliance: "out-of-compliance",
        keyCount: 0,
      });
      try {
        for (const path of ["/api/v1/vaults", "/api/v1/account/keys", "/api/v1/directory"]) {
          const refused = await client.request(path);
          expect(refused.status, path).toBe(403);
          expect(errorCode(refused.body)).toBe("mfa_enrolment_required");
        }
        expect((await mfaStatus(client)).compliant).toBe(false);
        await enrolKey(client, new SoftAuthenticator({ origin: server.url }));
        expect((await client.request("/api/v1/vaults")).status).toBe(200);
        const after = await admin.client.request("/api/v1/admin/mfa");
        expect(
          (after.body as { people: Array<{ userId: string; compliance: string }> }).people.find(
            (person) => person.userId === member.secrets.userId,
          )?.compliance,
        ).toBe("enrolled");
      } finally {
        await setPolicy({ requireMfa: "off" });
      }
    });

    it("gives a grace period, and covers only admins under 'admins'", async () => {
      const member = await inviteMember(owner, { label: "grace" });
      const { client } = await signedInClient(server.url, member.secrets);
      try {
        const view = await setPolicy({ requireMfa: "everyone", graceDays: 7 });
        const person = (
          view as unknown as {
            people: Array<{ userId: string; compliance: string; graceUntil: string | null }>;
          }
        ).people.find((entry) => entry.userId === member.secrets.userId);
        expect(person?.compliance).toBe("in-grace");
        const days = (new Date(person!.graceUntil!).getTime() - Date.now()) / 86_400_000;
        expect(days).toBeGreaterThan(6.9);
        expect((await client.request("/api/v1/vaults")).status).toBe(200);
        expect((await mfaStatus(client)).required).toBe(true);

        await setPolicy({ requireMfa: "admins", graceDays: 0 });
        expect((await client.request("/api/v1/vaults")).status).toBe(200);
        expect((await owner.request("/api/v1/vaults")).status).toBe(403);
      } finally {
        await setPolicy({ requireMfa: "off" });
      }
      expect((await owner.request("/api/v1/vaults")).status).toBe(200);
    });

    it("records policy changes and refuses a bad one, changing nothing", async () => {
      const events = await owner.request("/api/v1/audit?action=policy.mfa_change&limit=5");
      const [latest] = (events.body as { events: Array<{ actorId: string; details: object }> })
        .events;
      expect(latest?.actorId).toBe(admin.secrets.userId);
      expect(latest?.details).toMatchObject({ requireMfa: "off" });
      await stepUp(admin);
      const bad = await admin.client.request("/api/v1/admin/mfa", {
        method: "PUT",
        json: { requireMfa: "everyone", graceDays: -1, userVerification: false },
      });
      expect(bad.status).toBe(400);
      expect((bad.body as { error: { field: string } }).error.field).toBe("graceDays");
      const unchanged = await admin.client.request("/api/v1/admin/mfa");
      expect((unchanged.body as { policy: { requireMfa: string } }).policy.requireMfa).toBe("off");
    });

    it("leaves a person whose keys an admin reset required to enrol, never MFA-free", async () => {
      const holder = await memberWithKey(owner, { label: "reset" });
      await stepUp(admin);
      const reset = await admin.client.request(`/api/v1/users/${holder.secrets.userId}/mfa`, {
        method: "DELETE",
      });
      expect(reset.status, JSON.stringify(reset.body)).toBe(200);
      expect(reset.body).toMatchObject({ keysRemoved: 1 });
      // Signed out at once; the next sign-in may only enrol.
      expect((await holder.client.request("/api/v1/mfa")).status).toBe(401);
      const { client } = await signedInClient(server.url, holder.secrets);
      expect(await mfaStatus(client)).toMatchObject({ state: "none", compliant: false });
      expect(errorCode((await client.request("/api/v1/vaults")).body)).toBe(
        "mfa_enrolment_required",
      );
      expect(await auditReasons("mfa.reset_by_admin", admin.secrets.userId)).toHaveLength(1);
    });

    it("grants no vault key to a person out of compliance", async () => {
      const holder = await memberWithKey(owner, { label: "no-grant" });
      await stepUp(admin);
      await admin.client.request(`/api/v1/users/${holder.secrets.userId}/mfa`, {
        method: "DELETE",
      });
      // Signed for real, so that only the compliance rule can refuse the share.
      const ownerKeys = await VaultClient.signIn(server.url, ownerSecrets(server));
      const { vaultId } = await ownerKeys.createVault("Compliance");
      const shared = await ownerKeys.shareWith(vaultId, holder.secrets.userId, "view");
      expect(shared.status).toBe(409);
      expect(errorCode(shared.body)).toBe("member_not_compliant");
      const members = await owner.request(`/api/v1/vaults/${vaultId}`);
      expect(JSON.stringify(members.body)).not.toContain(holder.secrets.userId);
    });
  });
});
