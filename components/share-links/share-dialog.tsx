"use client";

import { useCallback, useState, type ReactNode } from "react";
import type { ShareLinkSourceDto } from "@/lib/api/share-link";
import type { SharePayload } from "@/lib/crypto";
import type { ShareOptions } from "@/lib/client/share-link-options";
import { shareLinksApi } from "@/lib/client/share-links";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Modal } from "@/components/ui/modal";
import { useAction } from "@/components/ui/use-action";
import { LinkShownOnce } from "./link-shown-once";
import { ShareOptionsForm } from "./share-options-form";
import { useShareRules } from "./use-share-rules";

/** What a dialog shares: the payload is built when the person presses Create, not before. */
export interface ShareContent {
  /** The note goes inside the payload, so it is encrypted with the secret. */
  payload: (note: string | undefined) => SharePayload;
  source?: ShareLinkSourceDto;
}

/**
 * Making a link: the options inside the org's policy, then the link shown once. `content`
 * returns null (and shows its own problem) while there is nothing valid to share yet.
 */
export function ShareDialog({
  title,
  description,
  children,
  content,
  onClose,
  onCreated,
}: {
  title: string;
  description?: ReactNode;
  children?: ReactNode;
  content: () => ShareContent | null;
  onClose: () => void;
  onCreated?: () => void;
}) {
  const rules = useShareRules(true);
  const [url, setUrl] = useState<string | null>(null);
  const create = useAction(
    useCallback(
      async (options: ShareOptions, shared: ShareContent) => {
        const created = await shareLinksApi.create({
          payload: shared.payload(options.note ?? undefined),
          expiresInSeconds: options.expiresInSeconds,
          maxViews: options.maxViews,
          passphrase: options.passphrase ?? undefined,
          source: shared.source,
        });
        setUrl(created.url);
        onCreated?.();
      },
      [onCreated],
    ),
  );

  function onSubmit(options: ShareOptions) {
    const shared = content();
    if (shared) void create.run(options, shared);
  }

  const policy = rules.data;
  return (
    <Modal
      open
      wide
      title={url ? "Your link" : title}
      description={url ? undefined : description}
      onClose={onClose}
      busy={create.pending}
    >
      {url ? (
        <LinkShownOnce url={url} onDone={onClose} />
      ) : rules.error ? (
        <Closing onClose={onClose}>
          <Alert>{rules.error}</Alert>
        </Closing>
      ) : !policy ? (
        <p role="status" className="text-sm text-stone-500">
          Loading your organisation’s rules for links…
        </p>
      ) : !policy.linksAllowed ? (
        <Closing onClose={onClose}>
          <Alert tone="info" title="Share links are turned off">
            Your organisation’s admins do not allow share links. Share the item’s vault with the
            person instead, or ask an admin.
          </Alert>
        </Closing>
      ) : (
        <ShareOptionsForm
          policy={policy}
          busy={create.pending}
          error={create.error}
          onSubmit={onSubmit}
          onCancel={onClose}
        >
          {children}
        </ShareOptionsForm>
      )}
    </Modal>
  );
}

function Closing({ children, onClose }: { children: ReactNode; onClose: () => void }) {
  return (
    <div className="space-y-4">
      {children}
      <div className="flex justify-end">
        <Button variant="secondary" onClick={onClose}>
          Close
        </Button>
      </div>
    </div>
  );
}
