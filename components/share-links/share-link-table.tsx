"use client";

import type { ShareLinkDto } from "@/lib/api/share-link";
import { countOf, dateTime, relativeTime } from "@/lib/client/format";
import { Button } from "@/components/ui/button";
import { expiryInWords, ShareLinkStatusBadge, viewsInWords } from "./share-link-status";

/**
 * Links as rows, never their contents (the server has none to give). `sourceLabel` names what
 * a link was made from, in words this device can decrypt; `showCreator` is the admins' column.
 */
export function ShareLinkTable({
  links,
  caption,
  sourceLabel,
  showCreator = false,
  onRevoke,
}: {
  links: ShareLinkDto[];
  caption: string;
  sourceLabel: (link: ShareLinkDto) => string;
  showCreator?: boolean;
  onRevoke: (link: ShareLinkDto) => void;
}) {
  return (
    <div className="overflow-x-auto">
      <table className="w-full text-left text-sm">
        <caption className="sr-only">{caption}</caption>
        <thead className="text-xs tracking-wide text-stone-500 uppercase">
          <tr>
            {showCreator && <th className="py-2 pr-4 font-semibold">Created by</th>}
            <th className="py-2 pr-4 font-semibold">Shared</th>
            <th className="py-2 pr-4 font-semibold">Status</th>
            <th className="py-2 pr-4 font-semibold">Views</th>
            <th className="py-2 pr-4 font-semibold">Expiry</th>
            <th className="py-2 pr-4 font-semibold">Last opened</th>
            <th className="py-2 font-semibold">
              <span className="sr-only">Actions</span>
            </th>
          </tr>
        </thead>
        <tbody className="divide-y divide-stone-100">
          {links.map((link) => (
            <tr key={link.id} data-testid={`share-link-${link.id}`}>
              {showCreator && (
                <td className="py-3 pr-4">
                  <span className="block font-medium text-stone-900">{link.creator.name}</span>
                  <span className="text-xs text-stone-500">{link.creator.email}</span>
                </td>
              )}
              <td className="py-3 pr-4">
                <span className="block text-stone-900">{sourceLabel(link)}</span>
                <span className="text-xs text-stone-500" title={dateTime(link.createdAt)}>
                  created {relativeTime(link.createdAt)}
                  {link.passphraseRequired ? " · passphrase" : ""}
                </span>
              </td>
              <td className="py-3 pr-4">
                <ShareLinkStatusBadge status={link.status} />
              </td>
              <td className="py-3 pr-4 whitespace-nowrap">{viewsInWords(link)}</td>
              <td className="py-3 pr-4" title={dateTime(link.expiresAt)}>
                {expiryInWords(link)}
              </td>
              <td className="py-3 pr-4">
                {link.lastViewedAt ? (
                  <span title={dateTime(link.lastViewedAt)}>{relativeTime(link.lastViewedAt)}</span>
                ) : (
                  <span className="text-stone-500">never</span>
                )}
                {link.failedAttempts > 0 && (
                  <span className="block text-xs text-amber-700">
                    {countOf(link.failedAttempts, "wrong passphrase", "wrong passphrases")}
                  </span>
                )}
              </td>
              <td className="py-3 text-right">
                {link.status === "active" && (
                  <Button
                    variant="ghost"
                    size="sm"
                    onClick={() => onRevoke(link)}
                    aria-label={`Revoke the link to ${sourceLabel(link)}`}
                  >
                    Revoke
                  </Button>
                )}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
