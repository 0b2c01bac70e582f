import { PASSPHRASE_WORDS } from "./passphrase-words";
import { requireSodium } from "./sodium";

export type PasswordOptions = {
  length: number;
  lowercase: boolean;
  uppercase: boolean;
  digits: boolean;
  symbols: boolean;
  avoidAmbiguous: boolean;
};

export type PassphraseOptions = {
  words: number;
  separator: string;
  capitalize: boolean;
  includeNumber: boolean;
};

export const DEFAULT_PASSWORD_OPTIONS: PasswordOptions = {
  length: 20,
  lowercase: true,
  uppercase: true,
  digits: true,
  symbols: true,
  avoidAmbiguous: false,
};

export const DEFAULT_PASSPHRASE_OPTIONS: PassphraseOptions = {
  words: 5,
  separator: "-",
  capitalize: false,
  includeNumber: false,
};

export const MAX_PASSWORD_LENGTH = 1024;
export const MAX_PASSPHRASE_WORDS = 64;

const LOWERCASE = "abcdefghijklmnopqrstuvwxyz";
const UPPERCASE = "ABCDEFGHIJKLMNOPQRSTUVWXYZ";
const DIGITS = "0123456789";
// No quotes, backslash, backtick, pipe or space: those break when a generated password is pasted
// into a shell, a .env file or a connection string.
const SYMBOLS = "!#$%&()*+,-./:;<=>?@[]^_{}~";
// Characters people misread when copying from a screen or paper.
const AMBIGUOUS = new Set("Il1O0o.,:;");
// Rejection sampling below needs only a few tries even in the worst case (length equal to the
// number of sets, ~7% acceptance); this bound is never reached in practice (< 2^-90).
const MAX_ATTEMPTS = 1000;

function characterSets(options: PasswordOptions): string[][] {
  const chosen: string[] = [];
  if (options.lowercase) chosen.push(LOWERCASE);
  if (options.uppercase) chosen.push(UPPERCASE);
  if (options.digits) chosen.push(DIGITS);
  if (options.symbols) chosen.push(SYMBOLS);
  return chosen.map((set) =>
    Array.from(set).filter((char) => !(options.avoidAmbiguous && AMBIGUOUS.has(char))),
  );
}

function validatedSets(options: PasswordOptions): string[][] {
  const sets = characterSets(options);
  if (sets.length === 0) {
    throw new RangeError("generatePassword: choose at least one character set");
  }
  if (
    !Number.isSafeInteger(options.length) ||
    options.length < sets.length ||
    options.length > MAX_PASSWORD_LENGTH
  ) {
    throw new RangeError(
      `generatePassword: length must be an integer from ${sets.length} to ${MAX_PASSWORD_LENGTH}`,
    );
  }
  return sets;
}

/**
 * Uniform over every password of the requested length that contains at least one character of
 * each chosen set: each character is drawn without modulo bias (randombytes_uniform) from the
 * union, and a draw missing a set is thrown away whole. Placing one character per set and
 * shuffling would be simpler but not uniform.
 */
export function generatePassword(options: PasswordOptions): string {
  const sodium = requireSodium();
  const sets = validatedSets(options);
  const alphabet = sets.flat();
  for (let attempt = 0; attempt < MAX_ATTEMPTS; attempt++) {
    const chars = Array.from(
      { length: options.length },
      () => alphabet[sodium.randombytes_uniform(alphabet.length)] ?? "",
    );
    if (sets.every((set) => set.some((char) => chars.includes(char)))) {
      return chars.join("");
    }
  }
  throw new Error("generatePassword: could not satisfy the character sets");
}

/**
 * Exact entropy of generatePassword's output: log2 of the number of passwords it can return,
 * counted by inclusion–exclusion over the sets a password could miss, computed as ratios so that
 * long passwords do not overflow.
 */
export function passwordEntropyBits(options: PasswordOptions): number {
  const sets = validatedSets(options);
  const alphabetSize = sets.reduce((total, set) => total + set.length, 0);
  let fractionWithEverySet = 0;
  for (let missing = 0; missing < 1 << sets.length; missing++) {
    let missingSize = 0;
    let missingCount = 0;
    sets.forEach((set, index) => {
      if (missing & (1 << index)) {
        missingSize += set.length;
        missingCount++;
      }
    });
    const sign = missingCount % 2 === 0 ? 1 : -1;
    fractionWithEverySet += sign * ((alphabetSize - missingSize) / alphabetSize) ** options.length;
  }
  return options.length * Math.log2(alphabetSize) + Math.log2(fractionWithEverySet);
}

function validateWordCount(words: number): void {
  if (!Number.isSafeInteger(words) || words < 1 || words > MAX_PASSPHRASE_WORDS) {
    throw new RangeError(`passphrase: words must be an integer from 1 to ${MAX_PASSPHRASE_WORDS}`);
  }
}

/**
 * Words drawn uniformly and independently from PASSPHRASE_WORDS. With includeNumber one random
 * digit is appended to one random word.
 */
export function generatePassphrase(options: PassphraseOptions): string {
  const sodium = requireSodium();
  validateWordCount(options.words);
  const words = Array.from({ length: options.words }, () => {
    const word = PASSPHRASE_WORDS[sodium.randombytes_uniform(PASSPHRASE_WORDS.length)] ?? "";
    return options.capitalize ? word.charAt(0).toUpperCase() + word.slice(1) : word;
  });
  if (options.includeNumber) {
    const index = sodium.randombytes_uniform(words.length);
    words[index] = `${words[index] ?? ""}${sodium.randombytes_uniform(10)}`;
  }
  return words.join(options.separator);
}

/**
 * words × log2(list length) = 11 bits per word. Assumes the attacker knows the list, separator
 * and capitalisation; the optional number (about log2(10 × words) more bits) is not counted, so
 * the figure is a floor.
 */
export function passphraseEntropyBits(words: number): number {
  validateWordCount(words);
  return words * Math.log2(PASSPHRASE_WORDS.length);
}
