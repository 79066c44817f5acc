/** Small runtime settings that survive restarts (posting paused, the admin chat after a migration, …). */
import type { Db } from "./client.js";
import { isUniqueViolation } from "./prisma-errors.js";

export type SettingsRepository = ReturnType<typeof createSettingsRepository>;

export function createSettingsRepository(prisma: Db) {
  return {
    async get(key: string): Promise<string | null> {
      const row = await prisma.setting.findUnique({ where: { key } });
      return row?.value ?? null;
    },
    async set(key: string, value: string): Promise<void> {
      await prisma.setting.upsert({ where: { key }, create: { key, value }, update: { value } });
    },
    /**
     * Replaces `key`'s value only while it is still `expected` (null: the key is absent): true
     * when this call changed it, false when someone else changed it first.
     */
    async swap(key: string, expected: string | null, next: string): Promise<boolean> {
      if (expected !== null) {
        const { count } = await prisma.setting.updateMany({ where: { key, value: expected }, data: { value: next } });
        return count === 1;
      }
      try {
        await prisma.setting.create({ data: { key, value: next } });
        return true;
      } catch (error) {
        if (isUniqueViolation(error)) return false;
        throw error;
      }
    },
    async delete(key: string): Promise<void> {
      await prisma.setting.deleteMany({ where: { key } });
    },
    /** Every setting whose key starts with `prefix`, in key order. */
    listByPrefix(prefix: string): Promise<{ key: string; value: string }[]> {
      return prisma.setting.findMany({ where: { key: { startsWith: prefix } }, orderBy: { key: "asc" }, select: { key: true, value: true } });
    },
  };
}
