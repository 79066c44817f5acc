/**
 * Runs the periodic jobs (ingest, publish, the outbox watchdog, …) on cron
 * schedules. Each run first takes the job's lease in the database, so several
 * instances on one PostgreSQL never run the same job at once; a run that is still
 * going when its next tick comes is not started twice.
 */
import { createTask, type ScheduledTask } from "node-cron";

import type { JobLeasesRepository } from "./db/job-leases.js";
import type { Logger } from "./logger.js";

export interface Job {
  name: string;
  cron: string;
  /** How long one run may hold the lease; a crashed run's lease runs out after this. */
  leaseMs: number;
  /** Runs only while this says so (e.g. this instance is the sender); asked before the lease is taken. */
  when?: () => boolean;
  /** The signal is aborted when the scheduler stops: long runs should stop taking new work. */
  run: (signal: AbortSignal) => Promise<unknown>;
}

export interface Scheduler {
  start(): void;
  /** Runs a job now (under its lease), as a tick would. Resolves false when another instance holds it. */
  runNow(name: string): Promise<boolean>;
  /** Stops ticking and waits for runs in progress to finish. */
  stop(): Promise<void>;
}

export function createScheduler(deps: {
  jobs: Job[];
  leases: JobLeasesRepository;
  instanceId: string;
  timezone: string;
  logger: Logger;
  now?: () => Date;
}): Scheduler {
  const now = deps.now ?? (() => new Date());
  const running = new Map<string, Promise<boolean>>();
  const tasks: ScheduledTask[] = [];
  const stopping = new AbortController();

  const runJob = (job: Job): Promise<boolean> => {
    if (stopping.signal.aborted || (job.when && !job.when())) return Promise.resolve(false);
    const inProgress = running.get(job.name);
    if (inProgress) return inProgress;
    const log = deps.logger.child({ job: job.name });
    const run = (async () => {
      if (!(await deps.leases.acquire(job.name, deps.instanceId, now(), job.leaseMs))) {
        log.debug("another instance holds this job's lease; skipped");
        return false;
      }
      const started = Date.now();
      try {
        const result = await job.run(stopping.signal);
        log.debug({ ms: Date.now() - started, result }, "job finished");
      } finally {
        await deps.leases.release(job.name, deps.instanceId);
      }
      return true;
    })()
      .catch((error: unknown) => {
        log.error({ err: error }, "job failed");
        return false;
      })
      .finally(() => running.delete(job.name));
    running.set(job.name, run);
    return run;
  };

  return {
    start() {
      for (const job of deps.jobs) {
        tasks.push(
          createTask(job.cron, () => runJob(job).then(() => undefined), { name: job.name, timezone: deps.timezone }),
        );
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
