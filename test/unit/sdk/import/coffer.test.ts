import fs from "node:fs";
import path from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { getSodium } from "../../../../lib/crypto";
import { cofferParser } from "../../../../lib/sdk/import/coffer";
import { ImportError, type ImportFile, type ImportResult } from "../../../../lib/sdk/import/types";
import { sampleExportContent } from "../../../fixtures/export/sample-content";

const fixtures = path.join(__dirname, "../../../fixtures/import/coffer");
const file = (name: string): ImportFile => ({
  name,
  bytes: new Uint8Array(fs.readFileSync(path.join(fixtures, name))),
});
const textFile = (name: string, text: string): ImportFile => ({
  name,
  bytes: new TextEncoder().encode(text),
});
const passphrase = "fixture passphrase 1";

async function refusal(promise: Promise<unknown>): Promise<ImportError> {
  const error = await promise.then(
    () => null,
    (caught: unknown) => caught,
  );
  expect(error).toBeInstanceOf(ImportError);
  return error as ImportError;
}

/** Every item of the sample content, as the importer must hand it back. */
function expectSampleContent(result: ImportResult) {
  expect(result.format).toBe("coffer");
  expect(result.warnings).toEqual([]);
  expect(result.folders).toEqual([['Production, "main"'], ["Personal"], ["Empty vault"]]);
  const expected = sampleExportContent.vaults.flatMap((vault) =>
    vault.items.map((item) => ({
      plaintext: item.plaintext,
      folder: [vault.name],
      state: "active",
      sourceType: item.plaintext.type,
      ...(item.history ? { history: item.history } : {}),
    })),
  );
  expect(result.items).toEqual(expected);
}

beforeAll(async () => {
  await getSodium();
});

describe("Coffer export parser", () => {
  it("detects the encrypted and the plain file, and nothing else", () => {
    expect(cofferParser.detect(file("export.coffer"))).toBe(true);
    expect(cofferParser.detect(file("export.json"))).toBe(true);
    expect(cofferParser.detect(textFile("x.json", '{"encrypted":false,"items":[]}'))).toBe(false);
    expect(cofferParser.detect(textFile("x.csv", "name,url,username,password\n"))).toBe(false);
    expect(cofferParser.needsPassword(file("export.coffer"))).toBe(true);
    expect(cofferParser.needsPassword(file("export.json"))).toBe(false);
  });

  it("reads the encrypted fixture with its passphrase: every field, URL, tag and version", async () => {
    expectSampleContent(await cofferParser.parse(file("export.coffer"), { password: passphrase }));
  });

  it("reads the plain JSON fixture the same way", async () => {
    expectSampleContent(await cofferParser.parse(file("export.json")));
  });

  it("asks for the passphrase of an encrypted file", async () => {
    const error = await refusal(cofferParser.parse(file("export.coffer")));
    expect(error.code).toBe("password_required");
  });

  it("refuses a wrong passphrase in one sentence", async () => {
    const error = await refusal(
      cofferParser.parse(file("export.coffer"), { password: "fixture passphrase 2" }),
    );
    expect(error.code).toBe("wrong_password");
    expect(error.message).toBe(
      "The passphrase is wrong, or the file was changed after it was exported.",
    );
  });

  it("refuses a truncated encrypted file as damaged", async () => {
    const text = fs.readFileSync(path.join(fixtures, "export.coffer"), "utf8");
    for (const length of [17, 80, text.length - 20]) {
      const error = await refusal(
        cofferParser.parse(textFile("cut.coffer", text.slice(0, length)), { password: passphrase }),
      );
      expect(error.code, `cut at ${length}`).toBe("malformed");
    }
  });

  it("refuses a plain file whose items do not fit the item shape, or that is not JSON", async () => {
    const plain = JSON.parse(fs.readFileSync(path.join(fixtures, "export.json"), "utf8"));
    plain.vaults[0].items[0].plaintext.type = "credit_card";
    const other = await refusal(cofferParser.parse(textFile("x.json", '{"items":[]}')));
    expect(other.code).toBe("wrong_format");
    expect(
      (await refusal(cofferParser.parse(textFile("x.json", JSON.stringify(plain))))).code,
    ).toBe("malformed");
    const broken = '{ "format": "coffer-plain-export", "version": 1, "vaults": [';
    expect((await refusal(cofferParser.parse(textFile("x.json", broken)))).code).toBe("malformed");
  });
});
