/**
 * Runs the periodic jobs (ingest, publish, the outbox watchdog, …) on cron
 * schedules. Each run holds the job's lease in the database (short, renewed while
 * it runs, released after), so several instances on one PostgreSQL never run the
 * same job at once; a run that is still going when its next tick comes is not
 * started twice.
 */
import { createTask, type ScheduledTask } from "node-cron";

import type { JobLeasesRepository, LeaseHolder } from "./db/job-leases.js";
import type { Logger } from "./logger.js";
import { runUnderLease } from "./ops/run-under-lease.js";
import { describeError } from "./ops/describe-error.js";

export interface Job {
  name: string;
  cron: string;
  /** Runs only while this says so (e.g. this instance is the sender); asked before the lease is taken. */
  when?: () => boolean;
  /**
   * A job whose run in progress in this process (one started at the same tick, say) this one
   * waits for first, at most `maxWaitMs`, before taking its lease.
   */
  after?: { job: string; maxWaitMs: number };
  /** The signal is aborted when the scheduler stops (or the lease is lost): long runs should stop taking new work. */
  run: (signal: AbortSignal) => Promise<unknown>;
}

/** Told how each run ended (not runs skipped for another instance's lease): the health checks read "job failing" from these. */
export interface SchedulerHooks {
  onRunFailed?(job: string, error: unknown): void;
  onRunSucceeded?(job: string): void;
}

export interface Scheduler {
  start(): void;
  /** Runs a job now (under its lease), as a tick would. Resolves false when another instance holds it. */
  runNow(name: string): Promise<boolean>;
  /** Stops ticking, tells running jobs to stop, and waits for them to finish (their leases are released). */
  stop(): Promise<void>;
}

/** Resolves when `run` settles or after `maxWaitMs`, whichever comes first. */
async function settledWithin(run: Promise<unknown>, maxWaitMs: number): Promise<void> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<void>((resolve) => {
    timer = setTimeout(resolve, maxWaitMs);
    timer.unref();
  });
  await Promise.race([run.then(() => undefined, () => undefined), timeout]);
  clearTimeout(timer);
}

/** "held by the bot on newsroom-1, pid 41 (a1b2) since 2026-12-06T18:30:05.000Z" */
function describeHolder(holder: LeaseHolder | null): string {
  return holder ? `held by ${holder.owner} since ${holder.acquiredAt.toISOString()}` : "held by another instance";
}

export function createScheduler(deps: {
  jobs: Job[];
  leases: JobLeasesRepository;
  instanceId: string;
  timezone: string;
  logger: Logger;
  now?: () => Date;
  hooks?: SchedulerHooks;
}): Scheduler {
  const now = deps.now ?? (() => new Date());
  const running = new Map<string, Promise<boolean>>();
  const tasks: ScheduledTask[] = [];
  const stopping = new AbortController();
  // Who held each job's lease at the last skipped run: a skip is logged once per holder, not per tick.
  const lastHolder = new Map<string, string>();

  const runJob = (job: Job): Promise<boolean> => {
    if (stopping.signal.aborted || (job.when && !job.when())) return Promise.resolve(false);
    const inProgress = running.get(job.name);
    if (inProgress) return inProgress;
    const log = deps.logger.child({ job: job.name });
    // Looked up now, not after an await: a job started at the same tick is in `running` already.
    const before = job.after ? running.get(job.after.job) : undefined;
    const run = (async () => {
      if (before && job.after) {
        await settledWithin(before, job.after.maxWaitMs);
        if (stopping.signal.aborted) return false;
      }
      const started = Date.now();
      const outcome = await runUnderLease({ leases: deps.leases, owner: deps.instanceId, now, logger: log }, job.name, job.run, {
        signal: stopping.signal,
      });
      if (outcome.kind === "held-elsewhere") {
        const holder = describeHolder(outcome.holder);
        if (lastHolder.get(job.name) !== outcome.holder?.owner) log.info(`skipped: the ${job.name} lease is ${holder}`);
        lastHolder.set(job.name, outcome.holder?.owner ?? "");
        return false;
      }
      lastHolder.delete(job.name);
      log.debug({ ms: Date.now() - started, result: outcome.result }, "job finished");
      deps.hooks?.onRunSucceeded?.(job.name);
      return true;
    })()
      .catch((error: unknown) => {
        log.error({ ...describeError(error) }, "job failed");
        deps.hooks?.onRunFailed?.(job.name, error);
        return false;
      })
      .finally(() => running.delete(job.name));
    running.set(job.name, run);
    return run;
  };

  return {
    start() {
      for (const job of deps.jobs) {
        tasks.push(createTask(job.cron, () => runJob(job).then(() => undefined), { name: job.name, timezone: deps.timezone }));
      }
      for (const task of tasks) void task.start();
    },
    runNow(name) {
      const job = deps.jobs.find((j) => j.name === name);
      if (!job) return Promise.reject(new Error(`no job named ${name}`));
      return runJob(job);
    },
    async stop() {
      stopping.abort();
      for (const task of tasks) await task.destroy();
      tasks.length = 0;
      await Promise.allSettled([...running.values()]);
    },
  };
}
