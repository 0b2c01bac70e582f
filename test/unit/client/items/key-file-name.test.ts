import { describe, expect, it } from "vitest";
import { keyFileName } from "@/lib/client/items/key-file-name";

describe("keyFileName", () => {
  it.each([
    ["Deploy key", "private_key", "id_deploy_key"],
    ["Deploy key", "public_key", "id_deploy_key.pub"],
    ["../../etc/passwd", "private_key", "id_etc_passwd"],
    ["GitHub: acme/api (prod)", "private_key", "id_github_acme_api_prod"],
    ["", "private_key", "id_key"],
    ["🔑", "public_key", "id_key.pub"],
  ] as const)("names %j's %s file %s", (title, kind, name) => {
    expect(keyFileName(title, kind)).toBe(name);
  });
});
