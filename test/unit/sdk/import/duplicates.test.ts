import { describe, expect, it } from "vitest";
import type { ItemPlaintext } from "@/lib/crypto";
import { duplicateKey, findDuplicates, usernameOf } from "@/lib/sdk/import/duplicates";

function login(title: string, username: string, url?: string, password = "pw"): ItemPlaintext {
  return {
    type: "login",
    title,
    fields: [
      { name: "Username", value: username, secret: false, kind: "username" },
      { name: "Password", value: password, secret: true, kind: "password" },
    ],
    notes: "",
    urls: url ? [url] : [],
    tags: [],
  };
}

const note = (title: string): ItemPlaintext => ({
  type: "note",
  title,
  fields: [],
  notes: "body",
  urls: [],
  tags: [],
});

describe("findDuplicates", () => {
  const existing = [
    login("GitHub", "ada@example.test", "https://github.com/login"),
    login("Stripe", "ops@example.test", "https://dashboard.stripe.com"),
    note("Wi-Fi"),
  ];

  it("finds an incoming item with the same title, username and URL", () => {
    const incoming = [
      login("Slack", "ada@example.test", "https://slack.com"),
      login("GitHub", "ada@example.test", "https://github.com/login"),
      note("Wi-Fi"),
    ];
    expect(findDuplicates(incoming, existing)).toEqual([1, 2]);
  });

  it("ignores a different password: a re-import after a change is still the same login", () => {
    const incoming = [login("GitHub", "ada@example.test", "https://github.com/login", "newer")];
    expect(findDuplicates(incoming, existing)).toEqual([0]);
  });

  it.each([
    ["title", login("GitHub (work)", "ada@example.test", "https://github.com/login")],
    ["username", login("GitHub", "bob@example.test", "https://github.com/login")],
    ["URL", login("GitHub", "ada@example.test", "https://gitlab.com/login")],
    ["missing URL", login("GitHub", "ada@example.test")],
  ])("a different %s is not a duplicate", (_what, item) => {
    expect(findDuplicates([item], existing)).toEqual([]);
  });

  it("does not count case, surrounding spaces, unicode form or a trailing slash", () => {
    const incoming = [
      login("  github ", "ADA@example.test", "HTTPS://GitHub.com/login/"),
      login("Stripe", "ops@example.test", "https://dashboard.stripe.com/"),
      login("Caf\u00e9", "u", "https://cafe.test"),
    ];
    const withAccent = [...existing, login("Cafe\u0301", "u", "https://cafe.test")];
    expect(findDuplicates(incoming, withAccent)).toEqual([0, 1, 2]);
  });

  it("keeps the path and query of a URL significant", () => {
    const incoming = [login("Stripe", "ops@example.test", "https://dashboard.stripe.com/test")];
    expect(findDuplicates(incoming, existing)).toEqual([]);
  });

  it("never pairs two items that have no title, username or URL at all", () => {
    expect(findDuplicates([note("")], [note("")])).toEqual([]);
  });

  it("finds nothing in an empty vault", () => {
    expect(findDuplicates(existing, [])).toEqual([]);
  });

  it("keeps unparseable URLs comparable as text", () => {
    expect(
      findDuplicates(
        [login("Router", "admin", "192.168.1.1/")],
        [login("Router", "admin", "192.168.1.1")],
      ),
    ).toEqual([0]);
  });
});

describe("usernameOf", () => {
  it("takes the first non-empty username field, else an email field", () => {
    const item: ItemPlaintext = {
      ...note("Account"),
      fields: [
        { name: "Username", value: "", secret: false, kind: "username" },
        { name: "Email", value: "ada@example.test", secret: false, kind: "email" },
      ],
    };
    expect(usernameOf(item)).toBe("ada@example.test");
  });

  it("never reads a secret field as a username", () => {
    const key = duplicateKey(login("GitHub", "ada", undefined, "secret-value"));
    expect(key).not.toContain("secret-value");
  });
});
