import { describe, expect, it } from "vitest";
import { routes } from "@/lib/api/routes";
import { call } from "@/lib/sdk/call";
import { SdkError, type HttpPort } from "@/lib/sdk/http-port";

type Sent = Parameters<HttpPort["request"]>[0];

/** A port that records what it was asked and answers with a fixed body. */
function portAnswering(answer: unknown) {
  const sent: Sent[] = [];
  const port: HttpPort = {
    async request(input) {
      sent.push(input);
      return answer;
    },
  };
  return { port, sent };
}

const now = "2026-12-01T00:00:00.000Z";
const item = {
  id: "item_aaaaaaaaaaaaaaaa",
  keyVersion: 2,
  revision: 4,
  ciphertext: `v1.${"A".repeat(32)}.BBBB`,
  createdAt: now,
  updatedAt: now,
};

describe("call(port, route, input)", () => {
  it("sends the route's method to its path with the params filled in, each one segment", async () => {
    const { port, sent } = portAnswering(item);
    const body = { keyVersion: 2, baseRevision: 3, ciphertext: item.ciphertext };
    const answer = await call(port, routes.updateItem, {
      params: { id: "vault/../x", itemId: item.id },
      body,
    });
    expect(sent).toEqual([
      {
        method: "PUT",
        path: `/api/v1/vaults/vault%2F..%2Fx/items/${item.id}`,
        headers: undefined,
        body,
      },
    ]);
    expect(answer).toEqual(item);
  });

  it("adds search parameters and headers", async () => {
    const { port, sent } = portAnswering({ flags: [] });
    await call(port, routes.listFlags, {
      query: { state: "all", vaultId: undefined },
      headers: { "x-test": "1" },
    });
    expect(sent[0]).toMatchObject({
      method: "GET",
      path: "/api/v1/flags?state=all",
      headers: { "x-test": "1" },
    });
  });

  it("refuses an answer that does not match the route's response schema, without echoing it", async () => {
    const { port } = portAnswering({ ...item, ciphertext: "plaintext-canary" });
    const failure = await call(port, routes.updateItem, {
      params: { id: "v", itemId: "i" },
      body: { keyVersion: 1, baseRevision: 1, ciphertext: item.ciphertext },
    }).catch((error: unknown) => error);
    expect(failure).toBeInstanceOf(SdkError);
    expect(failure).toMatchObject({ code: "server", field: "ciphertext" });
    expect((failure as Error).message).not.toContain("canary");
  });

  it("answers undefined for a route without a body, whatever the port returned", async () => {
    const { port } = portAnswering(null);
    await expect(call(port, routes.deleteVault, { params: { id: "v" } })).resolves.toBeUndefined();
  });

  it("leaves next-auth's form routes to the session port", async () => {
    const { port, sent } = portAnswering({ url: "/" });
    const failure = await call(port, routes.signOut, {
      body: { csrfToken: "t", json: "true" },
    }).catch((error: unknown) => error);
    expect(failure).toMatchObject({ code: "usage" });
    expect(sent).toEqual([]);
  });

  it("is typed from the table: params and bodies the route needs cannot be left out", () => {
    const { port } = portAnswering(item);
    // Compile-time checks (tsc): each line would be a type error without the directive.
    const unused = () => {
      // @ts-expect-error the vault id is a path parameter of this route
      void call(port, routes.vault);
      // @ts-expect-error createVault takes a body
      void call(port, routes.createVault, {});
      // @ts-expect-error listVaults has no path parameters
      void call(port, routes.listVaults, { params: { id: "v" } });
    };
    expect(typeof unused).toBe("function");
  });
});
