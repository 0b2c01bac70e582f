/** @type {import('next').NextConfig} */
const nextConfig = {
  // A separate build directory lets a second build (another checkout's tests, a benchmark)
  // run without replacing the files a running server is serving.
  distDir: process.env.COFFER_DIST_DIR || ".next",
  reactStrictMode: true,
  // Vault payloads are mostly base64 ciphertext, which compresses poorly; gzip in the app would
  // cost more time than it saves on a local network. A reverse proxy can compress if wanted.
  compress: false,
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
  async headers() {
    return [
      {
        source: "/:path*",
        headers: [
          { key: "Referrer-Policy", value: "no-referrer" },
          { key: "X-Content-Type-Options", value: "nosniff" },
          { key: "X-Frame-Options", value: "DENY" },
          { key: "Permissions-Policy", value: "camera=(), microphone=(), geolocation=()" },
        ],
      },
    ];
  },
};

module.exports = nextConfig;
