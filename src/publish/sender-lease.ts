/**
 * One sender at a time. Of several instances on one database, only the one holding the
 * "telegram-sender" lease sends channel posts and readers' alerts, so both share that
 * process's one send budget and Telegram's limits hold for all instances together. The
 * holder renews the lease every 15 s; when it stops, it gives the lease up, and when it
 * dies, the lease lapses within a minute and another instance takes over.
 *
 * A budget kept in the database was the alternative: every message would cost a write
 * on the shared database (30 a second at full speed) and the priorities (channel posts
 * first) would need a queue there too. One sender keeps the budget in memory, where its
 * pacing and priorities are already exact and tested.
 */
import type { JobLeasesRepository } from "../db/job-leases.js";
import type { Logger } from "../logger.js";

export const SENDER_LEASE = "telegram-sender";
/** How long a holder that stopped renewing keeps the lease: another instance takes over after this. */
export const SENDER_LEASE_MS = 60_000;
export const SENDER_RENEW_MS = 15_000;
/**
 * A holder whose renewals fail stops sending this long before its lease runs out, so it
 * has stopped before anyone can take over, even with instances' clocks this far apart.
 */
const SENDER_MARGIN_MS = 20_000;

export interface SenderLease {
  /** True while this instance holds the lease and may send. */
  holds(): boolean;
  /** Aborts when this instance stops holding the lease (a run should stop taking new work). */
  whileHeld(): AbortSignal;
  /** Takes or renews the lease now (what the timer does every {@link SENDER_RENEW_MS}); true when held. */
  refresh(): Promise<boolean>;
  /** Takes the lease when free and keeps renewing it. */
  start(): void;
  /** Stops renewing and gives the lease up, so another instance takes over at its next try. */
  stop(): Promise<void>;
}

export function createSenderLease(deps: {
  leases: JobLeasesRepository;
  instanceId: string;
  /** The wall clock the lease rows are written with (shared by the instances). */
  now: () => Date;
  logger: Logger;
  /** Elapsed time for this instance's own "do I still hold it" (defaults to performance.now: no wall-clock jumps). */
  elapsed?: () => number;
}): SenderLease {
  const elapsed = deps.elapsed ?? (() => performance.now());
  const log = deps.logger.child({ lease: SENDER_LEASE });
  let sendUntil = 0;
  let holding = new AbortController();
  holding.abort();
  let lapse: NodeJS.Timeout | null = null;
  let renewal: NodeJS.Timeout | null = null;
  let refreshing: Promise<boolean> | null = null;

  const holds = (): boolean => elapsed() < sendUntil;

  const letGo = (why: string): void => {
    if (lapse) clearTimeout(lapse);
    lapse = null;
    sendUntil = 0;
    if (holding.signal.aborted) return;
    holding.abort(new Error(why));
    log.info({ why }, "this instance stops sending to Telegram");
  };

  const tryRefresh = async (): Promise<boolean> => {
    const started = elapsed();
    let held: boolean;
    try {
      held = await deps.leases.acquire(SENDER_LEASE, deps.instanceId, deps.now(), SENDER_LEASE_MS);
    } catch (error) {
      log.warn({ err: error }, "could not renew the sender lease");
      // Keep sending while the last renewal still covers it; the lapse timer stops it in time.
      return holds();
    }
    if (!held) {
      letGo("another instance holds the sender lease");
      return false;
    }
    const wasHolding = holds();
    sendUntil = started + SENDER_LEASE_MS - SENDER_MARGIN_MS;
    if (!wasHolding) {
      holding = new AbortController();
      log.info("this instance now sends to Telegram (channel posts and alerts)");
    }
    if (lapse) clearTimeout(lapse);
    lapse = setTimeout(() => letGo("the sender lease could not be renewed in time"), SENDER_LEASE_MS - SENDER_MARGIN_MS);
    lapse.unref();
    return true;
  };

  const refresh = (): Promise<boolean> => {
    refreshing ??= tryRefresh().finally(() => (refreshing = null));
    return refreshing;
  };

  return {
    holds,
    whileHeld: () => holding.signal,
    refresh,
    start() {
      void refresh();
      renewal = setInterval(() => void refresh(), SENDER_RENEW_MS);
    },
    async stop() {
      if (renewal) clearInterval(renewal);
      renewal = null;
      await refreshing;
      const held = holds();
      letGo("this instance is stopping");
      if (!held) return;
      await deps.leases.release(SENDER_LEASE, deps.instanceId).catch((error: unknown) => {
        log.warn({ err: error }, "could not give the sender lease up; another instance takes over when it lapses");
      });
    },
  };
}
