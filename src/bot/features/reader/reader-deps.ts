/** What the readers' features need, and the few steps they share. */
import { GrammyError } from "grammy";

import type { ChatRef } from "../../../config.js";
import type { ArticlesRepository } from "../../../db/articles.js";
import type { EngagementRepository } from "../../../db/engagement.js";
import type { SearchRepository } from "../../../db/search.js";
import type { SubscriberRecord, SubscribersRepository } from "../../../db/subscribers.js";
import type { ReaderTopics, TopicRecord } from "../../../db/topics.js";
import type { Translate } from "../../../i18n/translate.js";
import { slugifyTopic } from "../../../ingest/topics/slugify-topic.js";
import type { Logger } from "../../../logger.js";
import type { TokenBucket } from "../../../readers/token-bucket.js";
import type { LanguageNegotiator } from "../../language-negotiator.js";

export interface ReaderDeps {
  subscribers: SubscribersRepository;
  /** The topics readers see (only the editors' with TOPICS_OPEN=false). */
  topics: ReaderTopics;
  articles: ArticlesRepository;
  engagement: EngagementRepository;
  search: SearchRepository;
  /** Who speaks which language (a reader's /language choice is remembered there). */
  languages: LanguageNegotiator;
  /** Shared by /search and inline queries, keyed by the reader's id. */
  searchThrottle: TokenBucket;
  /** The channel /start names and links to (CHANNEL_ID). */
  channelId: ChatRef;
  timezone: string;
  now: () => Date;
  logger: Logger;
}

/** The reader behind a private-chat update, as the repositories need them. */
export interface ReaderIdentity {
  from: { id: number; username?: string; first_name: string; language_code?: string };
  chat: { id: number };
}

/** Registers the reader (once; later calls refresh their profile) and returns their settings and topics. */
export async function ensureReader(subscribers: SubscribersRepository, who: ReaderIdentity): Promise<SubscriberRecord> {
  const { record } = await subscribers.register({
    telegramId: who.from.id,
    chatId: who.chat.id,
    username: who.from.username ?? null,
    firstName: who.from.first_name,
    languageCode: who.from.language_code ?? null,
  });
  return record;
}

/** The topic a reader typed, by name or slug ("North Korea", "north-korea"). */
export function findTopic(topics: readonly TopicRecord[], asTyped: string): TopicRecord | undefined {
  const slug = slugifyTopic(asTyped);
  return slug ? topics.find((t) => t.slug === slug) : undefined;
}

/** The reply to a topic nobody knows: the topics there are, by the slug people type. */
export function unknownTopicText(t: Translate, asTyped: string, topics: readonly TopicRecord[]): string {
  return t("topic-unknown", { topic: asTyped, list: topicListText(t, topics) });
}

/** The topics there are, by the slug people type ("Topics: asia, europe"). */
export function topicListText(t: Translate, topics: readonly TopicRecord[]): string {
  return topics.length > 0 ? t("topics-list", { topics: topics.map((topic) => topic.slug).join(", ") }) : t("topics-list-empty");
}

/**
 * Runs an edit of a message the reader tapped a button under. Telegram refuses an edit
 * that changes nothing ("message is not modified"), which happens when two messages
 * show the same keyboard and one was already brought up to date: that is success.
 */
export async function editInPlace(edit: () => Promise<unknown>): Promise<void> {
  try {
    await edit();
  } catch (error) {
    if (error instanceof GrammyError && error.error_code === 400 && /message is not modified/i.test(error.description)) return;
    throw error;
  }
}
