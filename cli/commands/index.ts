import type { Command } from "commander";

export type Registration = (program: Command) => void;

/**
 * Every top-level command, in the order `coffer --help` lists them, with the module(s) that
 * register it. A command lives in its own file under cli/commands/ and exports one
 * `register…(program)` function; commands that share a parent (`coffer token …`,
 * `coffer vault …`) get it from `commandGroup()` in cli/command-group.ts.
 *
 * The modules are imported only when their command is named (decision 0036): the one-file
 * bundle keeps each behind a lazy initialiser, so `coffer read` never evaluates the person
 * commands' SDK and schemas, and `coffer --version` evaluates neither libsodium nor zod.
 */
export const commandModules: ReadonlyArray<{ name: string; load: () => Promise<Registration> }> = [
  { name: "run", load: async () => (await import("./run")).registerRun },
  { name: "read", load: async () => (await import("./read")).registerRead },
  { name: "inject", load: async () => (await import("./inject")).registerInject },
  { name: "env", load: async () => (await import("./env")).registerEnv },
  { name: "check", load: async () => (await import("./check")).registerCheck },
  { name: "token", load: async () => (await import("./token-exchange")).registerTokenExchange },
  {
    name: "github-export",
    load: async () => (await import("./github-export")).registerGithubExport,
  },
  { name: "login", load: async () => (await import("./login")).registerLogin },
  { name: "whoami", load: async () => (await import("./whoami")).registerWhoami },
  { name: "logout", load: async () => (await import("./logout")).registerLogout },
  { name: "vault", load: async () => (await import("./vault-list")).registerVaultList },
  { name: "item", load: async () => (await import("./item")).registerItem },
  { name: "import", load: async () => (await import("./import")).registerImport },
  { name: "export", load: async () => (await import("./export")).registerExport },
  { name: "sa", load: async () => (await import("./service-account")).registerServiceAccount },
  { name: "token", load: async () => (await import("./token-manage")).registerTokenManage },
  { name: "share", load: async () => (await import("./share")).registerShare },
];

/** The registrations for one command name (several files may add to a group), or for all. */
export async function loadRegistrations(name: string | null): Promise<Registration[]> {
  const wanted = commandModules.filter((entry) => name === null || entry.name === name);
  return Promise.all(wanted.map((entry) => entry.load()));
}
