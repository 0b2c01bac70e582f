import { CliError, EXIT, usageError } from "./errors";

/**
 * Reads one line from the terminal without echoing it: for a passphrase, which must never be
 * an argument (argv is visible to every user of the machine through ps and /proc). The prompt
 * goes to stderr so stdout stays the command's answer. Ctrl-C cancels; no terminal is bad
 * usage and names the option that reads the value from a file instead.
 */
export async function readHiddenLine(prompt: string, fileFlag: string): Promise<string> {
  const input = process.stdin;
  if (!input.isTTY) {
    throw usageError(`stdin is not a terminal: pass ${fileFlag} to read it from a file.`);
  }
  // Raw mode before the prompt: an answer typed the moment it appears must not be echoed.
  input.setRawMode(true);
  process.stderr.write(prompt);
  input.resume();
  input.setEncoding("utf8");
  try {
    return await new Promise<string>((resolve, reject) => {
      let line = "";
      const onData = (chunk: string) => {
        for (const character of chunk) {
          if (character === "\r" || character === "\n") {
            input.off("data", onData);
            resolve(line);
            return;
          }
          if (character === "\u0003") {
            input.off("data", onData);
            reject(new CliError(EXIT.failure, "Cancelled."));
            return;
          }
          if (character === "\u007f" || character === "\b") line = line.slice(0, -1);
          else line += character;
        }
      };
      input.on("data", onData);
    });
  } finally {
    input.setRawMode(false);
    input.pause();
    process.stderr.write("\n");
  }
}

/** A new passphrase, typed twice so a typo does not lock the recipient out. */
export async function readNewPassphrase(fileFlag: string): Promise<string> {
  const first = await readHiddenLine("Passphrase for the link: ", fileFlag);
  if (first.length === 0) throw usageError("The passphrase is empty.");
  const second = await readHiddenLine("The same passphrase again: ", fileFlag);
  if (first !== second) throw usageError("The two passphrases differ; nothing was shared.");
  return first;
}
