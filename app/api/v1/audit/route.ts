import { route } from "@/lib/server/route";
import { auditQuery } from "@/lib/api/audit";
import { listAuditEvents } from "@/lib/server/data/audit";
import { badRequest } from "@/lib/server/errors";

export const dynamic = "force-dynamic";

export const GET = route({
  access: "admin",
  handler: async ({ request }) => {
    const parsed = auditQuery.safeParse(
      Object.fromEntries(new URL(request.url).searchParams.entries()),
    );
    if (!parsed.success) {
      const issue = parsed.error.issues[0];
      const field = issue?.path.join(".");
      throw badRequest(`${field} ${issue?.message}`, field);
    }
    const { from, to, ...filter } = parsed.data;
    const events = await listAuditEvents({
      ...filter,
      from: from ? new Date(from) : undefined,
      to: to ? new Date(to) : undefined,
    });
    return {
      events: events.map((event) => ({
        ...event,
        at: event.at.toISOString(),
        details: (event.details ?? {}) as Record<string, unknown>,
      })),
    };
  },
});
