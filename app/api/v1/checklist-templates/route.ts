import { route } from "@/lib/server/route";
import { templateInput } from "@/lib/api/checklist";
import { createTemplate } from "@/lib/server/data/checklist-templates";
import { requireOrganization } from "@/lib/server/data/organization";
import { templatesWithDefaults, templateToDto } from "@/lib/server/checklists/templates";
import { recordAudit } from "@/lib/server/audit";

export const dynamic = "force-dynamic";

// Creates the default template of a kind the org has none of, so there is always a start.
export const GET = route({
  access: "admin",
  handler: async () => ({
    templates: await templatesWithDefaults((await requireOrganization()).id),
  }),
});

export const POST = route({
  access: "admin",
  body: templateInput,
  status: 201,
  handler: async ({ body, session, request }) => {
    const template = await createTemplate((await requireOrganization()).id, body);
    await recordAudit({
      action: "checklist.template_create",
      actorId: session.userId,
      request,
      targetType: "checklist_template",
      targetId: template.id,
      details: { kind: body.kind, steps: body.steps.length, isDefault: body.isDefault },
    });
    return templateToDto(template);
  },
});
