import { describe, expect, inject, it } from "vitest";

describe.each(inject("servers"))("health on $kind", (server) => {
  it("reports the database engine in use", async () => {
    const response = await fetch(`${server.url}/api/v1/health`);
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ ok: true, db: server.kind });
  });

  it("reports that setup is done once the owner exists", async () => {
    const response = await fetch(`${server.url}/api/v1/setup`);
    expect(await response.json()).toEqual({ needsSetup: false });
  });
});
