"use client";

import { useCallback, useEffect, useRef, useState } from "react";
import { auditListResponse, auditVerifyResponse, type AuditEventDto } from "@/lib/api/audit";
import { userListResponse } from "@/lib/api/user";
import { api, apiBlob, errorMessage } from "@/lib/client/api";
import { saveFile } from "@/lib/client/save-file";
import { StepUpCancelled } from "../mfa/step-up-provider";
import { useAction } from "../ui/use-action";
import { useResource } from "../ui/use-resource";
import { auditPageSize } from "./audit-query";

export interface AuditFilters {
  actorId: string;
  action: string;
  vaultId: string;
  from: string;
  to: string;
}

export const emptyFilters: AuditFilters = {
  actorId: "",
  action: "",
  vaultId: "",
  from: "",
  to: "",
};

export type ExportFormat = "csv" | "json";

/** Query string for the list and the exports: dates are whole days in the viewer's zone. */
function queryFor(filters: AuditFilters, extra: Record<string, string> = {}) {
  const params = new URLSearchParams(extra);
  if (filters.actorId) params.set("actorId", filters.actorId);
  if (filters.action) params.set("action", filters.action);
  if (filters.vaultId.trim()) params.set("vaultId", filters.vaultId.trim());
  if (filters.from) params.set("from", new Date(`${filters.from}T00:00:00`).toISOString());
  if (filters.to) params.set("to", new Date(`${filters.to}T23:59:59.999`).toISOString());
  return params.toString();
}

async function loadPage(filters: AuditFilters, beforeSeq?: number) {
  const extra: Record<string, string> = { limit: String(auditPageSize) };
  if (beforeSeq) extra.beforeSeq = String(beforeSeq);
  const result = await api(`/api/v1/audit?${queryFor(filters, extra)}`, {
    schema: auditListResponse,
  });
  return result.events;
}

const loadPeople = () =>
  api("/api/v1/users", { schema: userListResponse }).then((result) => result.users);

const verifyChain = () =>
  api("/api/v1/audit/verify", { method: "POST", schema: auditVerifyResponse });

/**
 * The audit log's pages under the applied filters, the chain check and the exports.
 * `initialEvents` is the unfiltered newest page the server rendered the page with.
 */
export function useAuditLog(initialEvents?: AuditEventDto[]) {
  const [applied, setApplied] = useState<AuditFilters>(emptyFilters);
  const [events, setEvents] = useState<AuditEventDto[] | null>(initialEvents ?? null);
  const [hasMore, setHasMore] = useState(initialEvents?.length === auditPageSize);
  const [loadError, setLoadError] = useState<string | null>(null);
  const people = useResource(loadPeople);
  // The filters the server's page was read under: that page is shown, not fetched again.
  const rendered = useRef<AuditFilters | null>(initialEvents ? emptyFilters : null);

  useEffect(() => {
    const given = rendered.current === applied;
    rendered.current = null;
    if (given) return;
    let cancelled = false;
    // State is set only when the request settles, not synchronously.
    loadPage(applied)
      .then((loaded) => {
        if (cancelled) return;
        setEvents(loaded);
        setHasMore(loaded.length === auditPageSize);
        setLoadError(null);
      })
      .catch((caught: unknown) => !cancelled && setLoadError(errorMessage(caught)));
    return () => {
      cancelled = true;
    };
  }, [applied]);

  const older = useAction(
    useCallback(async () => {
      const oldest = events?.at(-1);
      if (!oldest) return;
      const loaded = await loadPage(applied, oldest.seq);
      setHasMore(loaded.length === auditPageSize);
      setEvents((current) => [...(current ?? []), ...loaded]);
    }, [applied, events]),
  );

  const verify = useAction(verifyChain);
  const [verdict, setVerdict] = useState<Awaited<ReturnType<typeof verifyChain>> | null>(null);

  // Fetched, not a plain link: an export needs a fresh key check, and a link would save the
  // server's step-up refusal as the file.
  const [exporting, setExporting] = useState<ExportFormat | null>(null);
  const exporterAction = useAction(
    useCallback(
      async (format: ExportFormat) => {
        const blob = await apiBlob(`/api/v1/audit/export?${queryFor(applied, { format })}`).catch(
          (caught: unknown) => {
            throw new Error(
              caught instanceof StepUpCancelled
                ? "Nothing was exported: the security key check was cancelled."
                : `The export failed: ${errorMessage(caught)}`,
            );
          },
        );
        const stamp = new Date().toISOString().slice(0, 10);
        saveFile([blob], `coffer-audit-${stamp}.${format}`, blob.type);
      },
      [applied],
    ),
  );

  return {
    events,
    hasMore,
    people: people.data ?? [],
    apply: (filters: AuditFilters) => {
      setEvents(null);
      setApplied(filters);
    },
    loadOlder: () => void older.run(),
    loadingOlder: older.pending,
    verdict,
    verifying: verify.pending,
    verify: async () => {
      setVerdict(null);
      const result = await verify.run();
      if (result) setVerdict(result);
    },
    exporting,
    download: async (format: ExportFormat) => {
      setExporting(format);
      await exporterAction.run(format);
      setExporting(null);
    },
    error:
      loadError ?? older.error?.message ?? verify.error?.message ?? exporterAction.error?.message,
  };
}
