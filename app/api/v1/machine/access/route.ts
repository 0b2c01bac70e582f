import { route } from "@/lib/server/route";
import { machineAccess } from "@/lib/server/machines/access";

export const dynamic = "force-dynamic";

/** Everything the token covers, as ciphertext and wrapped keys, for one use of the token. */
export const GET = route({
  access: "machine",
  tokenKinds: ["sa"],
  handler: async ({ machine }) => machineAccess(machine),
});
