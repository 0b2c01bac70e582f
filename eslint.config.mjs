import nextVitals from "eslint-config-next/core-web-vitals";
import nextTypescript from "eslint-config-next/typescript";

// The walls of DESIGN.md's layout, enforced: browser code and wire contracts never reach
// server code, and the protocol library stays free of frameworks and I/O.
const walls = {
  "import/no-restricted-paths": [
    "error",
    {
      zones: [
        { target: "./components", from: "./lib/server" },
        { target: "./lib/client", from: "./lib/server" },
        { target: "./lib/crypto", from: "./lib/server" },
        { target: "./lib/api", from: "./lib/server" },
        { target: "./lib/crypto", from: "./lib/client" },
        { target: "./lib/api", from: "./lib/client" },
        // The SDK is the protocol client of every program: only lib/crypto and lib/api.
        { target: "./lib/sdk", from: "./lib/server" },
        { target: "./lib/sdk", from: "./lib/client" },
        { target: "./lib/sdk", from: "./components" },
        { target: "./lib/crypto", from: "./lib/sdk" },
        { target: "./lib/api", from: "./lib/sdk" },
        // The CLI is a Node program on lib/sdk: no browser adapters, no server, no UI.
        { target: "./cli", from: "./lib/client" },
        { target: "./cli", from: "./lib/server" },
        { target: "./cli", from: "./components" },
        { target: "./cli", from: "./app" },
      ],
    },
  ],
};

const config = [
  ...nextVitals,
  ...nextTypescript,
  {
    ignores: [
      ".next/**",
      ".next-*/**",
      "dist/**",
      "test-results/**",
      "node_modules/**",
      "lib/server/generated/**",
      "lib/client/sodium/generated/**",
      ".data/**",
      "next-env.d.ts",
    ],
  },
  { rules: walls },
  {
    files: ["lib/crypto/**"],
    rules: {
      "no-restricted-imports": [
        "error",
        {
          patterns: [
            {
              group: ["next", "next/*", "react", "react-dom", "@prisma/*", "node:*"],
              message: "lib/crypto is pure and isomorphic.",
            },
          ],
        },
      ],
    },
  },
  {
    files: ["lib/sdk/**"],
    rules: {
      "no-restricted-imports": [
        "error",
        {
          patterns: [
            {
              group: ["next", "next/*", "react", "react-dom", "@prisma/*", "node:*"],
              message: "lib/sdk runs in browsers, Node and the CLI alike: ports, not platforms.",
            },
          ],
        },
      ],
      "no-restricted-globals": [
        "error",
        { name: "window", message: "lib/sdk reaches the outside only through its ports." },
        { name: "document", message: "lib/sdk reaches the outside only through its ports." },
        { name: "indexedDB", message: "lib/sdk reaches the outside only through its ports." },
        { name: "localStorage", message: "lib/sdk reaches the outside only through its ports." },
      ],
    },
  },
  {
    files: ["cli/**"],
    rules: {
      "no-restricted-imports": [
        "error",
        {
          patterns: [
            {
              group: [
                "next",
                "next/*",
                "next-auth",
                "next-auth/*",
                "react",
                "react-dom",
                "@prisma/*",
              ],
              message: "cli/ is a Node program on lib/sdk, lib/crypto and lib/api only.",
            },
          ],
        },
      ],
    },
  },
  {
    files: ["lib/server/**"],
    ignores: ["lib/server/generated/**"],
    rules: {
      "@typescript-eslint/no-explicit-any": "error",
      // Server modules import in one direction: a circle (session.ts and auth/options.ts had
      // one) leaves one side half-initialised depending on which module loads first.
      "import/no-cycle": ["error", { ignoreExternal: true }],
    },
    // Packages cannot import our modules back: never parse them looking for a circle.
    settings: { "import/ignore": ["node_modules"] },
  },
];

export default config;
