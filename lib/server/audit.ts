import "server-only";
import { appendAuditEvent } from "./data/audit";
import { clientAddress } from "./request-origin";

export type AuditAction =
  | "org.setup"
  | "user.signup"
  | "user.suspend"
  | "user.reactivate"
  | "user.role_change"
  | "org.ownership_transfer"
  | "authz.denied"
  | "auth.signin"
  | "auth.signin_failed"
  | "auth.signout"
  | "session.revoke"
  | "session.revoke_others"
  | "device_login.approve"
  | "device_login.deny"
  | "device_login.redeem"
  | "account.password_change"
  | "account.kdf_upgrade"
  | "invite.create"
  | "invite.revoke"
  | "vault.create"
  | "vault.rename"
  | "vault.delete"
  | "vault.share"
  | "vault.role_change"
  | "vault.unshare"
  | "vault.rotate"
  | "item.create"
  | "item.batch_create"
  | "item.update"
  | "item.delete"
  | "item.reveal"
  | "item.copy"
  | "mfa.key_add"
  | "mfa.key_add_failed"
  | "mfa.key_rename"
  | "mfa.key_remove"
  | "mfa.verify"
  | "mfa.step_up"
  | "mfa.verify_failed"
  | "mfa.recovery_code_use"
  | "mfa.recovery_code_failed"
  | "mfa.recovery_codes_regenerate"
  | "mfa.reset_by_admin"
  | "policy.mfa_change"
  | "checklist.template_create"
  | "checklist.template_update"
  | "checklist.template_delete"
  | "checklist.start"
  | "checklist.step"
  | "checklist.comment"
  | "checklist.complete"
  | "onboarding.invite_emailed"
  | "offboarding.start"
  | "offboarding.handover"
  | "flag.create"
  | "flag.assign"
  | "flag.clear"
  | "rotation.settings"
  | "rotation.interval"
  | "lockdown.start"
  | "lockdown.lift"
  | "service_account.create"
  | "service_account.status"
  | "service_account.delete"
  | "service_account.grant"
  | "service_account.flag"
  | "service_account.rekey"
  | "service_account.manager_add"
  | "service_account.manager_remove"
  | "token.create"
  | "token.revoke"
  | "token.use"
  | "token.exchange"
  | "token.bootstrap_replay"
  | "token.mint"
  | "share_link.created"
  | "share_link.viewed"
  | "share_link.revoked"
  | "share_link.expired"
  | "share_link.frozen"
  | "policy.share_links_change"
  | "export.create";

/**
 * Records one security event. Ids and labels only: never a secret, a key, a ciphertext or an
 * email typed at a failed sign-in beyond the account it names.
 */
export async function recordAudit(event: {
  action: AuditAction;
  actorId: string | null;
  /** Set for a service-account token; a person is the default. */
  actorKind?: "machine";
  /**
   * The token a machine acted with (actorId is its account): kept in the details so the log
   * can name the token as well as the account.
   */
  actorTokenId?: string;
  request?: Request | Headers | Record<string, string | string[] | undefined>;
  targetType?: string;
  targetId?: string;
  vaultId?: string;
  details?: Record<string, string | number | boolean | null>;
}) {
  const headers = event.request instanceof Request ? event.request.headers : event.request;
  await appendAuditEvent({
    actorId: event.actorId,
    ...(event.actorKind ? { actorKind: event.actorKind } : {}),
    action: event.action,
    targetType: event.targetType ?? null,
    targetId: event.targetId ?? null,
    vaultId: event.vaultId ?? null,
    ipAddress: headers ? clientAddress(headers) : null,
    details: {
      ...event.details,
      ...(event.actorTokenId ? { actorTokenId: event.actorTokenId } : {}),
    },
  });
}
