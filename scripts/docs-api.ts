// Writes docs/api-types.md from the route table: `npm run docs:api`. A unit test fails when the
// committed file is not what this writes.
import { writeFileSync } from "node:fs";
import path from "node:path";
import { routes } from "../lib/api/routes";
import { renderApiTypes } from "./api-types";

const target = path.resolve(import.meta.dirname, "../docs/api-types.md");
writeFileSync(target, renderApiTypes(routes));
console.log(`Wrote ${path.relative(process.cwd(), target)}`);
