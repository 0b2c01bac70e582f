// The browser's libsodium is the package's own module split in two after install (decision
// 0053): a loader without the embedded binary, and the binary as a .wasm. This checks the split
// is whole: the loader carries no copy, the binary is the package's, and the loader starts
// libsodium from it through the instantiateWasm hook alone.
import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import createLibsodium from "../../../lib/client/sodium/generated/libsodium-sumo-loader.mjs";
import { isSodiumWasmMessage } from "../../../lib/client/sodium/sodium-wasm";

const generated = path.join(process.cwd(), "lib/client/sodium/generated");
const wasm = fs.readFileSync(path.join(generated, "libsodium-sumo.wasm"));
const loader = fs.readFileSync(path.join(generated, "libsodium-sumo-loader.mjs"), "utf8");
const packaged = fs.readFileSync(
  path.join(process.cwd(), "node_modules/libsodium-sumo/dist/modules-sumo-esm/libsodium-sumo.mjs"),
  "utf8",
);

interface RawLibsodium {
  _sodium_init(): number;
  _crypto_pwhash_argon2id_saltbytes(): number;
}

describe("libsodium split into a loader and a .wasm", () => {
  it("the loader carries no embedded binary, and the .wasm is the package's own", () => {
    expect(loader).not.toMatch(/[A-Za-z0-9+/]{10000,}/);
    expect(loader.length).toBeLessThan(packaged.length / 5);
    expect(wasm.subarray(0, 4).toString("latin1")).toBe("\0asm");
    expect(packaged).toContain(wasm.toString("base64"));
  });

  it("the loader starts libsodium only from the module handed to instantiateWasm", async () => {
    const compiled = await WebAssembly.compile(wasm);
    let handedOver = 0;
    const sodium = (await createLibsodium({
      getRandomValue: () => crypto.getRandomValues(new Uint32Array(1))[0] ?? 0,
      instantiateWasm(
        imports: WebAssembly.Imports,
        done: (instance: WebAssembly.Instance, module: WebAssembly.Module) => void,
      ) {
        handedOver++;
        void WebAssembly.instantiate(compiled, imports).then((instance) =>
          done(instance, compiled),
        );
        return {};
      },
    })) as RawLibsodium;
    expect(handedOver).toBe(1);
    expect(sodium._sodium_init()).toBeGreaterThanOrEqual(0);
    expect(sodium._crypto_pwhash_argon2id_saltbytes()).toBe(16);
  });

  it("a worker takes only a compiled module as the page's libsodium", async () => {
    expect(isSodiumWasmMessage({ sodiumWasm: await WebAssembly.compile(wasm) })).toBe(true);
    expect(isSodiumWasmMessage({ sodiumWasm: wasm })).toBe(false);
    expect(isSodiumWasmMessage({ id: 1, password: "x" })).toBe(false);
    expect(isSodiumWasmMessage(null)).toBe(false);
  });
});
