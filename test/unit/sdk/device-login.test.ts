import { describe, expect, it } from "vitest";
import { deviceCode, fromBase64Url, getSodium, newDeviceKeyPair, toBase64Url } from "@/lib/crypto";
import { startDeviceLogin, waitForApproval } from "@/lib/sdk/device-login";
import { SdkError, type HttpPort } from "@/lib/sdk/http-port";

type Sent = Parameters<HttpPort["request"]>[0];

/** A port answering each request with the next body in line. */
function portAnswering(...answers: unknown[]) {
  const sent: Sent[] = [];
  const port: HttpPort = {
    async request(input) {
      sent.push(input);
      return answers.shift();
    },
  };
  return { port, sent };
}

const approved = {
  status: "approved",
  sessionToken: `coffer_us_${"A".repeat(43)}`,
  sessionId: "session-id",
  sessionExpiresAt: "2026-12-02T00:00:00.000Z",
  userId: "user-id",
  email: "person@example.test",
  sealedUserKey: "B".repeat(107),
};
const pending = { status: "pending", interval: 2 };

describe("coffer login's half of the device login", () => {
  it("sends only a fresh public key and shows the code derived from it", async () => {
    await getSodium();
    const { port, sent } = portAnswering({
      id: "login-id",
      pollToken: "C".repeat(43),
      expiresAt: "2026-12-01T00:10:00.000Z",
      interval: 2,
    });
    const started = await startDeviceLogin(port, "laptop");
    const body = sent[0]!.body as { publicKey: string; clientName: string };
    expect(body).toEqual({
      publicKey: toBase64Url(started.keyPair.publicKey),
      clientName: "laptop",
    });
    expect(started.code).toBe(deviceCode(fromBase64Url(body.publicKey)));
    expect(JSON.stringify(sent)).not.toContain(toBase64Url(started.keyPair.privateKey));
  });

  it("polls with the poll secret, waiting longer each time up to ten seconds", async () => {
    await getSodium();
    const { port, sent } = portAnswering(
      pending,
      pending,
      pending,
      pending,
      pending,
      pending,
      approved,
    );
    const waits: number[] = [];
    const started = {
      id: "login-id",
      pollToken: "C".repeat(43),
      expiresAt: new Date(Date.now() + 600_000).toISOString(),
      interval: 2,
      code: "0123456789",
      keyPair: newDeviceKeyPair(),
    };
    const answer = await waitForApproval(port, started, async (ms) => {
      waits.push(ms);
    });
    expect(answer).toEqual(approved);
    expect(waits).toEqual([2000, 3000, 4500, 6750, 10_000, 10_000]);
    expect(sent.every((request) => request.path === "/api/v1/device-logins/login-id/poll")).toBe(
      true,
    );
    expect(sent[0]!.body).toEqual({ pollToken: started.pollToken });
  });

  it("gives up once the request would expire before the next poll", async () => {
    await getSodium();
    const { port } = portAnswering(pending, pending, pending);
    let clock = 0;
    const started = {
      id: "login-id",
      pollToken: "C".repeat(43),
      expiresAt: new Date(5_000).toISOString(),
      interval: 2,
      code: "0123456789",
      keyPair: newDeviceKeyPair(),
    };
    const waiting = waitForApproval(
      port,
      started,
      async (ms) => {
        clock += ms;
      },
      () => clock,
    );
    await expect(waiting).rejects.toThrow(SdkError);
    await expect(waiting).rejects.toMatchObject({ code: "device_login_expired" });
    expect(clock).toBe(5000);
  });
});
