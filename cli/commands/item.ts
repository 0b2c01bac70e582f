import type { Command } from "commander";
import { decryptItems } from "@/lib/sdk/vaults";
import { commandGroup } from "../command-group";
import { CliError, EXIT } from "../errors";
import { openPersonVaults, pickVault } from "../person-vaults";

async function vaultItems(vaultName: string) {
  const { session, vaults } = await openPersonVaults();
  const vault = pickVault(vaults, vaultName);
  const detail = await session.api.detail(vault.summary.id);
  return decryptItems(session, vault.summary.id, vault.key, detail.items);
}

export function registerItem(program: Command) {
  const item = commandGroup(program, "item", "items of your vaults");
  item
    .command("list")
    .description("list a vault's items (titles and field names, no values)")
    .argument("<vault>", "the vault's name or id")
    .option("--json", "print the list as JSON")
    .action(async (vaultName: string, options: { json?: boolean }) => {
      const rows = (await vaultItems(vaultName)).map(({ dto, plaintext, error }) => ({
        id: dto.id,
        title: plaintext?.title ?? null,
        type: plaintext?.type ?? null,
        fields: plaintext?.fields.map((field) => field.name) ?? [],
        revision: dto.revision,
        updatedAt: dto.updatedAt,
        error,
      }));
      if (options.json) {
        process.stdout.write(`${JSON.stringify(rows)}\n`);
        return;
      }
      for (const row of rows) {
        const label = row.title ?? `(refused: ${row.error})`;
        process.stdout.write(`${row.id}  ${label}  ${row.fields.join(", ")}\n`);
      }
    });
  item
    .command("get")
    .description("print an item, or one field's value with --field")
    .argument("<vault>", "the vault's name or id")
    .argument("<item>", "the item's title or id")
    .option("--field <name>", "print only this field's value")
    .option("--json", "print the whole item as JSON")
    .action(
      async (vaultName: string, itemName: string, options: { field?: string; json?: boolean }) => {
        const matches = (await vaultItems(vaultName)).filter(
          ({ dto, plaintext }) => dto.id === itemName || plaintext?.title === itemName,
        );
        if (matches.length === 0) throw new CliError(EXIT.notFound, `No item named ${itemName}.`);
        if (matches.length > 1) {
          throw new CliError(EXIT.usage, `Several items are named ${itemName}: use the item's id.`);
        }
        const { dto, plaintext, error } = matches[0]!;
        if (!plaintext)
          throw new CliError(EXIT.failure, `The item ${itemName} was refused: ${error}`);
        if (options.field !== undefined) {
          const field = plaintext.fields.find((entry) => entry.name === options.field);
          if (!field) throw new CliError(EXIT.notFound, `The item has no field ${options.field}.`);
          process.stdout.write(`${field.value}\n`);
          return;
        }
        if (options.json) {
          process.stdout.write(
            `${JSON.stringify({ id: dto.id, revision: dto.revision, ...plaintext })}\n`,
          );
          return;
        }
        process.stdout.write(`${plaintext.title} (${plaintext.type})\n`);
        for (const field of plaintext.fields)
          process.stdout.write(`${field.name}: ${field.value}\n`);
      },
    );
}
