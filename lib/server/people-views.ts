import "server-only";
import { peopleView } from "./checklists/people";
import { requireOrganization } from "./data/organization";

/** Everyone the organisation knows, as GET /api/v1/people answers and the people page renders. */
export async function organizationPeople() {
  return peopleView((await requireOrganization()).id);
}
