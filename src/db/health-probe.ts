/**
 * A real write, for the health checks: the database is writable when this succeeds. It
 * commits a small Setting row ("health.probe", the time) — which fails on a read-only
 * database, a lock held too long, a lost server — and, on SQLite, also makes room for 64 KB
 * in a transaction it rolls back, so a database that cannot grow (a full disk, or
 * `PRAGMA max_page_count`) fails it too, although an update in place would still fit.
 */
import type { Database } from "./client.js";

/** Settings key the probe writes. */
export const HEALTH_PROBE_KEY = "health.probe";
const ROOM_KEY = "health.probe.room";
const ROOM_BYTES = 64 * 1024;

class RollBack extends Error {}

export type HealthProbe = ReturnType<typeof createHealthProbe>;

export function createHealthProbe(db: Database) {
  const { prisma } = db;
  return {
    /** Resolves when the write went through; rejects with the driver's error when it did not. */
    async write(now: Date): Promise<void> {
      const value = now.toISOString();
      await prisma.setting.upsert({ where: { key: HEALTH_PROBE_KEY }, create: { key: HEALTH_PROBE_KEY, value }, update: { value } });
      if (db.provider !== "sqlite") return;
      await prisma
        .$transaction(async (tx) => {
          await tx.setting.create({ data: { key: ROOM_KEY, value: "x".repeat(ROOM_BYTES) } });
          throw new RollBack();
        })
        .catch((error: unknown) => {
          if (!(error instanceof RollBack)) throw error;
        });
    },
  };
}
