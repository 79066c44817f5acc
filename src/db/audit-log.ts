/** The editors' audit log: who did what, when, with the state before and after. */
import type { AuditLineEntry } from "../editorial/audit-line.js";
import type { Db } from "./client.js";
import { inBatches } from "./in-batches.js";

export interface AuditEntry extends AuditLineEntry {
  id: number;
}

export type AuditLogRepository = ReturnType<typeof createAuditLogRepository>;

export function createAuditLogRepository(prisma: Db) {
  return {
    /** Records one editor action; before/after are stored as JSON. */
    async record(entry: {
      actorId: number | bigint;
      actorName?: string | null;
      action: string;
      subject?: string | null;
      before?: unknown;
      after?: unknown;
    }): Promise<void> {
      const json = (value: unknown) =>
        value === undefined ? null : JSON.stringify(value, (_key, v: unknown) => (typeof v === "bigint" ? v.toString() : v));
      await prisma.auditLog.create({
        data: {
          actorId: BigInt(entry.actorId),
          actorName: entry.actorName ?? null,
          action: entry.action,
          subject: entry.subject ?? null,
          before: json(entry.before),
          after: json(entry.after),
        },
      });
    },

    /** The newest entries first. */
    latest(limit: number): Promise<AuditEntry[]> {
      return prisma.auditLog.findMany({ orderBy: { id: "desc" }, take: limit });
    },

    /** Retention: deletes entries recorded before `cutoff`; returns how many. */
    deleteBefore(cutoff: Date): Promise<number> {
      return inBatches(
        async (limit) => (await prisma.auditLog.findMany({ where: { createdAt: { lt: cutoff } }, select: { id: true }, take: limit })).map((a) => a.id),
        async (ids) => (await prisma.auditLog.deleteMany({ where: { id: { in: ids } } })).count,
      );
    },
  };
}
