/**
 * The scheduled jobs whose last run threw, fed by the scheduler's hooks: a job is failing
 * from its first failed run until its next successful one.
 */
import { failureReason } from "../error-reason.js";
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
      const reason = failureReason(error);
      failing.set(job, { job, since: failing.get(job)?.since ?? deps.now(), reason });
    },
    onRunSucceeded(name) {
      failing.delete(jobKind(name));
    },
    list: () => [...failing.values()],
  };
}
