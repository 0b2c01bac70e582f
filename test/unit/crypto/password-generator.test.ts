import { beforeAll, describe, expect, it } from "vitest";
import { PASSPHRASE_WORDS } from "../../../lib/crypto/passphrase-words";
import {
  DEFAULT_PASSWORD_OPTIONS,
  generatePassphrase,
  generatePassword,
  passphraseEntropyBits,
  passwordEntropyBits,
  type PasswordOptions,
} from "../../../lib/crypto/password-generator";
import { getSodium } from "../../../lib/crypto/sodium";

beforeAll(async () => {
  await getSodium();
});

const all: PasswordOptions = { ...DEFAULT_PASSWORD_OPTIONS, length: 24 };
const LOWER = /[a-z]/;
const UPPER = /[A-Z]/;
const DIGIT = /[0-9]/;
const SYMBOL = /[^A-Za-z0-9]/;

describe("generatePassword", () => {
  it.each([4, 12, 24, 64, 1024])("has the requested length (%i)", (length) => {
    expect(generatePassword({ ...all, length })).toHaveLength(length);
  });

  it("always contains every chosen set, even at the minimum length", () => {
    for (let i = 0; i < 300; i++) {
      const password = generatePassword({ ...all, length: 4, avoidAmbiguous: true });
      for (const pattern of [LOWER, UPPER, DIGIT, SYMBOL]) {
        expect(password).toMatch(pattern);
      }
    }
  });

  it.each<[string, Partial<PasswordOptions>, RegExp]>([
    ["digits only", { lowercase: false, uppercase: false, symbols: false }, /^[0-9]+$/],
    ["letters only", { digits: false, symbols: false }, /^[A-Za-z]+$/],
    ["no symbols", { symbols: false }, /^[A-Za-z0-9]+$/],
  ])("%s uses only the chosen sets", (_label, options, pattern) => {
    for (let i = 0; i < 50; i++) {
      expect(generatePassword({ ...all, ...options })).toMatch(pattern);
    }
  });

  it("never uses quotes, backslash, backtick, pipe or space", () => {
    expect(generatePassword({ ...all, length: 1024 })).not.toMatch(/["'\\`| ]/);
  });

  it("avoidAmbiguous leaves out I l 1 O 0 o . , : ;", () => {
    const text = Array.from({ length: 20 }, () =>
      generatePassword({ ...all, length: 256, avoidAmbiguous: true }),
    ).join("");
    expect(text).not.toMatch(/[Il1O0o.,:;]/);
  });

  it("is roughly uniform over its alphabet (chi-square over 20k characters)", () => {
    const options: PasswordOptions = { ...all, length: 1000, symbols: false };
    const counts = new Map<string, number>();
    for (let i = 0; i < 20; i++) {
      for (const char of generatePassword(options)) {
        counts.set(char, (counts.get(char) ?? 0) + 1);
      }
    }
    expect(counts.size).toBe(62);
    const expected = 20_000 / 62;
    const chiSquare = [...counts.values()].reduce(
      (sum, count) => sum + (count - expected) ** 2 / expected,
      0,
    );
    // 61 degrees of freedom: mean 61, and 130 is beyond the 99.9999th percentile, so this fails
    // only for a real bias (e.g. modulo reduction of random bytes), not by chance.
    expect(chiSquare).toBeLessThan(130);
  });

  it.each<[string, Partial<PasswordOptions>]>([
    ["no set chosen", { lowercase: false, uppercase: false, digits: false, symbols: false }],
    ["length below the number of sets", { length: 3 }],
    ["length not an integer", { length: 10.5 }],
    ["length too long", { length: 1025 }],
  ])("refuses %s", (_label, options) => {
    expect(() => generatePassword({ ...all, ...options })).toThrow(RangeError);
  });
});

describe("passwordEntropyBits", () => {
  it("is length × log2(alphabet) for a single set", () => {
    const options = { ...all, length: 10, uppercase: false, digits: false, symbols: false };
    expect(passwordEntropyBits(options)).toBeCloseTo(10 * Math.log2(26), 10);
  });

  it("matches a brute-force count for a small case", () => {
    // digits + lowercase, length 2: 36² − 26² − 10² = 520 passwords with both sets
    const options = { ...all, length: 2, uppercase: false, symbols: false };
    expect(passwordEntropyBits(options)).toBeCloseTo(Math.log2(520), 10);
  });

  it("is a little under the naive bound when every set is required", () => {
    const bits = passwordEntropyBits({ ...all, length: 20 });
    const naive = 20 * Math.log2(26 + 26 + 10 + 27);
    expect(bits).toBeLessThan(naive);
    expect(bits).toBeGreaterThan(naive - 1);
  });
});

describe("generatePassphrase", () => {
  it("has the requested number of words from the list", () => {
    const words = generatePassphrase({
      words: 6,
      separator: "-",
      capitalize: false,
      includeNumber: false,
    }).split("-");
    expect(words).toHaveLength(6);
    for (const word of words) {
      expect(PASSPHRASE_WORDS).toContain(word);
    }
  });

  it("capitalises and appends one digit to one word when asked", () => {
    const words = generatePassphrase({
      words: 5,
      separator: " ",
      capitalize: true,
      includeNumber: true,
    }).split(" ");
    expect(words).toHaveLength(5);
    for (const word of words) {
      expect(word).toMatch(/^[A-Z][a-z]{2,7}[0-9]?$/);
    }
    expect(words.filter((word) => /[0-9]$/.test(word))).toHaveLength(1);
  });

  it("refuses 0 words or a fraction", () => {
    const base = { separator: "-", capitalize: false, includeNumber: false };
    expect(() => generatePassphrase({ ...base, words: 0 })).toThrow(RangeError);
    expect(() => generatePassphrase({ ...base, words: 2.5 })).toThrow(RangeError);
  });

  it("entropy is 11 bits per word", () => {
    expect(passphraseEntropyBits(5)).toBe(55);
  });

  it("word list: at least 2048 distinct lower-case words of 3–8 letters", () => {
    expect(PASSPHRASE_WORDS.length).toBeGreaterThanOrEqual(2048);
    expect(new Set(PASSPHRASE_WORDS).size).toBe(PASSPHRASE_WORDS.length);
    for (const word of PASSPHRASE_WORDS) {
      expect(word).toMatch(/^[a-z]{3,8}$/);
    }
  });
});
