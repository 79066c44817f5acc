/** Readers who talk to the bot, and their topic subscriptions. */
import type { Db } from "./client.js";

export interface SubscriberProfile {
  telegramId: number;
  chatId: number;
  username?: string | null;
  firstName?: string | null;
  languageCode?: string | null;
}

export type SubscribersRepository = ReturnType<typeof createSubscribersRepository>;

export function createSubscribersRepository(prisma: Db) {
  return {
    /** Registers a reader, or refreshes their profile and marks them active again. */
    async register(profile: SubscriberProfile): Promise<{ id: number; created: boolean }> {
      const telegramId = BigInt(profile.telegramId);
      const data = {
        chatId: BigInt(profile.chatId),
        username: profile.username ?? null,
        firstName: profile.firstName ?? null,
        languageCode: profile.languageCode ?? null,
        status: "active",
      };
      const existing = await prisma.subscriber.findUnique({ where: { telegramId }, select: { id: true } });
      if (existing) {
        await prisma.subscriber.update({ where: { telegramId }, data });
        return { id: existing.id, created: false };
      }
      try {
        const row = await prisma.subscriber.create({ data: { telegramId, ...data }, select: { id: true } });
        return { id: row.id, created: true };
      } catch (error) {
        // Two updates of one new reader raced; the other created the row.
        if ((error as { code?: string }).code !== "P2002") throw error;
        const row = await prisma.subscriber.update({ where: { telegramId }, data, select: { id: true } });
        return { id: row.id, created: false };
      }
    },
  };
}
