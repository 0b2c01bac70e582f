import type { ItemPlaintext } from "@/lib/crypto";
import {
  buildExport,
  exportEnvFile,
  type CollectOptions,
  type WholeExportFormat,
} from "@/lib/sdk/export";
import type { Keyring } from "@/lib/client/keyring";
import { workerKdfRunner } from "@/lib/client/kdf-runner";
import { vaultHttp, vaultSession } from "@/lib/client/vaults/vault-session";

// The export screen's way to the SDK: everything is decrypted and written in this tab; the
// server only hears that an export happened (and may refuse a plain one without step-up).

export function exportInBrowser(
  keyring: Keyring,
  options: Pick<CollectOptions, "history" | "onProgress"> & {
    format: WholeExportFormat;
    passphrase?: string;
  },
) {
  return buildExport(
    { session: vaultSession(keyring), http: vaultHttp, kdf: workerKdfRunner },
    options,
  );
}

export function envFileInBrowser(item: {
  vaultId: string;
  itemId: string;
  plaintext: ItemPlaintext;
}) {
  return exportEnvFile(vaultHttp, item);
}
