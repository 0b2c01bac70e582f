/**
 * Hands bytes to the browser as a download. The object URL is revoked after the click has been
 * handled, so the data does not stay reachable from the page for longer than it takes.
 */
export function saveFile(parts: BlobPart[], fileName: string, mimeType: string): void {
  const url = URL.createObjectURL(new Blob(parts, { type: mimeType }));
  const link = document.createElement("a");
  link.href = url;
  link.download = fileName;
  link.rel = "noopener";
  document.body.appendChild(link);
  link.click();
  link.remove();
  window.setTimeout(() => URL.revokeObjectURL(url), 1000);
}
