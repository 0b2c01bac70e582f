import { getSodium, slowHash } from "@/lib/crypto";
import type { KdfRunner } from "@/lib/sdk/kdf-runner";
import type { KdfRequest, KdfResponse } from "./kdf.worker";
import { shareSodiumWasm } from "./sodium/sodium-wasm";

let worker: Worker | null = null;
let nextRequestId = 1;
const pending = new Map<
  number,
  { resolve: (hash: Uint8Array) => void; reject: (error: Error) => void }
>();

function kdfWorker(): Worker {
  if (worker) return worker;
  const created = new Worker(new URL("./kdf.worker.ts", import.meta.url), { type: "module" });
  created.onmessage = (event: MessageEvent<KdfResponse>) => {
    const request = pending.get(event.data.id);
    if (!request) return;
    pending.delete(event.data.id);
    if ("hash" in event.data) request.resolve(event.data.hash);
    else request.reject(new Error(`Key derivation failed (${event.data.error}).`));
  };
  created.onerror = () => {
    for (const request of pending.values()) request.reject(new Error("Key derivation failed."));
    pending.clear();
    created.terminate();
    worker = null;
  };
  shareSodiumWasm(created);
  worker = created;
  return created;
}

/**
 * Loads libsodium on this thread and starts the KDF worker (handed this page's compiled module)
 * while the person is still typing, so that pressing Unlock or Sign in pays only for Argon2id itself.
 */
export function prepareKeyDerivation(): void {
  void getSodium();
  if (typeof Worker !== "undefined") kdfWorker();
}

/**
 * The SDK's KdfRunner in the browser: Argon2id in a Web Worker, off the main thread. The SDK
 * has already checked the parameters against the floor and ceiling.
 */
export const workerKdfRunner: KdfRunner = {
  async slowHash(password, salt, params) {
    if (typeof Worker === "undefined") {
      await getSodium();
      return slowHash(password, salt, params);
    }
    const id = nextRequestId++;
    const request: KdfRequest = { id, password, salt, params };
    const started = performance.now();
    const hash = await new Promise<Uint8Array>((resolve, reject) => {
      pending.set(id, { resolve, reject });
      kdfWorker().postMessage(request);
    });
    // Recorded so the unlock benchmark can split the KDF from everything else.
    performance.measure("coffer:kdf", { start: started, end: performance.now() });
    return hash;
  },
};
