import { route } from "@/lib/server/route";
import { sessionList } from "@/lib/server/session-views";

export const dynamic = "force-dynamic";

export const GET = route({
  access: "session",
  handler: async ({ session }) => sessionList(session),
});
