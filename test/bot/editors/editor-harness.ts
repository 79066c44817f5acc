/**
 * The whole app with a fake Telegram, a fixed clock and one admin chat, for the
 * editors' stories. Editors are EDITOR_IDS (7001); 7002 is a member who is not.
 */
import { afterEach, beforeEach } from "vitest";

import { createApp, type App } from "../../../src/app/create-app.js";
import type { Provider } from "../../../src/db/schema-files.js";
import { ADMIN_CHAT_ID, memoryLogger, testConfig } from "../../support/config.js";
import { createTestDatabase, type TestDatabase } from "../../support/database.js";
import { BOT_INFO, groupMessage, groupPhoto, installFakeTelegram, privateMessage, type FakeTelegram } from "../../support/telegram.js";
import { publicLookup } from "../../support/web.js";
import { virtualTimeBudget } from "../../support/send-budget.js";

export const EDITOR = { id: 7001, first_name: "Ann", username: "ann_ed" };
export const OUTSIDER = { id: 7002, first_name: "Olly" };
/** Monday 30 November 2026, 10:00 in London. */
export const START = new Date("2026-11-30T10:00:00Z");
export const TIMEZONE = "Europe/London";

let nextUpdateId = 5_000_000;

/** A press on an inline button under a bot message in `chatId`. */
export function buttonPress(data: string, from: { id: number; first_name?: string; language_code?: string }, chatId: number = ADMIN_CHAT_ID, messageId = 9000) {
  const id = nextUpdateId++;
  return {
    update_id: id,
    callback_query: {
      id: `cb-${id}`,
      from: { id: from.id, is_bot: false, first_name: from.first_name ?? "Someone", ...(from.language_code ? { language_code: from.language_code } : {}) },
      chat_instance: "ci-1",
      data,
      message: {
        message_id: messageId,
        date: Math.floor(START.getTime() / 1000),
        chat: { id: chatId, type: "supergroup" as const, title: "Editors" },
        from: { id: BOT_INFO.id, is_bot: true, first_name: BOT_INFO.first_name },
        text: "earlier message",
      },
    },
  };
}

export interface Harness {
  app: App;
  clock: { now: Date };
  /** A message in the admin chat (by default from the editor). */
  say(text: string, from?: { id: number; first_name?: string; username?: string; language_code?: string }): Promise<void>;
  sayIn(chatId: number, text: string, from?: { id: number; first_name?: string }): Promise<void>;
  sayPrivately(text: string, from?: { id: number; first_name?: string }): Promise<void>;
  press(data: string, from?: { id: number; first_name?: string; language_code?: string }): Promise<void>;
  /** A press on a button under the bot's message `messageId` in the admin chat. */
  pressOn(messageId: number, data: string, from?: { id: number; first_name?: string }): Promise<void>;
  /** A photo in the admin chat (by default from the editor), optionally in reply to a message the bot sent. */
  showPhoto(fileId: string, options?: { replyTo?: Record<string, unknown>; from?: { id: number; first_name?: string } }): Promise<void>;
  /** Texts the bot sent to a chat (the admin chat by default), in order. */
  sent(chatId?: number): string[];
  /** The last message the bot sent to the admin chat, with its options. */
  last(): Record<string, unknown>;
}

/** Starts the app on `database` (not receiving updates: the test feeds them). */
export async function startHarness(
  database: TestDatabase,
  telegram: FakeTelegram,
  options: { env?: Record<string, string>; clock?: { now: Date } } = {},
): Promise<Harness> {
  const clock = options.clock ?? { now: START };
  const app = await createApp({
    config: testConfig(database.url, { EDITOR_IDS: String(EDITOR.id), TIMEZONE, ...options.env }),
    logger: memoryLogger().logger,
    botInfo: BOT_INFO,
    fetcherDeps: { lookup: publicLookup },
    now: () => clock.now,
    sendBudget: virtualTimeBudget(),
  });
  // The only instance: it holds the sender lease, as it would a moment after start.
  await app.sender.refresh();
  const messages = (chatId: number) => telegram.callsTo("sendMessage").filter((c) => c.payload.chat_id === chatId);
  return {
    app,
    clock,
    say: (text, from = EDITOR) => app.bot.handleUpdate(groupMessage(text, ADMIN_CHAT_ID, from)),
    sayIn: (chatId, text, from = EDITOR) => app.bot.handleUpdate(groupMessage(text, chatId, from)),
    sayPrivately: (text, from = EDITOR) => app.bot.handleUpdate(privateMessage(text, from)),
    press: (data, from = EDITOR) => app.bot.handleUpdate(buttonPress(data, from)),
    pressOn: (messageId, data, from = EDITOR) => app.bot.handleUpdate(buttonPress(data, from, ADMIN_CHAT_ID, messageId)),
    showPhoto: (fileId, photoOptions = {}) => app.bot.handleUpdate(groupPhoto(fileId, ADMIN_CHAT_ID, photoOptions.from ?? EDITOR, photoOptions.replyTo)),
    sent: (chatId = ADMIN_CHAT_ID) => messages(chatId).map((c) => String(c.payload.text)),
    last: () => messages(ADMIN_CHAT_ID).at(-1)?.payload ?? {},
  };
}

/** A news page the extractor reads: headline, standfirst and a few paragraphs. */
export function articlePage(headline: string, url: string): string {
  const escape = (s: string) => s.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;");
  const paragraphs = [
    "The harbour authority confirmed on Monday that the new ferry line will start running next spring, linking the two islands for the first time in decades.",
    "Officials said the service would run four times a day and carry up to three hundred passengers on each crossing, with lower fares for residents.",
    "Local businesses welcomed the decision, saying that the link would bring visitors throughout the year rather than only during the summer months.",
  ];
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>${escape(headline)}</title>
<link rel="canonical" href="${escape(url)}"><meta property="og:title" content="${escape(headline)}"></head>
<body><article><h1>${escape(headline)}</h1>${paragraphs.map((p) => `<p>${p}</p>`).join("")}</article></body></html>`;
}

/** What one editors' test works with; `harness` is replaced when a test restarts the app. */
export interface EditorTestState {
  database: TestDatabase;
  telegram: FakeTelegram;
  harness: Harness;
}

/**
 * Gives every test of the calling `describe` a fresh database on `provider`, the fake
 * Telegram and a started harness, and stops and drops them afterwards.
 */
export function useEditorHarness(provider: Provider, env: Record<string, string> = {}): EditorTestState {
  const state = {} as EditorTestState;
  beforeEach(async () => {
    state.database = await createTestDatabase(provider);
    state.telegram = installFakeTelegram();
    state.harness = await startHarness(state.database, state.telegram, { env });
  });
  afterEach(async () => {
    await state.harness.app.stop();
    await state.database.drop();
  });
  return state;
}

/** Stores a story and an editor's (Ann's) post of it, as /queue leaves them; `scheduledAt` null means the next slot. Returns the post's id. */
export async function queueEditorPost(app: App, headline: string, scheduledAt: Date | null): Promise<number> {
  const slug = headline.toLowerCase().replace(/\W+/g, "-");
  const [stored] = await app.services.articles.storeBatch([
    {
      url: `https://news.example.com/${slug}`, guid: null, feedId: null, headline, summary: `${headline}.`, body: "", section: null, author: null,
      language: null, imageUrl: null, publishedAt: null, modifiedAt: null, sortAt: START, headlineKey: headline.toLowerCase(), autoPost: false,
      source: "editor", topics: [], otherUrls: [],
    },
  ]);
  const post = await app.services.posts.create({ articleId: stored!.id, origin: "editor", scheduledAt, queuedById: BigInt(EDITOR.id), queuedByName: "Ann" });
  return post!.id;
}

/** The buttons under a review card ("review") or a draft's card ("draft") of post `id`, as Telegram gets them. */
export function cardButtons(id: number, kind: "review" | "draft") {
  return [
    [
      { text: kind === "draft" ? "✅ Post now" : "✅ Post", callback_data: `ed:rpost:${id}` },
      { text: "🕒 Schedule", callback_data: `ed:rsched:${id}` },
      { text: "✏️ Edit", callback_data: `ed:redit:${id}` },
    ],
    [
      { text: "🔴 Breaking", callback_data: `ed:rbreak:${id}` },
      { text: kind === "draft" ? "🗑 Cancel" : "🗑 Skip", callback_data: `ed:rskip:${id}` },
    ],
  ];
}
