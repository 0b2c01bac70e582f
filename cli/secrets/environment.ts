import fs from "node:fs";
import { parseDotenv } from "@/lib/sdk/dotenv";
import { CliError, EXIT, usageError } from "../errors";
import type { OpenVault } from "./open-vault";
import { findVaults, isReference, parseReference, resolveReference } from "./reference";

/**
 * Names a vault or a file never replaces in the process environment, even with --override:
 * they decide which programs run and where, so a vault member could otherwise point PATH or
 * LD_PRELOAD at code of their choosing on every machine that runs `coffer run`.
 */
export const PROTECTED_NAMES = new Set([
  "PATH",
  "HOME",
  "USER",
  "LOGNAME",
  "SHELL",
  "PWD",
  "TMPDIR",
  "TEMP",
  "TMP",
  "LANG",
  "TERM",
  "NODE_OPTIONS",
  "LD_PRELOAD",
  "LD_LIBRARY_PATH",
  "DYLD_INSERT_LIBRARIES",
  "DYLD_LIBRARY_PATH",
  "COFFER_TOKEN",
  "COFFER_URL",
]);

const NAME_PATTERN = /^[A-Za-z_][A-Za-z0-9_]*$/;

export interface Selection {
  /** --vault, repeatable: names or ids; none means every vault the caller can open. */
  vaults: string[];
  /** --env: only vaults with this environment tag. */
  environment?: string;
}

/** The chosen vaults, in the order asked; a --vault that matches nothing is an error. */
export function selectVaults(vaults: OpenVault[], selection: Selection): OpenVault[] {
  const inEnvironment = (vault: OpenVault) =>
    selection.environment === undefined || vault.environment === selection.environment;
  if (selection.vaults.length === 0) return vaults.filter(inEnvironment);
  const chosen: OpenVault[] = [];
  for (const wanted of selection.vaults) {
    const matches = findVaults(vaults, wanted, selection.environment);
    if (matches.length === 0) {
      throw new CliError(
        EXIT.notFound,
        `No vault "${wanted}"${selection.environment ? ` in ${selection.environment}` : ""} is open to these credentials.`,
      );
    }
    for (const vault of matches) if (!chosen.includes(vault)) chosen.push(vault);
  }
  return chosen;
}

/**
 * The variables the chosen vaults' environment-file items hold (each field a variable; a later
 * vault's value wins). Fields that are not variable names are skipped with a warning naming them.
 */
export function vaultVariables(
  vaults: OpenVault[],
  warn: (message: string) => void = () => {},
): Map<string, string> {
  const variables = new Map<string, string>();
  for (const vault of vaults) {
    for (const item of vault.items) {
      if (item.plaintext.type !== "env_file") continue;
      for (const field of item.plaintext.fields) {
        if (!NAME_PATTERN.test(field.name)) {
          warn(
            `skipped "${field.name}" in ${vault.name}/${item.plaintext.title}: not a variable name`,
          );
          continue;
        }
        variables.set(field.name, field.value);
      }
    }
  }
  return variables;
}

/** An --env-file's variables, later files winning; a line it cannot read is a usage error. */
export function fileVariables(files: string[]): Map<string, string> {
  const variables = new Map<string, string>();
  for (const file of files) {
    let text: string;
    try {
      text = fs.readFileSync(file, "utf8");
    } catch {
      throw usageError(`Cannot read the env file ${file}.`);
    }
    const parsed = parseDotenv(text);
    const problem = parsed.errors[0];
    if (problem) throw usageError(`${file} line ${problem.line}: ${problem.message}.`);
    for (const entry of parsed.entries) variables.set(entry.key, entry.value);
  }
  return variables;
}

export interface Layers {
  vault: Map<string, string>;
  file: Map<string, string>;
  process: Record<string, string | undefined>;
  /** Let vault and file values replace the process environment's (PROTECTED_NAMES excepted). */
  override: boolean;
}

export interface AssembledEnvironment {
  env: Record<string, string>;
  /** Every value that came from Coffer (a vault variable or a resolved reference): masked. */
  secretValues: Set<string>;
  /** The names Coffer set or resolved, for messages and --watch. */
  cofferNames: string[];
}

/**
 * The child's environment. Precedence, lowest first: vault variables, then --env-file files,
 * then the process environment; --override puts the process environment lowest instead, but a
 * protected name already set in the process is never replaced. A value that is a whole
 * `coffer://` reference is then resolved, whichever layer it came from.
 */
export function assembleEnvironment(vaults: OpenVault[], layers: Layers): AssembledEnvironment {
  const processLayer = new Map(
    Object.entries(layers.process).filter(
      (entry): entry is [string, string] => entry[1] !== undefined,
    ),
  );
  const ordered = layers.override
    ? [processLayer, layers.vault, layers.file]
    : [layers.vault, layers.file, processLayer];
  const merged = new Map<string, { value: string; fromVault: boolean }>();
  for (const layer of ordered) {
    for (const [name, value] of layer) {
      if (layer !== processLayer && processLayer.has(name) && PROTECTED_NAMES.has(name)) continue;
      merged.set(name, { value, fromVault: layer === layers.vault });
    }
  }
  const env: Record<string, string> = {};
  const secretValues = new Set<string>();
  const cofferNames: string[] = [];
  for (const [name, { value, fromVault }] of merged) {
    if (isReference(value)) {
      const resolved = resolveReference(vaults, parseReference(value));
      env[name] = resolved;
      secretValues.add(resolved);
      cofferNames.push(name);
    } else {
      env[name] = value;
      if (fromVault) {
        secretValues.add(value);
        cofferNames.push(name);
      }
    }
  }
  return { env, secretValues, cofferNames };
}
