import { route } from "@/lib/server/route";
import { listDirectory } from "@/lib/server/data/vaults";
import { bundleToDto } from "@/lib/server/dto";

export const dynamic = "force-dynamic";

// Public bundles of everyone active in the organisation, for sharing. Clients verify each
// self-signature and pin the keys; the server's word alone is never trusted.
export const GET = route({
  access: "session",
  handler: async () => ({ users: (await listDirectory()).map(bundleToDto) }),
});
