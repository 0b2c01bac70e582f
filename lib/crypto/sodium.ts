import sodium from "libsodium-wrappers-sumo";

/**
 * The one place libsodium is initialised. Every other function in lib/crypto is synchronous and
 * assumes the caller has awaited `getSodium()` once (app start-up, worker start-up, test setup):
 * keeping the protocol synchronous means no function can interleave half-way through building a
 * key or an associated-data string.
 */
let readyPromise: Promise<typeof sodium> | null = null;

export async function getSodium(): Promise<typeof sodium> {
  readyPromise ??= sodium.ready.then(() => sodium);
  return readyPromise;
}

/**
 * Returns the initialised module, or throws a clear error instead of libsodium's
 * "x is not a function". The check looks at a sumo-only function so that the standard build
 * (which declares crypto_pwhash in its types but lacks it at run time) fails here too.
 */
export function requireSodium(): typeof sodium {
  if (
    typeof sodium.crypto_pwhash !== "function" ||
    typeof sodium.crypto_generichash !== "function"
  ) {
    throw new Error("libsodium is not ready: await getSodium() once before calling lib/crypto");
  }
  return sodium;
}
