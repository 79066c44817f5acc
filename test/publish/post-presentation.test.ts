/**
 * How channel posts look and sound, through the real outbox with Telegram faked at the HTTP
 * level: a photo with the post as its caption, a large link preview, plain text; silent
 * routine posts, loud and marked breaking news; never a keyboard; a refused picture goes out
 * once as a preview. On SQLite and PostgreSQL.
 */
import { afterEach, beforeEach, describe, expect, it } from "vitest";

import { createApp, type App } from "../../src/app/create-app.js";
import type { NewArticle } from "../../src/db/articles.js";
import { publishNextPost } from "../../src/publish/outbox.js";
import { visibleLength } from "../../src/publish/telegram-html.js";
import { numberedStory } from "../support/articles.js";
import { CHANNEL_ID, memoryLogger, testConfig } from "../support/config.js";
import { createTestDatabase, TEST_PROVIDERS, type TestDatabase } from "../support/database.js";
import { BOT_INFO, installFakeTelegram, type FakeTelegram } from "../support/telegram.js";
import { publicLookup } from "../support/web.js";

const T0 = new Date("2026-11-28T12:00:00Z");
const IMAGE = "https://news.example.com/images/ferry.jpg";
const STORY: Partial<NewArticle> = {
  headline: "Ferry <line> links the islands & the mainland",
  summary: "The harbour authority confirmed the ferry line. It starts next spring.",
  sourceName: "Island Times",
  topics: [{ slug: "islands", name: "Islands" }],
};
const TEXT =
  "<b>Ferry &lt;line&gt; links the islands &amp; the mainland</b>\n\nThe harbour authority confirmed the ferry line. It starts next spring.\n\n" +
  '<a href="https://news.example.com/story-1">Read more</a> · Island Times\n\n#islands';
const LARGE_PREVIEW = { url: "https://news.example.com/story-1", prefer_large_media: true, show_above_text: true };

describe.each(TEST_PROVIDERS)("how posts look on %s", (provider) => {
  let database: TestDatabase;
  let telegram: FakeTelegram;
  const apps: App[] = [];

  const startApp = async (env: Record<string, string> = {}) => {
    const { logger, lines } = memoryLogger("warn");
    const app = await createApp({
      config: testConfig(database.url, env),
      logger,
      botInfo: BOT_INFO,
      fetcherDeps: { lookup: publicLookup },
      now: () => T0,
    });
    apps.push(app);
    return { app, lines };
  };
  const channelCalls = () => telegram.calls.filter((c) => c.payload.chat_id === CHANNEL_ID);
  const media = async (app: App) => (await app.services.db.prisma.channelPost.findMany({ select: { media: true } })).map((p) => p.media);
  const store = (app: App, overrides: Partial<NewArticle> = {}) => app.services.articles.storeBatch([numberedStory(1, T0, { ...STORY, ...overrides })]);

  beforeEach(async () => {
    database = await createTestDatabase(provider);
    telegram = installFakeTelegram();
  });
  afterEach(async () => {
    for (const app of apps.splice(0)) await app.stop();
    await database.drop();
  });

  it("POST_MEDIA=photo (the default): a story with a picture is sent as a photo with the post as its caption, silently, without buttons", async () => {
    const { app } = await startApp();
    await store(app, { imageUrl: IMAGE });
    expect(await publishNextPost(app.outboxDeps)).toMatchObject({ kind: "sent" });
    expect(channelCalls()).toEqual([
      { method: "sendPhoto", payload: { chat_id: CHANNEL_ID, photo: IMAGE, caption: TEXT, parse_mode: "HTML", disable_notification: true } },
    ]);
    expect(await media(app)).toEqual(["photo"]);
  });

  it("an editor's photo wins over the story's picture", async () => {
    const { app } = await startApp();
    await store(app, { imageUrl: IMAGE, editorImage: "AgACAgEditorsPhoto" });
    await publishNextPost(app.outboxDeps);
    expect(channelCalls().map((c) => [c.method, c.payload.photo])).toEqual([["sendPhoto", "AgACAgEditorsPhoto"]]);
  });

  it("a story without a picture goes out as a large link preview above the text", async () => {
    const { app } = await startApp();
    await store(app);
    await publishNextPost(app.outboxDeps);
    expect(channelCalls()).toEqual([
      {
        method: "sendMessage",
        payload: { chat_id: CHANNEL_ID, text: TEXT, parse_mode: "HTML", disable_notification: true, link_preview_options: LARGE_PREVIEW },
      },
    ]);
    expect(await media(app)).toEqual(["preview"]);
  });

  it("POST_MEDIA=text: no picture and no preview, even when the story has an image", async () => {
    const { app } = await startApp({ POST_MEDIA: "text" });
    await store(app, { imageUrl: IMAGE });
    await publishNextPost(app.outboxDeps);
    expect(channelCalls()).toEqual([
      {
        method: "sendMessage",
        payload: { chat_id: CHANNEL_ID, text: TEXT, parse_mode: "HTML", disable_notification: true, link_preview_options: { is_disabled: true } },
      },
    ]);
    expect(await media(app)).toEqual(["text"]);
  });

  it("POST_MEDIA=preview with SILENT_POSTS=false: a preview even with an image, with notification", async () => {
    const { app } = await startApp({ POST_MEDIA: "preview", SILENT_POSTS: "false" });
    await store(app, { imageUrl: IMAGE });
    await publishNextPost(app.outboxDeps);
    expect(channelCalls()).toEqual([
      {
        method: "sendMessage",
        payload: { chat_id: CHANNEL_ID, text: TEXT, parse_mode: "HTML", disable_notification: false, link_preview_options: LARGE_PREVIEW },
      },
    ]);
  });

  it("a breaking post goes out with notification and the marker before its headline", async () => {
    const { app } = await startApp({ BREAKING_MARKER: "⚡" });
    const [stored] = await store(app, { imageUrl: IMAGE });
    const post = await app.services.posts.create({ articleId: stored!.id, origin: "editor" });
    await app.services.db.prisma.channelPost.update({ where: { id: post!.id }, data: { breaking: true } });
    await publishNextPost(app.outboxDeps);
    expect(channelCalls()).toEqual([
      { method: "sendPhoto", payload: { chat_id: CHANNEL_ID, photo: IMAGE, caption: `⚡ ${TEXT}`, parse_mode: "HTML", disable_notification: false } },
    ]);
  });

  it("a photo's caption keeps within 1024 characters after parsing: the summary is shortened, never the headline, source or link", async () => {
    const { app } = await startApp();
    const summary = "Fish & chips <cost> more at the harbour. ".repeat(60);
    await store(app, { imageUrl: IMAGE, summary });
    await publishNextPost(app.outboxDeps);
    const caption = String(channelCalls()[0]?.payload.caption);
    expect(visibleLength(caption)).toBeLessThanOrEqual(1024);
    expect(visibleLength(caption)).toBeGreaterThan(1024 - 45);
    expect(caption).toMatch(/^<b>Ferry &lt;line&gt; links the islands &amp; the mainland<\/b>\n\n(Fish &amp; chips &lt;cost&gt; more at the harbour\. )+/);
    expect(caption.endsWith('harbour.\n\n<a href="https://news.example.com/story-1">Read more</a> · Island Times\n\n#islands')).toBe(true);
  });

  it("when Telegram refuses the picture, the same post goes out once as a preview; it is logged and counted", async () => {
    const { app, lines } = await startApp();
    await store(app, { imageUrl: IMAGE });
    telegram.answer("sendPhoto", () => ({ error_code: 400, description: "Bad Request: wrong file identifier/HTTP URL specified" }));
    expect(await publishNextPost(app.outboxDeps)).toMatchObject({ kind: "sent" });
    expect(channelCalls().map((c) => c.method)).toEqual(["sendPhoto", "sendMessage"]);
    expect(channelCalls()[1]?.payload).toEqual({
      chat_id: CHANNEL_ID,
      text: TEXT,
      parse_mode: "HTML",
      disable_notification: true,
      link_preview_options: LARGE_PREVIEW,
    });
    expect(await app.services.db.prisma.channelPost.findMany({ select: { status: true, media: true, lastError: true } })).toEqual([
      { status: "sent", media: "preview", lastError: null },
    ]);
    expect(lines.filter((l) => l.msg === "Telegram refused the post's picture; sending it as a preview instead")).toHaveLength(1);
    expect(await app.services.metrics.scrape()).toMatch(/^newsdesk_post_photos_refused_total 1$/m);
    // Sent once: the next tick has nothing to send.
    expect(await publishNextPost(app.outboxDeps)).toEqual({ kind: "idle", reason: { code: "nothing-new" } });
    expect(channelCalls()).toHaveLength(2);
  });

  it("a refused picture whose preview Telegram refuses too fails once, reported, and is never sent twice", async () => {
    const { app } = await startApp();
    await store(app, { imageUrl: IMAGE });
    telegram.answer("sendPhoto", () => ({ error_code: 400, description: "Bad Request: IMAGE_PROCESS_FAILED" }));
    telegram.answer("sendMessage", (payload) =>
      payload.chat_id === CHANNEL_ID ? { error_code: 400, description: "Bad Request: message is too long" } : { result: { message_id: 1, date: 0, chat: { id: payload.chat_id, type: "supergroup" } } },
    );
    expect(await publishNextPost(app.outboxDeps)).toMatchObject({ kind: "not-sent", action: "fail" });
    expect(channelCalls().map((c) => c.method)).toEqual(["sendPhoto", "sendMessage"]);
    expect(await app.services.db.prisma.channelPost.findMany({ select: { status: true, lastError: true } })).toEqual([
      { status: "failed", lastError: '{"code":"refused","description":"Bad Request: message is too long"}' },
    ]);
  });

  it("other photo failures are not taken for a refused picture: a flood wait retries the photo later", async () => {
    const { app } = await startApp();
    await store(app, { imageUrl: IMAGE });
    telegram.answer("sendPhoto", () => ({ error_code: 429, description: "Too Many Requests: retry after 5", parameters: { retry_after: 5 } }));
    expect(await publishNextPost(app.outboxDeps)).toMatchObject({ kind: "not-sent", action: "retry" });
    expect(channelCalls().map((c) => c.method)).toEqual(["sendPhoto"]);
    expect(await app.services.metrics.scrape()).toMatch(/^newsdesk_post_photos_refused_total 0$/m);
  });

  it("POST_TEMPLATE lays out every post; CHANNEL_LANGUAGE words the default link", async () => {
    const { app } = await startApp({ POST_TEMPLATE: '{marker}<b>{headline}</b>\\n<i>{source}</i>\\n<a href="{link}">→</a>' });
    await store(app);
    await publishNextPost(app.outboxDeps);
    expect(channelCalls()[0]?.payload.text).toBe(
      '<b>Ferry &lt;line&gt; links the islands &amp; the mainland</b>\n<i>Island Times</i>\n<a href="https://news.example.com/story-1">→</a>',
    );
    await app.stop();
    apps.length = 0;
    telegram.reset();
    await database.drop();
    database = await createTestDatabase(provider);
    const { app: russian } = await startApp({ CHANNEL_LANGUAGE: "ru" });
    await store(russian);
    await publishNextPost(russian.outboxDeps);
    expect(String(channelCalls()[0]?.payload.text)).toContain('<a href="https://news.example.com/story-1">Читать дальше</a> · Island Times');
  });

  it("names the source by the feed's title, then the host, for stories stored without a source name", async () => {
    const { app } = await startApp();
    const feed = await app.services.feeds.add({ url: "https://news.example.com/feed.xml", title: "Harbour Gazette" });
    await store(app, { sourceName: null, feedId: feed.id });
    await app.services.articles.storeBatch([numberedStory(2, T0, { sourceName: null })]);
    await publishNextPost(app.outboxDeps);
    await publishNextPost(app.outboxDeps);
    // Which goes first is the selection's business; each names its source.
    expect(channelCalls().map((c) => String(c.payload.text).split("\n\n")[2]).sort()).toEqual([
      '<a href="https://news.example.com/story-1">Read more</a> · Harbour Gazette',
      '<a href="https://news.example.com/story-2">Read more</a> · news.example.com',
    ]);
  });
});
