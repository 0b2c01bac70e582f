"use client";

import type { VaultRole } from "@/lib/crypto";
import type { MemberDto } from "@/lib/api/vault";
import type { TrustStatus } from "@/lib/client/vaults/contacts";
import { Button } from "@/components/ui/button";
import { TrustBadge } from "../badges";
import { SelectField } from "../select-field";
import { ROLE_OPTIONS } from "./role-options";

/**
 * One member: whether the keys this device pinned for them still match, their role, and
 * removal. Nobody changes or removes their own access here.
 */
export function MemberRow({
  member,
  trust,
  self,
  onReconfirm,
  onChangeRole,
  onRemove,
}: {
  member: MemberDto;
  trust: TrustStatus;
  self: boolean;
  onReconfirm: () => void;
  onChangeRole: (role: VaultRole) => void;
  onRemove: () => void;
}) {
  return (
    <li data-testid="member-row" className="flex flex-wrap items-center gap-3 py-3">
      <div className="min-w-0 flex-1">
        <p className="truncate font-medium text-stone-900">
          {member.name} {self && <span className="text-xs font-normal text-stone-500">(you)</span>}
        </p>
        <p className="truncate text-sm text-stone-600">{member.email}</p>
      </div>
      <TrustBadge status={trust} />
      {(trust === "changed" || trust === "unknown") && !self && (
        <Button variant="secondary" size="sm" onClick={onReconfirm}>
          Re-confirm
        </Button>
      )}
      <SelectField
        label={`Change access for ${member.email}`}
        hideLabel
        value={member.role}
        disabled={self}
        onChange={(role) => onChangeRole(role as VaultRole)}
        options={ROLE_OPTIONS}
      />
      {!self && (
        <Button variant="ghost" size="sm" onClick={onRemove} aria-label={`Remove ${member.email}`}>
          Remove
        </Button>
      )}
    </li>
  );
}
