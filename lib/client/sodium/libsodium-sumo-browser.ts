// What the browser bundle gets for `libsodium-sumo` (next.config.js aliases it): emscripten's
// loader without the embedded binary, instantiated from the module in ./sodium-wasm.ts through
// the loader's `instantiateWasm` hook. libsodium-wrappers-sumo calls this factory once.
import createLibsodium from "./generated/libsodium-sumo-loader.mjs";
import { sodiumWasmModule } from "./sodium-wasm";

type InstantiateDone = (instance: WebAssembly.Instance, module: WebAssembly.Module) => void;

export default function libsodiumSumo(options: Record<string, unknown> = {}): Promise<unknown> {
  return new Promise((resolve, reject) => {
    createLibsodium({
      ...options,
      // emscripten gives the hook no way to fail, so a failure rejects this factory instead,
      // and with it libsodium-wrappers' `ready`.
      instantiateWasm(imports: WebAssembly.Imports, done: InstantiateDone) {
        sodiumWasmModule()
          .then(async (compiled) =>
            done(await WebAssembly.instantiate(compiled, imports), compiled),
          )
          .catch(reject);
        return {};
      },
    }).then(resolve, reject);
  });
}
