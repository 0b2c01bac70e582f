import { describe, expect, it } from "vitest";
import { CliError, EXIT } from "@/cli/errors";
import { assembleEnvironment, selectVaults, vaultVariables } from "@/cli/secrets/environment";
import type { OpenVault } from "@/cli/secrets/open-vault";
import { parseReference, resolveReference } from "@/cli/secrets/reference";
import type { ItemPlaintext } from "@/lib/crypto";

const item = (title: string, type: ItemPlaintext["type"], fields: Record<string, string>) => ({
  id: `id-${title}`,
  plaintext: {
    type,
    title,
    notes: "",
    urls: [],
    tags: [],
    fields: Object.entries(fields).map(([name, value]) => ({
      name,
      value,
      secret: true,
      kind: "text" as const,
    })),
  },
});

const vaults: OpenVault[] = [
  {
    id: "v-prod",
    name: "Payments",
    environment: "production",
    items: [
      item("app.env", "env_file", { API_KEY: "prod-key-1", PATH: "/evil" }),
      item("Stripe", "api_key", { secret: "sk_prod" }),
    ],
  },
  {
    id: "v-stage",
    name: "Payments",
    environment: "staging",
    items: [item("app.env", "env_file", { API_KEY: "stage-key-1" })],
  },
  { id: "v-a/b", name: "Odd/Name", environment: null, items: [item("x", "note", { f: "odd" })] },
];

function errorOf(action: () => unknown): CliError {
  try {
    action();
  } catch (error) {
    if (error instanceof CliError) return error;
  }
  throw new Error("expected a CliError");
}

describe("coffer:// references", () => {
  it("resolves by names or ids, with ?env= choosing between same-named vaults", () => {
    expect(
      resolveReference(vaults, parseReference("coffer://Payments/Stripe/secret?env=production")),
    ).toBe("sk_prod");
    expect(resolveReference(vaults, parseReference("coffer://v-stage/id-app.env/API_KEY"))).toBe(
      "stage-key-1",
    );
    expect(resolveReference(vaults, parseReference("coffer://Odd%2FName/x/f"))).toBe("odd");
  });

  it("refuses an ambiguous vault name as bad usage, a missing part as not found", () => {
    expect(
      errorOf(() => resolveReference(vaults, parseReference("coffer://Payments/app.env/API_KEY")))
        .exitCode,
    ).toBe(EXIT.usage);
    expect(
      errorOf(() => resolveReference(vaults, parseReference("coffer://Nope/a/b"))).exitCode,
    ).toBe(EXIT.notFound);
    expect(
      errorOf(() => resolveReference(vaults, parseReference("coffer://v-prod/Stripe/nope")))
        .exitCode,
    ).toBe(EXIT.notFound);
  });

  it.each([
    "coffer://a/b",
    "coffer://a/b/c/d",
    "https://a/b/c",
    "coffer://a//c",
    "coffer://a/b/c?x=1",
    "coffer://%zz/b/c",
  ])("refuses the malformed reference %s", (text) => {
    expect(errorOf(() => parseReference(text)).exitCode).toBe(EXIT.usage);
  });
});

describe("the child's environment", () => {
  const prod = selectVaults(vaults, { vaults: ["Payments"], environment: "production" });

  it("takes environment-file items only, from the chosen vaults", () => {
    expect([...vaultVariables(prod)]).toEqual([
      ["API_KEY", "prod-key-1"],
      ["PATH", "/evil"],
    ]);
  });

  it("lets the process environment win by default, and never lets a vault replace PATH", () => {
    const layers = { vault: vaultVariables(prod), file: new Map([["API_KEY", "file-key"]]) };
    const byDefault = assembleEnvironment(vaults, {
      ...layers,
      process: { API_KEY: "shell-key", PATH: "/usr/bin" },
      override: false,
    });
    expect(byDefault.env).toMatchObject({ API_KEY: "shell-key", PATH: "/usr/bin" });
    const overridden = assembleEnvironment(vaults, {
      ...layers,
      process: { API_KEY: "shell-key", PATH: "/usr/bin" },
      override: true,
    });
    expect(overridden.env).toMatchObject({ API_KEY: "file-key", PATH: "/usr/bin" });
    const fileOverVault = assembleEnvironment(vaults, { ...layers, process: {}, override: false });
    expect(fileOverVault.env.API_KEY).toBe("file-key");
  });

  it("resolves references in any layer and marks every Coffer value for masking", () => {
    const assembled = assembleEnvironment(vaults, {
      vault: vaultVariables(selectVaults(vaults, { vaults: ["v-stage"] })),
      file: new Map([["STRIPE", "coffer://Payments/Stripe/secret?env=production"]]),
      process: { HOME: "/home/me", DB: "coffer://Odd%2FName/x/f" },
      override: false,
    });
    expect(assembled.env).toMatchObject({
      API_KEY: "stage-key-1",
      STRIPE: "sk_prod",
      DB: "odd",
      HOME: "/home/me",
    });
    expect([...assembled.secretValues].sort()).toEqual(["odd", "sk_prod", "stage-key-1"]);
  });

  it("refuses a --vault that names nothing open to the token", () => {
    expect(
      errorOf(() => selectVaults(vaults, { vaults: ["Payments"], environment: "dev" })).exitCode,
    ).toBe(EXIT.notFound);
  });
});
