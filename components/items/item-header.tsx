"use client";

import Link from "next/link";
import type { ReactNode } from "react";
import type { VaultEnvironmentDto } from "@/lib/api/vault";
import type { ItemType } from "@/lib/crypto";
import { ITEM_TYPE_LABELS } from "@/lib/client/vaults/templates";
import { EnvironmentBadge } from "@/components/vaults/badges";
import { ItemTypeIcon } from "@/components/vaults/item-type-icon";

/**
 * Breadcrumb, title and the item's actions. On a phone the actions take their own row under
 * the title, so a long title wraps instead of shrinking to a few letters, and the buttons never
 * sit on top of the type and environment line.
 */
export function ItemHeader({
  vaultId,
  vaultName,
  type,
  title,
  revision,
  environment,
  actions,
}: {
  vaultId: string;
  vaultName: string;
  type: ItemType;
  title: string;
  revision: number | null;
  environment: VaultEnvironmentDto | null;
  actions?: ReactNode;
}) {
  return (
    <>
      <nav aria-label="Breadcrumb" className="min-w-0 text-sm text-stone-500">
        <ol className="flex flex-wrap items-center gap-x-1.5">
          <li>
            <Link href="/vaults" className="hover:underline">
              Vaults
            </Link>
          </li>
          <li aria-hidden="true">/</li>
          <li className="min-w-0 break-words">
            <Link href={`/vaults/${vaultId}`} className="hover:underline">
              {vaultName}
            </Link>
          </li>
        </ol>
      </nav>
      <div className="flex flex-col gap-3 sm:flex-row sm:items-start">
        <div className="flex min-w-0 flex-1 items-start gap-3">
          <ItemTypeIcon type={type} />
          <div className="min-w-0 flex-1">
            <h1 className="text-2xl font-semibold [overflow-wrap:anywhere] text-stone-900">
              {title}
            </h1>
            <p className="mt-0.5 flex flex-wrap items-center gap-x-2 gap-y-1 text-sm text-stone-500">
              <span>
                {ITEM_TYPE_LABELS[type]}
                {revision !== null && ` · revision ${revision}`}
              </span>
              <EnvironmentBadge environment={environment} />
            </p>
          </div>
        </div>
        {actions && <div className="flex flex-wrap gap-2 sm:justify-end">{actions}</div>}
      </div>
    </>
  );
}
