/** @type {import('next').NextConfig} */
const nextConfig = {
  // A separate build directory lets a second build (another checkout's tests, a benchmark)
  // run without replacing the files a running server is serving.
  distDir: process.env.COFFER_DIST_DIR || ".next",
  reactStrictMode: true,
  // Gzip for scripts, styles, libsodium's wasm and JSON: most of a page's bytes. BREACH finds
  // no repeating secret beside reflected input here (decision 0054); a response that ever has
  // one opts out with `Cache-Control: no-transform`.
  compress: true,
  poweredByHeader: false,
  // PGlite, libsodium and the Prisma runtime load .wasm/.data files relative to their own
  // module paths, which bundling would break.
  serverExternalPackages: [
    "@electric-sql/pglite",
    "pglite-prisma-adapter",
    "@prisma/client",
    "@prisma/adapter-pg",
    "pg",
    "libsodium-wrappers-sumo",
  ],
  turbopack: {
    resolveAlias: {
      // Browser bundles get an empty `crypto` (lib/client/no-node-crypto.ts explains why).
      crypto: { browser: "./lib/client/no-node-crypto.ts" },
      // libsodium as a separate .wasm, compiled once per page and shared with its workers,
      // instead of a base64 copy inside the JS (decision 0053). Node keeps the package's own.
      "libsodium-sumo": { browser: "./lib/client/sodium/libsodium-sumo-browser.ts" },
    },
  },
  async headers() {
    return [
      {
        source: "/:path*",
        headers: [
          { key: "Referrer-Policy", value: "no-referrer" },
          { key: "X-Content-Type-Options", value: "nosniff" },
          { key: "X-Frame-Options", value: "DENY" },
          { key: "Permissions-Policy", value: "camera=(), microphone=(), geolocation=()" },
          // No other site keeps a window handle on ours, nor embeds our responses.
          { key: "Cross-Origin-Opener-Policy", value: "same-origin" },
          { key: "Cross-Origin-Resource-Policy", value: "same-origin" },
        ],
      },
      {
        // Pages get a per-request policy with a nonce from proxy.ts, which does not run on /api;
        // API responses are JSON or downloads and never need to run or load anything.
        source: "/api/:path*",
        headers: [
          { key: "Content-Security-Policy", value: "default-src 'none'; frame-ancestors 'none'" },
        ],
      },
    ];
  },
};

module.exports = nextConfig;
