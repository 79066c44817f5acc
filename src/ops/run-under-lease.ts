/**
 * Runs a job while holding its database lease: a short lease, renewed while the job
 * runs and given up when it ends, so another instance (or the operator's CLI) can
 * take over at once after a clean stop and within a minute after a crash.
 */
import type { JobLeasesRepository, LeaseHolder } from "../db/job-leases.js";
import type { Logger } from "../logger.js";

/** How long a lease lasts without renewal: a killed holder's lease runs out this soon. */
export const LEASE_TTL_MS = 60_000;
/** How often a running job renews its lease (three chances before it runs out). */
export const LEASE_RENEW_MS = 20_000;

export type LeasedRun<T> = { kind: "ran"; result: T } | { kind: "held-elsewhere"; holder: LeaseHolder | null };

export interface LeaseDeps {
  leases: JobLeasesRepository;
  /** This process, in words (it is what a skipped run's log line shows). */
  owner: string;
  now: () => Date;
  logger: Logger;
}

/**
 * Takes the lease `name` and runs `work`, renewing the lease every {@link LEASE_RENEW_MS}.
 * If the lease is lost meanwhile (the process stalled past the lease and someone else
 * took it), `work`'s signal is aborted so it stops taking new work. The lease is
 * released when `work` settles, whatever the outcome.
 */
export async function runUnderLease<T>(
  deps: LeaseDeps,
  name: string,
  work: (signal: AbortSignal) => Promise<T>,
  options: { signal?: AbortSignal } = {},
): Promise<LeasedRun<T>> {
  if (!(await deps.leases.acquire(name, deps.owner, deps.now(), LEASE_TTL_MS))) {
    return { kind: "held-elsewhere", holder: await deps.leases.holder(name, deps.now()) };
  }
  const lost = new AbortController();
  const signal = options.signal ? AbortSignal.any([options.signal, lost.signal]) : lost.signal;
  const renewal = setInterval(() => {
    deps.leases.renew(name, deps.owner, deps.now(), LEASE_TTL_MS).then(
      (held) => {
        if (held || lost.signal.aborted) return;
        deps.logger.error({ lease: name }, `lost the ${name} lease to another instance while running; stopping this run`);
        lost.abort(new Error(`the ${name} lease was lost`));
      },
      (error: unknown) => deps.logger.warn({ lease: name, reason: (error as Error).message }, `could not renew the ${name} lease; trying again`),
    );
  }, LEASE_RENEW_MS);
  try {
    return { kind: "ran", result: await work(signal) };
  } finally {
    clearInterval(renewal);
    await deps.leases.release(name, deps.owner).catch((error: unknown) =>
      deps.logger.warn({ lease: name, reason: (error as Error).message }, `could not release the ${name} lease; it runs out within a minute`),
    );
  }
}
