// libsodium's WebAssembly in the browser (decision 0053): the page fetches the binary once and
// compiles it while it streams in; each worker that needs libsodium is handed the compiled
// module by the page that started it, so no thread parses or compiles a second copy.

const wasmUrl = new URL("./generated/libsodium-sumo.wasm", import.meta.url);

/** The one message a page sends a worker before any request: `{ sodiumWasm: Module }`. */
export interface SodiumWasmMessage {
  sodiumWasm: WebAssembly.Module;
}

export function isSodiumWasmMessage(data: unknown): data is SodiumWasmMessage {
  return (
    typeof data === "object" &&
    data !== null &&
    (data as Partial<SodiumWasmMessage>).sodiumWasm instanceof WebAssembly.Module
  );
}

// Not `typeof window`: Next rewrites that to a constant in browser bundles, workers included.
const inWorker = "WorkerGlobalScope" in globalThis;

// In a worker the listener is in place from the first moment, so the page's message cannot
// arrive before anyone listens for it.
let compiled: Promise<WebAssembly.Module> | null = inWorker ? fromPage() : null;

function fromPage(): Promise<WebAssembly.Module> {
  return new Promise((resolve) => {
    const receive = (event: MessageEvent) => {
      if (!isSodiumWasmMessage(event.data)) return;
      self.removeEventListener("message", receive);
      resolve(event.data.sodiumWasm);
    };
    self.addEventListener("message", receive);
  });
}

function fetchAndCompile(): Promise<WebAssembly.Module> {
  // Streaming compilation needs `application/wasm`: a wrong type fails here, loudly, rather
  // than falling back to a slower copy.
  const compiling = WebAssembly.compileStreaming(fetch(wasmUrl));
  compiling.catch(() => {
    // A failed fetch (offline, a restart mid-deploy) is tried again by the next caller.
    compiled = null;
  });
  return compiling;
}

/** The compiled libsodium module: fetched on a page, received from the page in a worker. */
export function sodiumWasmModule(): Promise<WebAssembly.Module> {
  compiled ??= fetchAndCompile();
  return compiled;
}

/**
 * Hands this page's compiled module to a worker it has just started; messages posted before
 * the worker's script runs wait in its queue, so the order of start-up does not matter.
 */
export function shareSodiumWasm(worker: Worker): void {
  sodiumWasmModule().then(
    (sodiumWasm) => worker.postMessage({ sodiumWasm } satisfies SodiumWasmMessage),
    () => {
      // The page's own getSodium() reports the failure; the worker waits for a later share.
    },
  );
}
