import { describe, expect, it } from "vitest";
import { itemPlaintextSchema } from "@/lib/crypto";
import { ImportError } from "@/lib/sdk/import";
import { dotenvParser } from "@/lib/sdk/import/dotenv";
import { importFixture, textImportFile } from "@/test/support/import/fixtures";

describe(".env import", async () => {
  const result = await dotenvParser.parse(importFixture("dotenv", "production.env"));
  const [item] = result.items;

  it("makes one environment-file item titled by the file name, every variable secret", () => {
    expect(result.items).toHaveLength(1);
    expect(item?.plaintext.type).toBe("env_file");
    expect(item?.plaintext.title).toBe("production.env");
    expect(itemPlaintextSchema.safeParse(item?.plaintext).success).toBe(true);
    expect(item?.plaintext.fields.every((field) => field.secret)).toBe(true);
  });

  it("keeps # inside values and quotes, drops comments, keeps empty values (CRLF file)", () => {
    const values = Object.fromEntries(
      (item?.plaintext.fields ?? []).map((field) => [field.name, field.value]),
    );
    expect(values).toEqual({
      DATABASE_URL: "postgres://app:p%40ss@db.internal:5432/app?sslmode=require",
      STRIPE_SECRET: "whsec_#not_a_comment",
      GREETING: "Hello # not a comment",
      PLAIN: "value",
      EMPTY: "",
      QUOTED_EMPTY: "",
      UNICODE: "ünïcödé ✓",
      PRIVATE_KEY:
        "-----BEGIN PRIVATE KEY-----\nMIIEvQIBADANBgkqhkiG9w0BAQEFAASCBKcwggSjAgEAAoIBAQC7\n-----END PRIVATE KEY-----",
      API_KEY: "sk_live_second",
    });
    expect(item?.plaintext.fields.find((f) => f.name === "PRIVATE_KEY")?.kind).toBe("multiline");
  });

  it("warns that a duplicate key's last value won, without either value", () => {
    expect(result.warnings).toEqual([
      expect.objectContaining({ code: "duplicate_field_name", item: "production.env" }),
    ]);
    expect(result.warnings[0]?.message).toContain("API_KEY");
    expect(JSON.stringify(result.warnings)).not.toContain("sk_live");
  });

  it("imports what it can read from a broken file and names the lines it left out", async () => {
    const broken = await dotenvParser.parse(importFixture("dotenv", "broken.env"));
    expect(broken.items[0]?.plaintext.fields.map((f) => f.name)).toEqual(["GOOD"]);
    expect(broken.warnings.map((w) => [w.code, w.message])).toEqual([
      ["unreadable_record", expect.stringContaining("line 2")],
      ["unreadable_record", expect.stringContaining("line 3")],
    ]);
    expect(JSON.stringify(broken.warnings)).not.toContain("never closed");
  });

  it("refuses a file with no variables", async () => {
    const error = await dotenvParser
      .parse(textImportFile(".env", "# only a comment\n"))
      .catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(ImportError);
    expect(error).toMatchObject({ code: "wrong_format" });
  });

  it("titles by the base name of a path", async () => {
    const parsed = await dotenvParser.parse(textImportFile("apps/api/.env.local", "A=1"));
    expect(parsed.items[0]?.plaintext.title).toBe(".env.local");
  });
});
