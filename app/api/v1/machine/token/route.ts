import { route } from "@/lib/server/route";
import { ownToken } from "@/lib/server/machines/tokens";

export const dynamic = "force-dynamic";

/**
 * The token's own record and its copy of saKey (which only the token's holder can unwrap).
 * Minting and bootstrap tokens need it to wrap saKey for the token they make; it is not a use
 * of a bootstrap token, whose one use is the exchange.
 */
export const GET = route({
  access: "machine",
  tokenKinds: ["sa", "mt", "bt"],
  consumeUse: (kind) => kind !== "bt",
  handler: async ({ machine }) => ownToken(machine),
});
