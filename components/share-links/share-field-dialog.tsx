"use client";

import { useState } from "react";
import type { ItemField } from "@/lib/crypto";
import { ShareDialog } from "./share-dialog";

/**
 * A link to one field of an item: a copy of its value as it is when the dialog opens, never a
 * live view, so a later edit (or a rotation) does not change what the link opens. The server
 * learns which item a link came from; the field's name travels sealed in the payload.
 */
export function ShareFieldDialog({
  vaultId,
  itemId,
  itemTitle,
  field,
  onClose,
}: {
  vaultId: string;
  itemId: string;
  itemTitle: string;
  field: ItemField;
  onClose: () => void;
}) {
  const [copy] = useState(() => ({ name: field.name, value: field.value, title: itemTitle }));
  return (
    <ShareDialog
      title={`Share “${copy.name}”`}
      description={
        <>
          A one-time link to a copy of this field of “{copy.title}”. The recipient needs no account;
          Coffer cannot read what the link holds.
        </>
      }
      content={() => ({
        payload: (note) => ({
          kind: "field",
          text: copy.value,
          itemTitle: copy.title,
          fieldName: copy.name,
          ...(note ? { note } : {}),
        }),
        source: { vaultId, itemId },
      })}
      onClose={onClose}
    />
  );
}
