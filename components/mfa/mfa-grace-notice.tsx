"use client";

import Link from "next/link";
import { getMfaStatus } from "@/lib/client/mfa";
import { relativeTime } from "@/lib/client/format";
import { Alert } from "../ui/alert";
import { useResource } from "../ui/use-resource";

const day = (iso: string) =>
  new Date(iso).toLocaleDateString("en-GB", { day: "numeric", month: "long", year: "numeric" });

/**
 * A member the policy requires a key of, still in the grace period, hears it on Home with the
 * date: when the period ends, everything but enrolment closes (the server enforces that).
 */
export function MfaGraceNotice() {
  const { data: status } = useResource(getMfaStatus);
  if (!status?.required || status.keyCount > 0 || !status.graceUntil || !status.compliant) {
    return null;
  }
  return (
    <Alert tone="warning" title="Your organisation requires a security key">
      <p>
        Add one by {day(status.graceUntil)} ({relativeTime(status.graceUntil)}). After that, Coffer
        opens only the page for adding a key until you do.
      </p>
      <Link
        href="/settings/security"
        className="mt-2 inline-block font-medium text-amber-950 underline"
      >
        Add a security key
      </Link>
    </Alert>
  );
}
