/** Leases for scheduled jobs, so that one instance at a time runs a job on a shared database. */
import type { Db } from "./client.js";
import { isUniqueViolation } from "./prisma-errors.js";

/** Who holds a lease, and since when. */
export interface LeaseHolder {
  owner: string;
  acquiredAt: Date;
  leaseUntil: Date;
}

export type JobLeasesRepository = ReturnType<typeof createJobLeasesRepository>;

export function createJobLeasesRepository(prisma: Db) {
  return {
    /**
     * Takes (or renews) the lease on `name` for `ttlMs`. True when this owner holds it.
     * A lease that ran out can be taken by anyone; `acquiredAt` changes only when the holder does.
     */
    async acquire(name: string, owner: string, now: Date, ttlMs: number): Promise<boolean> {
      const leaseUntil = new Date(now.getTime() + ttlMs);
      const renewed = await prisma.jobLease.updateMany({ where: { name, owner }, data: { leaseUntil } });
      if (renewed.count === 1) return true;
      const taken = await prisma.jobLease.updateMany({
        where: { name, leaseUntil: { lt: now } },
        data: { owner, leaseUntil, acquiredAt: now },
      });
      if (taken.count === 1) return true;
      try {
        await prisma.jobLease.create({ data: { name, owner, leaseUntil, acquiredAt: now } });
        return true;
      } catch (error) {
        if (isUniqueViolation(error)) return false;
        throw error;
      }
    },

    /** Extends a lease this owner holds; false when it lost it meanwhile (it ran out and another took it). */
    async renew(name: string, owner: string, now: Date, ttlMs: number): Promise<boolean> {
      const renewed = await prisma.jobLease.updateMany({ where: { name, owner }, data: { leaseUntil: new Date(now.getTime() + ttlMs) } });
      return renewed.count === 1;
    },

    /** Who holds `name` now, if anyone (a lease that ran out is held by nobody). */
    async holder(name: string, now: Date): Promise<LeaseHolder | null> {
      const row = await prisma.jobLease.findUnique({ where: { name } });
      return row && row.leaseUntil >= now ? { owner: row.owner, acquiredAt: row.acquiredAt, leaseUntil: row.leaseUntil } : null;
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
