import { route } from "@/lib/server/route";
import { verifyAuditChain } from "@/lib/server/data/audit";

export const dynamic = "force-dynamic";

export const POST = route({
  access: "admin",
  handler: async () => verifyAuditChain(),
});
