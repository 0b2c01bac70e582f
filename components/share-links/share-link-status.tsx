import type { ShareLinkDto, ShareLinkStatusDto } from "@/lib/api/share-link";
import { relativeTime } from "@/lib/client/format";

const styles: Record<ShareLinkStatusDto, string> = {
  active: "bg-emerald-100 text-emerald-800",
  used: "bg-sky-100 text-sky-800",
  expired: "bg-stone-200 text-stone-700",
  revoked: "bg-stone-200 text-stone-700",
  frozen: "bg-red-100 text-red-800",
};

export function ShareLinkStatusBadge({ status }: { status: ShareLinkStatusDto }) {
  return (
    <span
      className={`inline-flex rounded-full px-2 py-0.5 text-xs font-medium capitalize ${styles[status]}`}
    >
      {status}
    </span>
  );
}

/** "2 of 3 views left", "used up" */
export function viewsInWords(link: ShareLinkDto): string {
  if (link.viewsLeft === 0) return `all ${link.maxViews} used`;
  return `${link.viewsLeft} of ${link.maxViews} left`;
}

/** "expires in 5 hours", "expired 2 days ago", and why a link ended early. */
export function expiryInWords(link: ShareLinkDto, now = Date.now()): string {
  const when = relativeTime(link.expiresAt, now);
  if (link.status === "active") return `expires ${when}`;
  if (link.status === "revoked" && link.revokedAt) {
    const by = link.revokedReason === "attempts" ? " after too many wrong passphrases" : "";
    return `revoked ${relativeTime(link.revokedAt, now)}${by}`;
  }
  if (link.status === "frozen" && link.frozenAt) {
    return `frozen by the lockdown ${relativeTime(link.frozenAt, now)}`;
  }
  return new Date(link.expiresAt).getTime() <= now ? `expired ${when}` : `would expire ${when}`;
}
