import { route } from "@/lib/server/route";
import { preloginRequest } from "@/lib/api/auth";
import { prelogin } from "@/lib/server/auth/prelogin";

export const dynamic = "force-dynamic";

export const POST = route({
  access: "public",
  body: preloginRequest,
  handler: async ({ body }) => prelogin(body.email),
});
