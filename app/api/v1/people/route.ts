import { route } from "@/lib/server/route";
import { organizationPeople } from "@/lib/server/people-views";

export const dynamic = "force-dynamic";

export const GET = route({
  access: "admin",
  handler: async () => organizationPeople(),
});
