"use client";

import type { AuditEventDto } from "@/lib/api/audit";
import { useVaultNames } from "../vaults/use-vault-names";
import { Alert } from "../ui/alert";
import { Button } from "../ui/button";
import { Card } from "../ui/card";
import { AuditFiltersCard } from "./audit-filters";
import { AuditTable } from "./audit-table";
import { ChainVerdict } from "./chain-verdict";
import { useAuditLog } from "./use-audit-log";

const noNames: ReadonlyMap<string, string> = new Map();

export function AuditView({
  initialEvents,
}: {
  /** The newest events, as the page was rendered with them. */
  initialEvents?: AuditEventDto[];
}) {
  const log = useAuditLog(initialEvents);
  // Vault names are encrypted: only the vaults this admin is a member of can be named here.
  const vaultNames = useVaultNames((log.events?.length ?? 0) > 0) ?? noNames;

  return (
    <div className="space-y-6">
      <div className="flex flex-wrap items-end justify-between gap-4">
        <div>
          <h1 className="text-2xl font-semibold text-stone-900">Audit log</h1>
          <p className="mt-1 text-stone-600">
            Every security event, in order. Each entry is chained to the one before it, so an edited
            or deleted entry is detected.
          </p>
        </div>
        <div className="flex flex-wrap gap-2">
          <Button
            variant="secondary"
            onClick={log.verify}
            busy={log.verifying}
            busyLabel="Verifying…"
          >
            Verify chain
          </Button>
          {(["csv", "json"] as const).map((format) => (
            <Button
              key={format}
              variant="secondary"
              onClick={() => void log.download(format)}
              busy={log.exporting === format}
              busyLabel="Exporting…"
              disabled={log.exporting !== null}
            >
              Export {format.toUpperCase()}
            </Button>
          ))}
        </div>
      </div>

      {log.verdict && <ChainVerdict verdict={log.verdict} />}
      {log.error && <Alert>{log.error}</Alert>}

      <AuditFiltersCard people={log.people} onApply={log.apply} />

      <Card>
        {log.events === null && !log.error && (
          <p role="status" className="text-sm text-stone-500">
            Loading events…
          </p>
        )}
        {log.events !== null && log.events.length === 0 && (
          <p className="text-sm text-stone-500">No events match these filters.</p>
        )}
        {log.events !== null && log.events.length > 0 && (
          <AuditTable events={log.events} vaultNames={vaultNames} />
        )}
        {log.hasMore && (
          <div className="mt-4">
            <Button
              variant="secondary"
              onClick={log.loadOlder}
              busy={log.loadingOlder}
              busyLabel="Loading…"
            >
              Load older events
            </Button>
          </div>
        )}
      </Card>
    </div>
  );
}
