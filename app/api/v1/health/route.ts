import { route } from "@/lib/server/route";
import { databaseHealth } from "@/lib/server/health";

export const dynamic = "force-dynamic";

export const GET = route({
  access: "public",
  handler: async () => ({ ok: true, db: await databaseHealth() }),
});
