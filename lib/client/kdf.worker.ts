// Argon2id takes a second or two and 64 MiB: run it here so the page stays responsive and can
// animate its progress bar. The worker holds the password only for the length of one request.
import { getSodium, slowHash, type KdfParams } from "@/lib/crypto";
import { isSodiumWasmMessage, type SodiumWasmMessage } from "./sodium/sodium-wasm";

export interface KdfRequest {
  id: number;
  password: string;
  salt: Uint8Array;
  params: KdfParams;
}

export type KdfResponse = { id: number; hash: Uint8Array } | { id: number; error: string };

const scope = self as unknown as {
  onmessage: ((event: MessageEvent<KdfRequest | SodiumWasmMessage>) => void) | null;
  postMessage(message: KdfResponse, transfer?: Transferable[]): void;
};

// Start loading libsodium as soon as the worker exists, before the first request arrives; it
// completes when the page's compiled module arrives (lib/client/sodium/sodium-wasm.ts).
void getSodium();

scope.onmessage = async (event) => {
  if (isSodiumWasmMessage(event.data)) return;
  const { id, password, salt, params } = event.data;
  try {
    await getSodium();
    const hash = slowHash(password, salt, params);
    scope.postMessage({ id, hash }, [hash.buffer]);
  } catch (error) {
    // Only the error name: a message could one day carry input data.
    scope.postMessage({ id, error: error instanceof Error ? error.name : "Error" });
  }
};
