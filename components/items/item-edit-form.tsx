"use client";

import type { Draft } from "@/lib/client/items/draft";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { ItemEditor } from "./item-editor";
import type { ItemPageState } from "./use-item-page";

/** The editor with its Save and Cancel; problems show on their inputs and once above Save. */
export function ItemEditForm({ page, draft }: { page: ItemPageState; draft: Draft }) {
  const message = page.problems?.summary ?? page.saveError;
  return (
    <Card>
      <form
        onSubmit={(event) => {
          event.preventDefault();
          void page.submit();
        }}
        noValidate
      >
        <ItemEditor
          draft={draft}
          onChange={page.setDraft}
          onRevealExisting={() => page.report("reveal")}
          problems={page.problems}
        />
        {message && <Alert className="mt-4">{message}</Alert>}
        <div className="mt-6 flex flex-col-reverse gap-2 sm:flex-row sm:justify-end">
          <Button variant="secondary" disabled={page.saving} onClick={page.cancelEditing}>
            Cancel
          </Button>
          <Button type="submit" busy={page.saving} busyLabel="Encrypting and saving…">
            Save
          </Button>
        </div>
      </form>
    </Card>
  );
}
