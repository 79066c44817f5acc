/**
 * The readers' test stage: the whole app on a real database (one per provider
 * per test file), the fake Telegram, a clock the test moves, and builders for
 * the updates readers (and the channel) produce.
 */
import type { Update } from "grammy/types";
import { afterAll, afterEach, beforeAll, beforeEach, expect } from "vitest";

import { createApp, type App } from "../../../src/app/create-app.js";
import type { Database } from "../../../src/db/client.js";
import type { Provider } from "../../../src/db/schema-files.js";
import { topicNameFromSlug } from "../../../src/ingest/topics/slugify-topic.js";
import { CHANNEL_ID, memoryLogger, testConfig } from "../../support/config.js";
import { createTestDatabase, type TestDatabase } from "../../support/database.js";
import { allowLoopback } from "../../support/msw.js";
import { BOT_INFO, installFakeTelegram, type FakeTelegram } from "../../support/telegram.js";
import { publicLookup } from "../../support/web.js";
import { virtualTimeBudget } from "../../support/send-budget.js";

export const READER = { id: 42, first_name: "Ada", username: "ada" };
export const OTHER_READER = { id: 43, first_name: "Grace" };

/** The test's clock: starts at a fixed instant, moves only when told. */
export function createClock(start = new Date("2026-11-28T12:00:00Z")) {
  let now = start.getTime();
  return {
    now: () => new Date(now),
    advance(ms: number) {
      now += ms;
    },
  };
}

/** The app under test, and the warnings and errors it logged (a test expects none unless it says so). */
export async function startReaderApp(
  testDb: TestDatabase,
  db: Database,
  clock: ReturnType<typeof createClock>,
  env: Record<string, string> = {},
): Promise<{ app: App; problems: Record<string, unknown>[] }> {
  const { logger, lines } = memoryLogger("warn");
  const app = await createApp({
    config: testConfig(testDb.url, { TIMEZONE: "Europe/London", ...env }),
    logger,
    db,
    botInfo: BOT_INFO,
    fetcherDeps: { lookup: publicLookup },
    now: clock.now,
    sendBudget: virtualTimeBudget(),
  });
  return { app, problems: lines };
}

/** Empties every table the readers' tests write, between tests sharing one database. */
export async function emptyTables(db: Database): Promise<void> {
  const p = db.prisma;
  await p.alertDelivery.deleteMany();
  await p.countedClick.deleteMany();
  await p.channelPost.deleteMany();
  await p.subscription.deleteMany();
  await p.subscriber.deleteMany();
  await p.articleTopic.deleteMany();
  await p.article.deleteMany();
  await p.topic.deleteMany();
  await p.session.deleteMany();
  await p.setting.deleteMany();
}

/** Creates topics by slug (names made from the slug: "north-korea" -> "North Korea"). */
export async function createTopics(app: App, ...slugs: string[]) {
  const topics = [];
  for (const slug of slugs) topics.push(await app.services.topics.ensure(slug, topicNameFromSlug(slug)));
  return topics;
}

/** Stores one article (not for automatic posting) and returns its id. */
export async function storeArticle(
  app: App,
  article: { url: string; headline: string; summary?: string; topics?: string[]; sortAt: Date },
): Promise<number> {
  const [stored] = await app.services.articles.storeBatch([
    {
      url: article.url,
      guid: null,
      feedId: null,
      headline: article.headline,
      summary: article.summary ?? "",
      body: "",
      section: null,
      author: null,
      language: null,
      imageUrl: null,
      publishedAt: article.sortAt,
      modifiedAt: null,
      sortAt: article.sortAt,
      headlineKey: "",
      autoPost: false,
      source: "editor",
      topics: (article.topics ?? []).map((slug) => ({ slug, name: topicNameFromSlug(slug) })),
      otherUrls: [],
    },
  ]);
  if (stored === undefined) throw new Error(`article ${article.url} was not stored`);
  return stored.id;
}

/** Records an article as posted in the channel (what the outbox does after a send) and returns the post id. */
export async function markPosted(app: App, articleId: number, messageId: number, sentAt: Date): Promise<number> {
  const post = await app.services.posts.create({ articleId, origin: "editor" });
  if (!post) throw new Error("post not created");
  await app.services.posts.claim(post.id, "test", sentAt, 60_000);
  await app.services.posts.markSent(post.id, "test", { chatId: String(CHANNEL_ID), messageId, now: sentAt });
  return post.id;
}

let nextUpdateId = 900_000;

/** A tap on an inline button under a message the bot sent in the reader's private chat. */
export function buttonTap(
  data: string,
  from: { id: number; first_name: string; username?: string; language_code?: string } = READER,
  messageId = 500,
): Update {
  return {
    update_id: nextUpdateId++,
    callback_query: {
      id: `cb-${nextUpdateId}`,
      from: {
        id: from.id,
        is_bot: false,
        first_name: from.first_name,
        ...(from.username ? { username: from.username } : {}),
        ...(from.language_code ? { language_code: from.language_code } : {}),
      },
      chat_instance: "chat-instance-1",
      data,
      message: {
        message_id: messageId,
        date: Math.floor(Date.now() / 1000),
        chat: { id: from.id, type: "private", first_name: from.first_name },
        text: "(the bot's message)",
      },
    },
  };
}

/** An inline query ("@bot words") typed by a reader. */
export function inlineQuery(query: string, from: { id: number; first_name: string } = READER): Update {
  return {
    update_id: nextUpdateId++,
    inline_query: { id: `iq-${nextUpdateId}`, from: { id: from.id, is_bot: false, first_name: from.first_name }, query, offset: "" },
  };
}

/** Telegram's count of reactions on a channel message. */
export function reactionCount(messageId: number, counts: Record<string, number>, chat: { id: number; username?: string } = { id: CHANNEL_ID }): Update {
  return {
    update_id: nextUpdateId++,
    message_reaction_count: {
      chat: { id: chat.id, type: "channel", title: "News", ...(chat.username ? { username: chat.username } : {}) },
      message_id: messageId,
      date: Math.floor(Date.now() / 1000),
      reactions: Object.entries(counts).map(([emoji, total]) => ({ type: { type: "emoji", emoji }, total_count: total })),
    },
  } as Update;
}

/** The inline keyboard of a sent payload, as [label, callback data] rows. */
export function buttons(payload: Record<string, unknown>): [string, string][][] {
  const markup = payload.reply_markup as { inline_keyboard: { text: string; callback_data: string }[][] } | undefined;
  return (markup?.inline_keyboard ?? []).map((row) => row.map((b) => [b.text, b.callback_data]));
}

/** What one readers' test works with. */
export interface ReaderTestState {
  testDb: TestDatabase;
  db: Database;
  app: App;
  /** Warnings and errors the app logged; each test ends expecting none. */
  problems: Record<string, unknown>[];
  telegram: FakeTelegram;
  clock: ReturnType<typeof createClock>;
}

/**
 * One database on `provider` for the calling `describe`, emptied before each test,
 * with a fresh fake Telegram, clock and app per test. `serveHttp` lets the test call
 * the app's own HTTP server (msw lets loopback through; the server is closed after).
 */
export function useReaderApp(provider: Provider, options: { env?: Record<string, string>; serveHttp?: boolean } = {}): ReaderTestState {
  const state = {} as ReaderTestState;
  beforeAll(async () => {
    state.testDb = await createTestDatabase(provider);
    state.db = await state.testDb.open();
  });
  afterAll(async () => {
    await state.db.close();
    await state.testDb.drop();
  });
  beforeEach(async () => {
    await emptyTables(state.db);
    state.telegram = installFakeTelegram();
    if (options.serveHttp) allowLoopback();
    state.clock = createClock();
    ({ app: state.app, problems: state.problems } = await startReaderApp(state.testDb, state.db, state.clock, options.env));
  });
  afterEach(async () => {
    if (options.serveHttp) await state.app.server.close();
    await state.app.services.fetcher.close();
    expect(state.problems).toEqual([]);
  });
  return state;
}
