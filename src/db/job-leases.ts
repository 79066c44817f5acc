/** Leases for scheduled jobs, so that one instance at a time runs a job on a shared database. */
import type { Db } from "./client.js";
import { isUniqueViolation } from "./prisma-errors.js";

export type JobLeasesRepository = ReturnType<typeof createJobLeasesRepository>;

export function createJobLeasesRepository(prisma: Db) {
  return {
    /**
     * Takes (or renews) the lease on `name` for `ttlMs`. True when this owner holds it.
     * A lease that ran out can be taken by anyone.
     */
    async acquire(name: string, owner: string, now: Date, ttlMs: number): Promise<boolean> {
      const leaseUntil = new Date(now.getTime() + ttlMs);
      const taken = await prisma.jobLease.updateMany({
        where: { name, OR: [{ owner }, { leaseUntil: { lt: now } }] },
        data: { owner, leaseUntil },
      });
      if (taken.count === 1) return true;
      try {
        await prisma.jobLease.create({ data: { name, owner, leaseUntil } });
        return true;
      } catch (error) {
        if (isUniqueViolation(error)) return false;
        throw error;
      }
    },

    /** Gives the lease up early so another instance need not wait for it to run out. */
    async release(name: string, owner: string): Promise<void> {
      await prisma.jobLease.deleteMany({ where: { name, owner } });
    },

    /**
     * Retention: deletes leases that ran out before `cutoff` (left by a process that
     * stopped mid-run; a finished run deletes its own). Returns how many.
     */
    async deleteExpiredBefore(cutoff: Date): Promise<number> {
      return (await prisma.jobLease.deleteMany({ where: { leaseUntil: { lt: cutoff } } })).count;
    },
  };
}
