import type { Command } from "commander";

/** Finds or makes a command group (`token`, `vault`…) that several command files add to. */
export function commandGroup(program: Command, name: string, description: string): Command {
  const existing = program.commands.find((command) => command.name() === name);
  if (existing) return existing;
  return program.command(name).description(description);
}
