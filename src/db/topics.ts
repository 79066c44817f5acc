/** Topics and the editors' keyword rules for them. */
import type { Db } from "./client.js";
import { isUniqueViolation } from "./prisma-errors.js";

export interface TopicRecord {
  id: number;
  slug: string;
  name: string;
}

export type TopicsRepository = ReturnType<typeof createTopicsRepository>;

export function createTopicsRepository(prisma: Db) {
  return {
    /** Every topic, alphabetically by slug. */
    list(): Promise<TopicRecord[]> {
      return prisma.topic.findMany({ orderBy: { slug: "asc" }, select: { id: true, slug: true, name: true } });
    },

    findBySlug(slug: string): Promise<TopicRecord | null> {
      return prisma.topic.findUnique({ where: { slug }, select: { id: true, slug: true, name: true } });
    },

    /** Creates the topic if it is new; returns it either way. */
    ensure(slug: string, name: string): Promise<TopicRecord> {
      return prisma.topic.upsert({
        where: { slug },
        create: { slug, name },
        update: {},
        select: { id: true, slug: true, name: true },
      });
    },

    /** Keyword rules: each topic's phrases. */
    async rules(): Promise<{ slug: string; phrases: string[] }[]> {
      const topics = await prisma.topic.findMany({
        where: { keywords: { some: {} } },
        select: { slug: true, keywords: { select: { phrase: true }, orderBy: { id: "asc" } } },
        orderBy: { slug: "asc" },
      });
      return topics.map((t) => ({ slug: t.slug, phrases: t.keywords.map((k) => k.phrase) }));
    },

    async addKeyword(topicId: number, phrase: string): Promise<void> {
      // Adding a phrase that is already there is not an error (two editors, one double tap).
      try {
        await prisma.topicKeyword.create({ data: { topicId, phrase } });
      } catch (error) {
        if (!isUniqueViolation(error)) throw error;
      }
    },

    async removeKeyword(topicId: number, phrase: string): Promise<boolean> {
      const deleted = await prisma.topicKeyword.deleteMany({ where: { topicId, phrase } });
      return deleted.count > 0;
    },
  };
}
