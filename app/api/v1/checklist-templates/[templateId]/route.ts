import { route } from "@/lib/server/route";
import { templateInput } from "@/lib/api/checklist";
import { deleteTemplate, updateTemplate } from "@/lib/server/data/checklist-templates";
import { requireOrganization } from "@/lib/server/data/organization";
import { templateToDto } from "@/lib/server/checklists/templates";
import { conflict, notFound } from "@/lib/server/errors";
import { recordAudit } from "@/lib/server/audit";

export const dynamic = "force-dynamic";

// Runs copy their steps when they start: editing or deleting a template changes no run.
export const PUT = route({
  access: "admin",
  body: templateInput,
  handler: async ({ body, params, session, request }) => {
    const org = await requireOrganization();
    const template = await updateTemplate(org.id, params.templateId ?? "", body);
    // Missing, or asked to change its kind (which templates keep).
    if (!template) throw notFound("No such template of that kind.");
    await recordAudit({
      action: "checklist.template_update",
      actorId: session.userId,
      request,
      targetType: "checklist_template",
      targetId: template.id,
      details: { kind: body.kind, steps: body.steps.length, isDefault: body.isDefault },
    });
    return templateToDto(template);
  },
});

export const DELETE = route({
  access: "admin",
  handler: async ({ params, session, request }) => {
    const org = await requireOrganization();
    const outcome = await deleteTemplate(org.id, params.templateId ?? "");
    if (outcome === "missing") throw notFound("No such template.");
    if (outcome === "last") {
      throw conflict(
        "This is the only template of its kind. Remove its steps instead of deleting it.",
        "last_template",
      );
    }
    await recordAudit({
      action: "checklist.template_delete",
      actorId: session.userId,
      request,
      targetType: "checklist_template",
      targetId: params.templateId,
    });
    return undefined;
  },
});
