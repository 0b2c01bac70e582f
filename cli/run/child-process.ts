import { spawn, type ChildProcess, type StdioOptions } from "node:child_process";
import os from "node:os";
import { maskedPipe } from "./masked-pipe";

export interface RunningChild {
  process: ChildProcess;
  /** The exit code as a shell reports it (a signal n becomes 128+n), once output is drained. */
  exited: Promise<number>;
  /** SIGTERM, then SIGKILL if it is still running after the grace period. */
  stop(graceMs: number): Promise<number>;
}

const signalNumber = (signal: NodeJS.Signals) => os.constants.signals[signal] ?? 0;

/**
 * Starts `command args…` with stdin inherited and, when `needles` is given, stdout and stderr
 * passed through a SecretMasker. The arguments go to the program exactly as given: secrets
 * travel only in its environment, never in its argv, where `ps` would show them.
 */
export function startChild(
  command: string,
  args: string[],
  env: Record<string, string>,
  needles: readonly string[] | null,
  onSpawnError: (message: string) => void,
): RunningChild {
  const masked = needles !== null;
  const stdio: StdioOptions = ["inherit", masked ? "pipe" : "inherit", masked ? "pipe" : "inherit"];
  // Next's type augmentation makes NODE_ENV a required key of ProcessEnv; a child needs none.
  const child: ChildProcess = spawn(command, args, { env: env as NodeJS.ProcessEnv, stdio });
  const drained = masked
    ? Promise.all([
        maskedPipe(child.stdout!, process.stdout, needles),
        maskedPipe(child.stderr!, process.stderr, needles),
      ])
    : Promise.resolve();
  const exited = new Promise<number>((resolve) => {
    child.once("error", (error: NodeJS.ErrnoException) => {
      // The shell's codes: 127 when the program is not found, 126 when it cannot be run.
      const notFound = error.code === "ENOENT";
      onSpawnError(notFound ? `command not found: ${command}` : `cannot run ${command}`);
      resolve(notFound ? 127 : 126);
    });
    child.once("exit", (code: number | null, signal: NodeJS.Signals | null) => {
      void drained.then(() => resolve(signal ? 128 + signalNumber(signal) : (code ?? 0)));
    });
  });
  return {
    process: child,
    exited,
    async stop(graceMs) {
      if (child.exitCode !== null || child.signalCode !== null) return exited;
      child.kill("SIGTERM");
      const timer = setTimeout(() => child.kill("SIGKILL"), graceMs);
      const code = await exited;
      clearTimeout(timer);
      return code;
    },
  };
}

/** Signals a terminal or a supervisor sends that the child must receive too. */
export const FORWARDED_SIGNALS: NodeJS.Signals[] = [
  "SIGINT",
  "SIGTERM",
  "SIGHUP",
  "SIGQUIT",
  "SIGUSR1",
  "SIGUSR2",
  "SIGWINCH",
];
