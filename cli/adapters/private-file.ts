import fs from "node:fs";
import path from "node:path";

/**
 * Writes a file only its owner can read, atomically: a temporary file created 0600 in the same
 * folder, then renamed over the target, so no reader ever sees it half written or readable by
 * others (an existing file's looser mode is not inherited).
 */
export function writePrivateFile(file: string, contents: string): void {
  const temporary = path.join(
    path.dirname(file),
    `.${path.basename(file)}.${process.pid}.${Date.now()}.tmp`,
  );
  const handle = fs.openSync(temporary, "wx", 0o600);
  try {
    fs.writeFileSync(handle, contents);
  } finally {
    fs.closeSync(handle);
  }
  fs.chmodSync(temporary, 0o600);
  fs.renameSync(temporary, file);
}

/** Whether a file's mode lets its group or others read it. */
export function readableByOthers(file: string): boolean {
  if (process.platform === "win32") return false;
  return (fs.statSync(file).mode & 0o077) !== 0;
}
