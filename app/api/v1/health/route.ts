import { route } from "@/lib/server/route";
import { database } from "@/lib/server/db";

export const dynamic = "force-dynamic";

export const GET = route({
  access: "public",
  handler: async () => {
    const { client, kind } = await database();
    await client.$queryRaw`SELECT 1`;
    return { ok: true, db: kind };
  },
});
