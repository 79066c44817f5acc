/**
 * Stopping on SIGINT/SIGTERM, the same for the bot and every CLI command: the first
 * signal stops cleanly within a deadline, a second one exits at once.
 */

/** How long a clean stop may take before the process exits anyway. */
export const STOP_DEADLINE_MS = 10_000;

export interface ShutdownOptions {
  /** Stops the work cleanly (leases released, database closed). */
  stop: () => Promise<void>;
  /** Where the one-line notices go (stderr). */
  say: (line: string) => void;
  exit: (code: number) => void;
  deadlineMs?: number;
  /** The exit code after a clean stop: 0 for the bot (a stop is its normal end), 130 for a command cut short. */
  stoppedCode?: number;
  signals?: NodeJS.EventEmitter;
}

/**
 * Installs the handlers. The first signal calls `stop()` and exits with `stoppedCode` when it is
 * done (1 if it failed, or if it takes longer than the deadline); a second signal exits at once
 * with 130.
 */
export function exitOnSignals(options: ShutdownOptions): void {
  const source = options.signals ?? process;
  const deadlineMs = options.deadlineMs ?? STOP_DEADLINE_MS;
  let stopping = false;
  const onSignal = (signal: string) => {
    if (stopping) {
      options.say(`${signal} again: exiting at once`);
      options.exit(130);
      return;
    }
    stopping = true;
    options.say(`${signal}: stopping (press Ctrl-C again to exit at once)`);
    const deadline = setTimeout(() => {
      options.say(`stopping took longer than ${deadlineMs / 1000} s: exiting now`);
      options.exit(1);
    }, deadlineMs);
    options.stop().then(
      () => {
        clearTimeout(deadline);
        options.exit(options.stoppedCode ?? 0);
      },
      (error: unknown) => {
        clearTimeout(deadline);
        options.say(`stopping failed: ${(error as Error).message}`);
        options.exit(1);
      },
    );
  };
  source.on("SIGINT", () => onSignal("SIGINT"));
  source.on("SIGTERM", () => onSignal("SIGTERM"));
}
