import { route } from "@/lib/server/route";
import { createChallenge } from "@/lib/server/data/challenges";

export const dynamic = "force-dynamic";

export const POST = route({
  access: "public",
  handler: async () => createChallenge(),
});
