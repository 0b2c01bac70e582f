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
      "test-results/**",
      "node_modules/**",
      "lib/server/generated/**",
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
    files: ["lib/server/**"],
    ignores: ["lib/server/generated/**"],
    rules: { "@typescript-eslint/no-explicit-any": "error" },
  },
];

export default config;
