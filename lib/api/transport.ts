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

const largeBodyRoutes: Array<{ path: RegExp; limit: number }> = [
  { path: /^\/api\/v1\/vaults\/[^/]+\/rotate\/?$/, limit: rotationBodyLimit },
];

/** The most bytes a request body to this path may have; a longer one answers 413 unread. */
export function bodyLimitFor(pathname: string): number {
  return largeBodyRoutes.find((route) => route.path.test(pathname))?.limit ?? defaultBodyLimit;
}
