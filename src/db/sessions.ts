/** grammY session and conversation storage in the database, so a restart loses nothing. */
import type { StorageAdapter } from "grammy";

import type { Db } from "./client.js";
import { inBatches } from "./in-batches.js";

/** A grammY StorageAdapter keeping JSON values in the Session table; `prefix` separates uses. */
export function createSessionStorage<T>(prisma: Db, prefix: string): StorageAdapter<T> {
  const id = (key: string) => `${prefix}:${key}`;
  return {
    async read(key) {
      const row = await prisma.session.findUnique({ where: { key: id(key) } });
      return row ? (JSON.parse(row.value) as T) : undefined;
    },
    async write(key, value) {
      const json = JSON.stringify(value);
      await prisma.session.upsert({ where: { key: id(key) }, create: { key: id(key), value: json }, update: { value: json } });
    },
    async delete(key) {
      await prisma.session.deleteMany({ where: { key: id(key) } });
    },
  };
}

/** Retention: deletes sessions nobody has touched since `cutoff`; returns how many. */
export function deleteSessionsIdleSince(prisma: Db, cutoff: Date): Promise<number> {
  return inBatches(
    async (limit) => (await prisma.session.findMany({ where: { updatedAt: { lt: cutoff } }, select: { key: true }, take: limit })).map((s) => s.key),
    async (keys) => (await prisma.session.deleteMany({ where: { key: { in: keys }, updatedAt: { lt: cutoff } } })).count,
  );
}
