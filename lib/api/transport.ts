// What the HTTP server in scripts/serve.ts and the route wrapper agree on. Pure: the server
// process imports it without the react-server condition that lib/server needs.

/**
 * The socket's peer address, written by scripts/serve.ts on every request over whatever the
 * client sent under this name. Route handlers cannot see the socket; this is how they learn it.
 */
export const peerAddressHeader = "x-coffer-peer";

/** Ordinary JSON bodies: far above any form or item (an envelope is at most 64 KiB). */
export const defaultBodyLimit = 1024 * 1024;

/**
 * A vault rotation re-encrypts every item and every stored revision in one batch, so its body
 * grows with the vault. Only a manager with a session gets that far: the body is read after the
 * session check.
 */
export const rotationBodyLimit = 64 * 1024 * 1024;

/**
 * A share link carries a file of up to 1 MiB, sealed and base64url-encoded (about 1.4 MB):
 * its create route takes twice the default. The schema then bounds the ciphertext exactly.
 */
export const shareLinkBodyLimit = 2 * 1024 * 1024;

/**
 * An item batch carries up to 16 MiB of envelopes (lib/api/item-batch.ts), a little more with
 * its JSON: above that figure, so a batch too big is refused by its schema, naming the field.
 */
export const itemBatchBodyLimit = 20 * 1024 * 1024;

const largeBodyRoutes: Array<{ path: RegExp; limit: number }> = [
  { path: /^\/api\/v1\/vaults\/[^/]+\/rotate\/?$/, limit: rotationBodyLimit },
  { path: /^\/api\/v1\/vaults\/[^/]+\/items\/batch\/?$/, limit: itemBatchBodyLimit },
  { path: /^\/api\/v1\/share-links\/?$/, limit: shareLinkBodyLimit },
];

/** The most bytes a request body to this path may have; a longer one answers 413 unread. */
export function bodyLimitFor(pathname: string): number {
  return largeBodyRoutes.find((route) => route.path.test(pathname))?.limit ?? defaultBodyLimit;
}
