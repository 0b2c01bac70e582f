import { route } from "@/lib/server/route";
import { requireOrganization } from "@/lib/server/data/organization";
import { peopleView } from "@/lib/server/checklists/people";

export const dynamic = "force-dynamic";

export const GET = route({
  access: "admin",
  handler: async () => peopleView((await requireOrganization()).id),
});
