/**
 * Counted clicks (the CountedClick table): which reader already clicked which post in which hour,
 * so a click is counted at most once per reader address, post and hour — across every instance
 * sharing the database. Only a keyed hash is stored, never an address: HMAC-SHA256 under a random
 * key made once per installation and kept in the Setting table, so the rows cannot be turned back
 * into addresses by trying all 2^32 IPv4 addresses without that key.
 */
import { createHmac, randomBytes } from "node:crypto";

import type { Db } from "./client.js";
import { isUniqueViolation } from "./prisma-errors.js";

const HOUR_MS = 3_600_000;

/** How many hours a counted click is remembered; it only matters for the hour it was counted in. */
export const COUNTED_CLICK_RETENTION_HOURS = 24;

/** The Setting that holds this installation's hashing key (hex). */
export const CLICK_KEY_SETTING = "clicks.hash_key";

export type CountedClicksRepository = ReturnType<typeof createCountedClicksRepository>;

function hourOf(date: Date): number {
  return Math.floor(date.getTime() / HOUR_MS);
}

export function createCountedClicksRepository(prisma: Db) {
  let key: Promise<Buffer> | null = null;
  let cleanedHour = Number.NEGATIVE_INFINITY;

  /** The installation's key: the stored one, or a new one stored unless another instance stored one first. */
  async function loadKey(): Promise<Buffer> {
    const stored = await prisma.setting.findUnique({ where: { key: CLICK_KEY_SETTING } });
    if (stored) return Buffer.from(stored.value, "hex");
    // Created, never upserted: two instances starting together must end up with the same key.
    try {
      await prisma.setting.create({ data: { key: CLICK_KEY_SETTING, value: randomBytes(32).toString("hex") } });
    } catch (error) {
      if (!isUniqueViolation(error)) throw error;
    }
    const created = await prisma.setting.findUniqueOrThrow({ where: { key: CLICK_KEY_SETTING } });
    return Buffer.from(created.value, "hex");
  }

  function hashKey(): Promise<Buffer> {
    key ??= loadKey().catch((error: unknown) => {
      key = null;
      throw error;
    });
    return key;
  }

  /** Deletes the counted clicks of hours before `now`'s hour minus the retention; returns how many. */
  async function forgetOld(now: Date): Promise<number> {
    const deleted = await prisma.countedClick.deleteMany({ where: { hour: { lt: hourOf(now) - COUNTED_CLICK_RETENTION_HOURS } } });
    return deleted.count;
  }

  return {
    /**
     * Records that `reader` (an address) clicked post `postId` at `now`. True when this is the
     * first such click in that hour (count it), false for a repeat. Old rows are deleted on the
     * first click of each hour this instance sees.
     */
    async recordFirst(reader: string, postId: number, now: Date): Promise<boolean> {
      const hour = hourOf(now);
      if (hour > cleanedHour) {
        cleanedHour = hour;
        await forgetOld(now);
      }
      const hash = createHmac("sha256", await hashKey()).update(`${reader}\n${postId}\n${hour}`).digest("hex");
      // ON CONFLICT DO NOTHING (same SQL on SQLite and PostgreSQL): a repeat is an ordinary answer,
      // not a unique violation PostgreSQL would log as an error for every second click.
      const inserted = await prisma.$executeRaw`INSERT INTO "CountedClick" ("hash", "hour") VALUES (${hash}, ${hour}) ON CONFLICT DO NOTHING`;
      return inserted === 1;
    },

    /** Deletes counted clicks older than {@link COUNTED_CLICK_RETENTION_HOURS} (a retention job may call it). */
    forgetOld,
  };
}
