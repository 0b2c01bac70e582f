import { route } from "@/lib/server/route";
import { machineAccessJson } from "@/lib/server/machines/access";

export const dynamic = "force-dynamic";

/** Everything the token covers, as ciphertext and wrapped keys, for one use of the token. */
export const GET = route({
  access: "machine",
  tokenKinds: ["sa"],
  handler: async ({ machine }) =>
    new Response(await machineAccessJson(machine), {
      headers: { "Content-Type": "application/json", "Cache-Control": "no-store" },
    }),
});
