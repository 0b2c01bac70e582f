import type { Command } from "commander";
import { registerCheck } from "./check";
import { registerEnv } from "./env";
import { registerGithubExport } from "./github-export";
import { registerInject } from "./inject";
import { registerItem } from "./item";
import { registerLogin } from "./login";
import { registerLogout } from "./logout";
import { registerRead } from "./read";
import { registerRun } from "./run";
import { registerServiceAccount } from "./service-account";
import { registerTokenExchange } from "./token-exchange";
import { registerTokenManage } from "./token-manage";
import { registerVaultList } from "./vault-list";
import { registerWhoami } from "./whoami";

/**
 * Every command, registered in one place. A command lives in its own file under
 * cli/commands/ and exports one `register…(program)` function; commands that share a parent
 * (`coffer token …`, `coffer vault …`) get it from `commandGroup()` in cli/command-group.ts.
 */
export const commandRegistrations: Array<(program: Command) => void> = [
  registerRun,
  registerRead,
  registerInject,
  registerEnv,
  registerCheck,
  registerTokenExchange,
  registerGithubExport,
  registerLogin,
  registerWhoami,
  registerLogout,
  registerVaultList,
  registerItem,
  registerServiceAccount,
  registerTokenManage,
];
