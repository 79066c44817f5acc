/**
 * The scheduled jobs whose last run threw, fed by the scheduler's hooks: a job is failing
 * from its first failed run until its next successful one.
 */
import { databaseErrorReason } from "../database-error-reason.js";
import { errorReason } from "../error-reason.js";
import type { JobFailure } from "./judge-problems.js";

export interface JobFailures {
  onRunFailed(job: string, error: unknown): void;
  onRunSucceeded(job: string): void;
  list(): JobFailure[];
}

/** A job's name as people read it: per-instance jobs ("heartbeat:<instance>") by their kind. */
const jobKind = (name: string) => name.split(":")[0] ?? name;

export function createJobFailures(deps: { now: () => Date }): JobFailures {
  const failing = new Map<string, JobFailure>();
  return {
    onRunFailed(name, error) {
      const job = jobKind(name);
      // A message's first line: Prisma's messages go on with a code frame.
      const message = error instanceof Error ? errorReason(error) : String(error);
      const reason = databaseErrorReason(error) ?? (message.split("\n").find((line) => line.trim()) ?? "unknown error").trim();
      failing.set(job, { job, since: failing.get(job)?.since ?? deps.now(), reason });
    },
    onRunSucceeded(name) {
      failing.delete(jobKind(name));
    },
    list: () => [...failing.values()],
  };
}
