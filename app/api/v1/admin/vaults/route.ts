import { route } from "@/lib/server/route";
import { listVaultsForAdmin } from "@/lib/server/data/vaults";
import { listUsers } from "@/lib/server/data/users";

export const dynamic = "force-dynamic";

export const GET = route({
  access: "admin",
  handler: async () => {
    const [vaults, users] = await Promise.all([listVaultsForAdmin(), listUsers()]);
    const people = new Map(users.map((user) => [user.id, user]));
    return {
      vaults: vaults.map((vault) => ({
        id: vault.id,
        environment: vault.environment,
        keyVersion: vault.keyVersion,
        itemCount: vault._count.items,
        createdAt: vault.createdAt.toISOString(),
        updatedAt: vault.updatedAt.toISOString(),
        members: vault.members.map((member) => ({
          userId: member.userId,
          name: people.get(member.userId)?.name ?? "Unknown",
          email: people.get(member.userId)?.email ?? "",
          role: member.role,
        })),
      })),
    };
  },
});
