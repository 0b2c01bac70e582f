import { authRoutes } from "./routes/auth";
import { exportRoutes } from "./routes/exports";
import { machineRoutes } from "./routes/machines";
import { peopleRoutes } from "./routes/people";
import { shareLinkRoutes } from "./routes/share-links";
import { vaultRoutes } from "./routes/vaults";
import { workflowRoutes } from "./routes/workflows";
import type { RouteSpec } from "./route-spec";

export { defineRoute, fillPath } from "./route-spec";
export type { HttpMethod, PathParams, RouteBody, RouteResponse, RouteSpec } from "./route-spec";

/**
 * Every HTTP route of the app, once: method, path, who may call it, and the schemas of what
 * goes in and comes out. A new route under app/api gets its entry here and its row in
 * docs/api.md; test/unit/api/route-table.test.ts fails until all three agree.
 */
export const routes = {
  ...authRoutes,
  ...peopleRoutes,
  ...vaultRoutes,
  ...workflowRoutes,
  ...machineRoutes,
  ...exportRoutes,
  ...shareLinkRoutes,
} satisfies Record<string, RouteSpec>;

export type RouteName = keyof typeof routes;
