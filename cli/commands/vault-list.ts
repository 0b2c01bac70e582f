import type { Command } from "commander";
import { commandGroup } from "../command-group";
import { openPersonVaults } from "../person-vaults";

export function registerVaultList(program: Command) {
  commandGroup(program, "vault", "your vaults")
    .command("list")
    .description("list the vaults you can open")
    .option("--json", "print the list as JSON")
    .action(async (options: { json?: boolean }) => {
      const { vaults } = await openPersonVaults();
      const rows = vaults.map((vault) => ({
        id: vault.summary.id,
        name: vault.key ? vault.name : null,
        environment: vault.summary.environment,
        role: vault.summary.role,
        items: vault.summary.itemCount,
        problem: vault.problem?.kind ?? null,
      }));
      if (options.json) {
        process.stdout.write(`${JSON.stringify(rows)}\n`);
        return;
      }
      for (const row of rows) {
        const label = row.name ?? `(cannot be opened: ${row.problem})`;
        const environment = row.environment ? ` [${row.environment}]` : "";
        process.stdout.write(
          `${row.id}  ${label}${environment}  ${row.role}, ${row.items} items\n`,
        );
      }
    });
}
