/** Readers who talk to the bot, and their topic subscriptions. */
import type { Db } from "./client.js";
import { isUniqueViolation } from "./prisma-errors.js";

/** Allowed values of Subscriber.alertMode: a DM per new post, one daily digest, or nothing. */
import { ALERT_MODES, type AlertMode } from "../readers/alert-mode.js";

export { ALERT_MODES, type AlertMode };

export interface SubscriberProfile {
  telegramId: number;
  chatId: number;
  username?: string | null;
  firstName?: string | null;
  languageCode?: string | null;
}

/** A reader's alert settings and the topics they follow. */
export interface SubscriberRecord {
  id: number;
  telegramId: bigint;
  alertMode: AlertMode;
  digestHour: number;
  topicIds: number[];
}

const recordSelect = {
  id: true,
  telegramId: true,
  alertMode: true,
  digestHour: true,
  subscriptions: { select: { topicId: true }, orderBy: { topicId: "asc" } },
} as const;

type RecordRow = { id: number; telegramId: bigint; alertMode: string; digestHour: number; subscriptions: { topicId: number }[] };

function toRecord(row: RecordRow): SubscriberRecord {
  const alertMode = (ALERT_MODES as readonly string[]).includes(row.alertMode) ? (row.alertMode as AlertMode) : "instant";
  return { id: row.id, telegramId: row.telegramId, alertMode, digestHour: row.digestHour, topicIds: row.subscriptions.map((s) => s.topicId) };
}

export type SubscribersRepository = ReturnType<typeof createSubscribersRepository>;

export function createSubscribersRepository(prisma: Db) {
  return {
    /**
     * Registers a reader, or refreshes their profile and marks them active again.
     * Writes nothing when the stored profile is already current.
     */
    async register(profile: SubscriberProfile): Promise<{ id: number; created: boolean; record: SubscriberRecord }> {
      const telegramId = BigInt(profile.telegramId);
      const data = {
        chatId: BigInt(profile.chatId),
        username: profile.username ?? null,
        firstName: profile.firstName ?? null,
        languageCode: profile.languageCode ?? null,
        status: "active",
      };
      const existing = await prisma.subscriber.findUnique({
        where: { telegramId },
        select: { ...recordSelect, chatId: true, username: true, firstName: true, languageCode: true, status: true },
      });
      if (existing) {
        const changed = (Object.keys(data) as (keyof typeof data)[]).some((key) => existing[key] !== data[key]);
        if (changed) await prisma.subscriber.update({ where: { telegramId }, data });
        return { id: existing.id, created: false, record: toRecord(existing) };
      }
      try {
        const row = await prisma.subscriber.create({ data: { telegramId, ...data }, select: recordSelect });
        return { id: row.id, created: true, record: toRecord(row) };
      } catch (error) {
        // Two updates of one new reader raced; the other created the row.
        if (!isUniqueViolation(error)) throw error;
        const row = await prisma.subscriber.update({ where: { telegramId }, data, select: recordSelect });
        return { id: row.id, created: false, record: toRecord(row) };
      }
    },

    /** A reader's settings and topics, or null when they are not registered. */
    async get(telegramId: number): Promise<SubscriberRecord | null> {
      const row = await prisma.subscriber.findUnique({ where: { telegramId: BigInt(telegramId) }, select: recordSelect });
      return row ? toRecord(row) : null;
    },

    /** Follows a topic; false when the reader already followed it. */
    async subscribe(subscriberId: number, topicId: number): Promise<boolean> {
      try {
        await prisma.subscription.create({ data: { subscriberId, topicId } });
        return true;
      } catch (error) {
        if (isUniqueViolation(error)) return false;
        throw error;
      }
    },

    /** Stops following a topic; false when the reader did not follow it. */
    async unsubscribe(subscriberId: number, topicId: number): Promise<boolean> {
      const deleted = await prisma.subscription.deleteMany({ where: { subscriberId, topicId } });
      return deleted.count > 0;
    },

    /** Stops following every topic; returns how many were dropped. */
    async unsubscribeAll(subscriberId: number): Promise<number> {
      const deleted = await prisma.subscription.deleteMany({ where: { subscriberId } });
      return deleted.count;
    },

    /** Follows the topic if the reader did not, otherwise stops following it; returns whether they follow it now. */
    async toggle(subscriberId: number, topicId: number): Promise<boolean> {
      if (await this.unsubscribe(subscriberId, topicId)) return false;
      await this.subscribe(subscriberId, topicId);
      return true;
    },

    /** Stores the reader's alert mode, and the digest hour when one is given. */
    async setAlerts(subscriberId: number, settings: { alertMode: AlertMode; digestHour?: number }): Promise<void> {
      await prisma.subscriber.update({
        where: { id: subscriberId },
        data: { alertMode: settings.alertMode, ...(settings.digestHour === undefined ? {} : { digestHour: settings.digestHour }) },
      });
    },

    /** How many readers are active and how many blocked the bot (for editors' stats). */
    /** Every reader's /language choice, by Telegram user id (readers without one are left out). */
    async chosenLanguages(): Promise<Map<number, string>> {
      const rows = await prisma.subscriber.findMany({ where: { language: { not: null } }, select: { telegramId: true, language: true } });
      return new Map(rows.flatMap((row) => (row.language ? [[Number(row.telegramId), row.language] as const] : [])));
    },

    /** Remembers a reader's language; false when they are not registered. */
    async chooseLanguage(telegramId: number, language: string): Promise<boolean> {
      const updated = await prisma.subscriber.updateMany({ where: { telegramId: BigInt(telegramId) }, data: { language } });
      return updated.count === 1;
    },

    async countByStatus(): Promise<{ active: number; blocked: number }> {
      const [active, blocked] = await Promise.all([
        prisma.subscriber.count({ where: { status: "active" } }),
        prisma.subscriber.count({ where: { status: "blocked" } }),
      ]);
      return { active, blocked };
    },

    /** Followers per topic, most followed first, then by slug; topics nobody follows included. */
    async countPerTopic(): Promise<{ slug: string; subscribers: number }[]> {
      const topics = await prisma.topic.findMany({ select: { slug: true, _count: { select: { subscriptions: true } } } });
      return topics
        .map((t) => ({ slug: t.slug, subscribers: t._count.subscriptions }))
        .sort((a, b) => b.subscribers - a.subscribers || (a.slug < b.slug ? -1 : a.slug > b.slug ? 1 : 0));
    },

    /** Deletes the reader with their subscriptions and alerts (cascade); false when there was nothing to delete. */
    async forget(telegramId: number): Promise<boolean> {
      const deleted = await prisma.subscriber.deleteMany({ where: { telegramId: BigInt(telegramId) } });
      return deleted.count > 0;
    },
  };
}
