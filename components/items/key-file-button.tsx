"use client";

import { keyFileName } from "@/lib/client/items/key-file-name";
import { saveFile } from "@/lib/client/save-file";
import { Button } from "@/components/ui/button";

/**
 * Saves an SSH key field as a file. OpenSSH refuses a private key file without its final line
 * break ("invalid format"), so one is added when the stored value lacks it.
 */
export function KeyFileButton({
  name,
  value,
  kind,
  itemTitle,
  onDownload,
}: {
  name: string;
  value: string;
  kind: "private_key" | "public_key";
  itemTitle: string;
  onDownload: () => void;
}) {
  return (
    <Button
      variant="ghost"
      size="sm"
      aria-label={`Download ${name}`}
      onClick={() => {
        const text = value.endsWith("\n") ? value : `${value}\n`;
        saveFile([text], keyFileName(itemTitle, kind), "application/octet-stream");
        onDownload();
      }}
    >
      Download
    </Button>
  );
}
