import { route } from "@/lib/server/route";
import { tasksFor } from "@/lib/server/checklists/tasks";

export const dynamic = "force-dynamic";

/** The signed-in person's open work as a vault manager. */
export const GET = route({
  access: "session",
  handler: async ({ session }) => ({ tasks: await tasksFor(session.userId) }),
});
