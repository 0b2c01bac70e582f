import { route } from "@/lib/server/route";
import { getAccount } from "@/lib/server/data/users";
import { unauthorized } from "@/lib/server/errors";

export const dynamic = "force-dynamic";

export const GET = route({
  access: "session",
  handler: async ({ session }) => {
    const account = await getAccount(session.userId);
    if (!account) throw unauthorized();
    return {
      userId: account.id,
      email: account.email,
      name: account.name,
      role: account.role,
      organizationName: account.org.name,
    };
  },
});
