/** `id_<title>` and `id_<title>.pub`, as ssh-keygen names a pair, in characters any disk takes. */
export function keyFileName(title: string, kind: "private_key" | "public_key"): string {
  const stem = title
    .trim()
    .toLowerCase()
    .replace(/[^a-z0-9._-]+/g, "_")
    .replace(/^[._]+|_+$/g, "");
  return `id_${stem || "key"}${kind === "public_key" ? ".pub" : ""}`;
}
