import { ROLE_LABELS } from "../badges";

/** The vault roles a manager can give, in order of what they allow. */
export const ROLE_OPTIONS = (["view", "edit", "manage"] as const).map((role) => ({
  value: role,
  label: ROLE_LABELS[role],
}));
