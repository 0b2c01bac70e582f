"use client";

import { useCallback, useState } from "react";
import { inviteListResponse, type InviteDto } from "@/lib/api/invite";
import { api } from "@/lib/client/api";
import { checklistApi } from "@/lib/client/checklists";
import { useAction } from "../ui/use-action";
import { useResource } from "../ui/use-resource";

const loadInvites = () =>
  api("/api/v1/invites", { schema: inviteListResponse }).then((result) => result.invites);

const loadOnboardingTemplates = () =>
  checklistApi
    .templates()
    .then((result) => result.templates.filter((template) => template.kind === "onboarding"));

/** The sent invites, the onboarding templates an invite may follow, and revoking an invite. */
export function useInvites(onChange: () => void, initialInvites: InviteDto[]) {
  const invites = useResource(loadInvites, initialInvites);
  const templates = useResource(loadOnboardingTemplates);
  const [revokeTarget, setRevokeTarget] = useState<InviteDto | null>(null);
  const { reload } = invites;

  const revoke = useAction(
    useCallback(
      async (invite: InviteDto) => {
        await api(`/api/v1/invites/${encodeURIComponent(invite.id)}`, { method: "DELETE" });
        setRevokeTarget(null);
        onChange();
        await reload();
        return invite.id;
      },
      [onChange, reload],
    ),
  );

  return {
    invites: invites.data,
    listError: invites.error,
    reload,
    templates: templates.data,
    templatesError: templates.error,
    reloadTemplates: templates.reload,
    revokeTarget,
    askToRevoke: (invite: InviteDto | null) => {
      revoke.clearError();
      setRevokeTarget(invite);
    },
    revoke,
  };
}
