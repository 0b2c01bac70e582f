// A connection string is built in the browser from the item's fields; the password is encoded so
// that its special characters stay part of it instead of changing the host or the database.
import { describe, expect, it } from "vitest";
import type { ItemPlaintext } from "@/lib/crypto";
import {
  connectionString,
  databaseParts,
  guessEngine,
  type DatabaseParts,
} from "@/lib/client/items/connection-string";

const parts: DatabaseParts = {
  host: "db.internal",
  port: "5432",
  database: "orders",
  username: "orders_app",
  password: "p@ss:w/rd#?% &=+",
};

function databaseItem(
  overrides: Partial<Record<string, string>> = {},
  title = "Orders",
): ItemPlaintext {
  const value = (name: string, fallback: string) => overrides[name] ?? fallback;
  return {
    type: "database",
    title,
    fields: [
      { name: "Host", value: value("Host", "db.internal"), secret: false, kind: "host" },
      { name: "Port", value: value("Port", "5432"), secret: false, kind: "port" },
      { name: "Database", value: value("Database", "orders"), secret: false, kind: "text" },
      { name: "Username", value: value("Username", "orders_app"), secret: false, kind: "username" },
      { name: "Password", value: value("Password", " secret "), secret: true, kind: "password" },
    ],
    notes: "",
    urls: [],
    tags: [],
  };
}

describe("connectionString", () => {
  it.each([
    [
      "postgresql",
      "postgresql://orders_app:p%40ss%3Aw%2Frd%23%3F%25%20%26%3D%2B@db.internal:5432/orders",
    ],
    ["mysql", "mysql://orders_app:p%40ss%3Aw%2Frd%23%3F%25%20%26%3D%2B@db.internal:5432/orders"],
    [
      "mongodb",
      "mongodb://orders_app:p%40ss%3Aw%2Frd%23%3F%25%20%26%3D%2B@db.internal:5432/orders",
    ],
    ["redis", "redis://orders_app:p%40ss%3Aw%2Frd%23%3F%25%20%26%3D%2B@db.internal:5432/orders"],
  ] as const)("writes a %s URL with the password percent-encoded", (engine, expected) => {
    const written = connectionString(engine, parts);
    expect(written).toBe(expected);
    // Read back by a URL parser, every part is where it belongs.
    const url = new URL(written);
    expect(url.hostname).toBe(parts.host);
    expect(url.port).toBe(parts.port);
    expect(decodeURIComponent(url.username)).toBe(parts.username);
    expect(decodeURIComponent(url.password)).toBe(parts.password);
    expect(decodeURIComponent(url.pathname.slice(1))).toBe(parts.database);
  });

  it("writes SQL Server's key=value form, braces doubled inside braced values", () => {
    expect(connectionString("sqlserver", { ...parts, password: "a;b}c{d", port: "1433" })).toBe(
      "sqlserver://db.internal:1433;database={orders};user={orders_app};password={a;b}}c{d}",
    );
  });

  it("encodes a user name and database name with special characters too", () => {
    expect(
      connectionString("postgresql", {
        ...parts,
        username: "me@acme",
        database: "a/b",
        password: "x",
      }),
    ).toBe("postgresql://me%40acme:x@db.internal:5432/a%2Fb");
  });

  it("leaves out what is not set: no port, no database, no password", () => {
    expect(connectionString("postgresql", { ...parts, port: "", database: "", password: "" })).toBe(
      "postgresql://orders_app@db.internal",
    );
    expect(
      connectionString("redis", { ...parts, username: "", database: "", password: "pw" }),
    ).toBe("redis://:pw@db.internal:5432");
  });

  it("puts an IPv6 host in brackets", () => {
    expect(connectionString("postgresql", { ...parts, host: "::1", password: "" })).toBe(
      "postgresql://orders_app@[::1]:5432/orders",
    );
  });
});

describe("databaseParts and guessEngine", () => {
  it("reads the template's fields, keeping a password's spaces", () => {
    expect(databaseParts(databaseItem())).toEqual({
      host: "db.internal",
      port: "5432",
      database: "orders",
      username: "orders_app",
      password: " secret ",
    });
  });

  it.each([
    ["5432", "postgresql"],
    ["3306", "mysql"],
    ["27017", "mongodb"],
    ["6379", "redis"],
    ["1433", "sqlserver"],
    ["7777", "postgresql"],
  ] as const)("guesses from port %s: %s", (port, engine) => {
    expect(guessEngine(databaseItem({ Port: port }))).toBe(engine);
  });

  it("prefers an engine named in the title over the port", () => {
    expect(guessEngine(databaseItem({ Port: "5432" }, "Billing MySQL"))).toBe("mysql");
  });
});
