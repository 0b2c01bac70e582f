"use client";

import Link from "next/link";
import { useEffect, useState } from "react";
import type { ItemFlagDto } from "@/lib/api/rotation";
import { dateTime } from "@/lib/client/format";
import { flagReasonLabel, mostUrgent, rotationApi } from "@/lib/client/rotation";
import { Alert } from "@/components/ui/alert";

/**
 * On an item's page: the item is flagged and needs a new value. Reloaded with each revision,
 * so it disappears as soon as a save with a new secret value clears the flags.
 */
export function ItemFlagBanner({
  vaultId,
  itemId,
  revision,
}: {
  vaultId: string;
  itemId: string;
  revision: number;
}) {
  const [flags, setFlags] = useState<ItemFlagDto[]>([]);

  useEffect(() => {
    let current = true;
    rotationApi
      .flags({ vaultId, state: "open" })
      .then(({ flags: open }) => {
        if (current) setFlags(open.filter((flag) => flag.itemId === itemId));
      })
      // The banner is a reminder; the item itself does not depend on it.
      .catch(() => current && setFlags([]));
    return () => {
      current = false;
    };
  }, [vaultId, itemId, revision]);

  const flag = mostUrgent(flags);
  if (!flag) return null;
  const reason = flagReasonLabel(flag.reason, flag.person?.name);
  return (
    <Alert
      tone={flag.overdue ? "error" : "warning"}
      title={`This secret needs a new value: ${reason}, due ${dateTime(flag.dueAt)}${flag.overdue ? " (overdue)" : ""}`}
    >
      Edit the item and save a new value in its secret fields: that clears the flag
      {flags.length > 1 ? ` (and the ${flags.length - 1} other${flags.length > 2 ? "s" : ""})` : ""}
      .{" "}
      <Link href={`/rotation?vault=${encodeURIComponent(vaultId)}`} className="underline">
        Rotation tracker
      </Link>
    </Alert>
  );
}
