import "server-only";
import type { peopleResponse } from "@/lib/api/checklist";
import type { z } from "zod";
import { listPeopleFacts } from "../data/checklist-runs";
import { checklistSummary } from "./views";
import { personStatusOf } from "./person-status";

type PeopleResponse = z.infer<typeof peopleResponse>;
type Facts = Awaited<ReturnType<typeof listPeopleFacts>>;
type Run = Facts["runs"][number];

function groupBy<T>(values: T[], key: (value: T) => string) {
  const groups = new Map<string, T[]>();
  for (const value of values) groups.set(key(value), [...(groups.get(key(value)) ?? []), value]);
  return groups;
}

const noPeople = new Map<string, { id: string; name: string }>();

const openChecklist = (run: Run) => {
  const { id, kind, progress } = checklistSummary(run, noPeople);
  return { id, kind, progress };
};

/**
 * Everyone the org knows: each account with its status and open checklists, and each email
 * with a pending invite but no account yet ("invited", with its onboarding checklist).
 */
export async function peopleView(orgId: string): Promise<PeopleResponse> {
  const facts = await listPeopleFacts(orgId);
  const runsByUser = groupBy(
    facts.runs.filter((run) => run.subjectUserId),
    (run) => run.subjectUserId ?? "",
  );
  const accounts = facts.users.map((user) => {
    const runs = runsByUser.get(user.id) ?? [];
    return {
      userId: user.id,
      email: user.email,
      name: user.name,
      role: user.role,
      status: personStatusOf(user, runs),
      openChecklists: runs.filter((run) => run.status === "open").map(openChecklist),
    };
  });
  const registered = new Set(facts.users.map((user) => user.email));
  const invitesByEmail = groupBy(
    facts.invites.filter((invite) => !registered.has(invite.email)),
    (invite) => invite.email,
  );
  const invited = [...invitesByEmail.entries()].map(([email, invites]) => {
    const inviteIds = new Set(invites.map((invite) => invite.id));
    return {
      userId: null,
      email,
      name: null,
      // The latest invite's role is the one the account will get if that link is used.
      role: invites.at(-1)!.role,
      status: "invited" as const,
      openChecklists: facts.runs
        .filter((run) => run.status === "open" && run.inviteId && inviteIds.has(run.inviteId))
        .map(openChecklist),
    };
  });
  return { people: [...accounts, ...invited] };
}
