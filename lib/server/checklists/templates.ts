import "server-only";
import { manualStep, type ChecklistKind, type TemplateDto } from "@/lib/api/checklist";
import { badRequest } from "../errors";
import {
  findDefaultTemplate,
  findTemplate,
  listTemplates,
  seedDefaultTemplates,
} from "../data/checklist-templates";
import { defaultTemplates } from "./default-templates";

const storedSteps = manualStep.array();

export function templateToDto(template: {
  id: string;
  kind: ChecklistKind;
  name: string;
  steps: unknown;
  isDefault: boolean;
  updatedAt: Date;
}): TemplateDto {
  // Written through the same schema; a row that no longer parses shows no steps, not a 500.
  const steps = storedSteps.safeParse(template.steps);
  return {
    id: template.id,
    kind: template.kind,
    name: template.name,
    steps: steps.success ? steps.data : [],
    isDefault: template.isDefault,
    updatedAt: template.updatedAt.toISOString(),
  };
}

/**
 * The org's templates, after creating the default of any kind it has none of. Seeding is
 * Coffer's own starting point, not a person's change, so it is not audited.
 */
export async function templatesWithDefaults(orgId: string) {
  await seedDefaultTemplates(orgId, defaultTemplates);
  return (await listTemplates(orgId)).map(templateToDto);
}

/**
 * The manual steps a new run of `kind` gets: those of `templateId` (which must be a template
 * of that kind, else 400 naming `field`), or of the org's default template of the kind (each
 * kind always keeps at least one template, and a deleted default passes the role on).
 */
export async function templateForRun(
  orgId: string,
  kind: ChecklistKind,
  templateId: string | undefined,
  field = "templateId",
) {
  if (templateId) {
    const template = await findTemplate(orgId, templateId);
    if (!template || template.kind !== kind) {
      throw badRequest(`${field} names no ${kind} template.`, field);
    }
    return templateToDto(template);
  }
  const template =
    (await findDefaultTemplate(orgId, kind)) ??
    ((await seedDefaultTemplates(orgId, defaultTemplates)).includes(kind)
      ? await findDefaultTemplate(orgId, kind)
      : null);
  return template ? templateToDto(template) : null;
}
