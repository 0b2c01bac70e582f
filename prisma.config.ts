import { defineConfig } from "prisma/config";

// Used only by `prisma generate`; migrations run through scripts/db.ts and the WASM
// schema engine, because the native engine cannot be downloaded in our environments.
export default defineConfig({
  schema: "prisma/schema.prisma",
});
