import { route } from "@/lib/server/route";
import { flagListQuery } from "@/lib/api/rotation";
import { flagList } from "@/lib/server/rotation/flags-view";

export const dynamic = "force-dynamic";

export const GET = route({
  access: "session",
  query: flagListQuery,
  handler: async ({ session, query }) => ({ flags: await flagList(session, query) }),
});
