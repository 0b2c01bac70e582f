import { route } from "@/lib/server/route";
import { listUsers } from "@/lib/server/data/users";
import { userToDto } from "@/lib/server/dto";

export const dynamic = "force-dynamic";

export const GET = route({
  access: "admin",
  handler: async () => ({ users: (await listUsers()).map(userToDto) }),
});
