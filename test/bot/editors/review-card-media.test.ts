/**
 * A review card or a draft shows the post exactly as it would appear: a photo with the post's
 * caption (the card's lines under it, all within Telegram's 1024 characters) when the post goes
 * out as a photo, else a text with the post's own link preview setting; decisions edit the
 * caption or the text in place. Stories stored by `cli ingest` (another process) get their card
 * at the bot's next publish tick, once.
 */
import { describe, expect, it } from "vitest";

import { formatWhen } from "../../../src/editorial/format-when.js";
import type { NewArticle } from "../../../src/db/articles.js";
import { planPostMessage } from "../../../src/publish/post-message.js";
import { visibleLength } from "../../../src/publish/telegram-html.js";
import { ADMIN_CHAT_ID, CHANNEL_ID } from "../../support/config.js";
import { TEST_PROVIDERS } from "../../support/database.js";
import { cardButtons, START, startHarness, TIMEZONE, useEditorHarness, type EditorTestState } from "./editor-harness.js";

const IMAGE = "https://img.example.com/bridge.jpg";
const SENTENCE = "The council said on Monday that the work would take two years and cost less than first planned, with the bridge open to walkers throughout. ";
const URL = "https://news.example.com/bridge-repairs";

/** A story as a review feed's ingest stores it (as `cli ingest` does, in its own process): with its post waiting for review. */
function reviewStory(overrides: Partial<NewArticle> = {}): NewArticle {
  return {
    url: URL, guid: null, feedId: null, headline: "Bridge repairs start in the spring", summary: SENTENCE.repeat(9).trim(), body: "", section: null,
    author: null, language: "en", imageUrl: IMAGE, publishedAt: new Date(START.getTime() - 30 * 60_000), modifiedAt: null, sortAt: START,
    headlineKey: "bridge repairs start in the spring", autoPost: false, source: "feed", topics: [], otherUrls: [], review: true, ...overrides,
  };
}

const REVIEW_BUTTONS = (id: number) => cardButtons(id, "review");

/** The admin chat's calls of `method`. */
const adminCalls = (state: EditorTestState, method: string) => state.telegram.callsTo(method).filter((c) => c.payload.chat_id === ADMIN_CHAT_ID).map((c) => c.payload);

/**
 * The card of post `id` as planned in `media`: the post (planned leaving room for the lines, as
 * the outbox's own planner does it) and the card's lines, "{when}" being the story's time.
 */
async function expectedCard(state: EditorTestState, id: number, media: "photo" | "preview" | "text", ...lines: string[]) {
  const { app, clock } = state.harness;
  const post = (await app.services.posts.get(id))!;
  const when = formatWhen(new Date(START.getTime() - 30 * 60_000), TIMEZONE, clock.now);
  const tail = lines.map((l) => l.replace("{when}", when)).join("\n");
  const message = planPostMessage(post, app.outboxDeps.style, media, visibleLength(`\n\n${tail}`));
  return message.media === "photo" ? { caption: `${message.caption}\n\n${tail}` } : { text: `${message.text}\n\n${tail}`, linkPreview: message.linkPreview };
}

describe.each(TEST_PROVIDERS)("stories from cli ingest get their card at the bot's tick, on %s", (provider) => {
  const editors = useEditorHarness(provider);

  it("one card after the publish tick, none at the next", async () => {
    await editors.harness.app.services.articles.storeBatch([reviewStory({ imageUrl: null, summary: "The council said the work would take two years." })]);
    expect(adminCalls(editors, "sendMessage")).toEqual([]);

    await editors.harness.app.scheduler.runNow("publish");
    const card = await expectedCard(editors, 1, "preview", "🔎 For review #1 · news.example.com · {when}");
    expect(adminCalls(editors, "sendMessage")).toEqual([
      { chat_id: ADMIN_CHAT_ID, text: card.text, parse_mode: "HTML", link_preview_options: card.linkPreview, reply_markup: { inline_keyboard: REVIEW_BUTTONS(1) } },
    ]);
    const row = await editors.harness.app.services.db.prisma.channelPost.findUniqueOrThrow({ where: { id: 1 }, select: { status: true, cardMessageId: true } });
    expect(row).toEqual({ status: "review", cardMessageId: expect.any(BigInt) });

    await editors.harness.app.scheduler.runNow("publish");
    expect(adminCalls(editors, "sendMessage")).toHaveLength(1);
    expect(editors.telegram.callsTo("sendMessage").filter((c) => c.payload.chat_id === CHANNEL_ID)).toEqual([]);
  });

  it("two instances' ticks at once send one card", async () => {
    await editors.harness.app.services.articles.storeBatch([reviewStory({ imageUrl: null })]);
    const other = await startHarness(editors.database, editors.telegram);
    try {
      await Promise.all([editors.harness.app.newsroom.reviews.sendNewCards(), other.app.newsroom.reviews.sendNewCards()]);
    } finally {
      await other.app.stop();
    }
    expect(adminCalls(editors, "sendMessage")).toHaveLength(1);
  });
});

describe("review cards and drafts show the post as it would appear", () => {
  const editors = useEditorHarness("sqlite");
  const restart = async (env: Record<string, string>) => {
    await editors.harness.app.stop();
    editors.harness = await startHarness(editors.database, editors.telegram, { env });
  };
  const cardMessageId = async (id: number) =>
    Number((await editors.harness.app.services.db.prisma.channelPost.findUniqueOrThrow({ where: { id }, select: { cardMessageId: true } })).cardMessageId);

  it("POST_MEDIA=photo: a photo card whose caption fits 1024 characters, edited in its caption after Post", async () => {
    await editors.harness.app.services.articles.storeBatch([reviewStory()]);
    await editors.harness.app.scheduler.runNow("publish");

    const card = await expectedCard(editors, 1, "photo", "🔎 For review #1 · news.example.com · {when}");
    expect(adminCalls(editors, "sendMessage")).toEqual([]);
    expect(adminCalls(editors, "sendPhoto")).toEqual([
      { chat_id: ADMIN_CHAT_ID, photo: IMAGE, caption: card.caption, parse_mode: "HTML", reply_markup: { inline_keyboard: REVIEW_BUTTONS(1) } },
    ]);
    // The lines fit because the summary was shortened; the headline and the link are whole.
    expect(visibleLength(card.caption!)).toBeLessThanOrEqual(1024);
    expect(card.caption).toContain(SENTENCE.trim());
    expect(card.caption).not.toContain(SENTENCE.repeat(9).trim());
    expect(card.caption).toContain(`<b>Bridge repairs start in the spring</b>`);
    expect(card.caption).toContain(`href="${URL}"`);

    await editors.harness.pressOn(await cardMessageId(1), "ed:rpost:1");
    expect(editors.telegram.callsTo("sendPhoto").filter((c) => c.payload.chat_id === CHANNEL_ID)).toHaveLength(1);
    const decided = await expectedCard(editors, 1, "photo", "🔎 For review #1 · news.example.com · {when}", "✅ Posted by Ann at 10:00 as #1");
    expect(editors.telegram.callsTo("editMessageCaption").map((c) => c.payload)).toEqual([
      { chat_id: ADMIN_CHAT_ID, message_id: await cardMessageId(1), caption: decided.caption, parse_mode: "HTML", reply_markup: { inline_keyboard: [] } },
    ]);
    expect(editors.telegram.callsTo("editMessageText")).toEqual([]);
  });

  it("when Telegram refuses the card's picture, the card comes as a text with the post's preview, and decisions edit that text", async () => {
    editors.telegram.answer("sendPhoto", () => ({ error_code: 400, description: "Bad Request: wrong file identifier/HTTP URL specified" }));
    editors.telegram.answer("editMessageCaption", () => ({ error_code: 400, description: "Bad Request: there is no caption in the message to edit" }));
    await editors.harness.app.services.articles.storeBatch([reviewStory()]);
    await editors.harness.app.scheduler.runNow("publish");

    const card = await expectedCard(editors, 1, "preview", "🔎 For review #1 · news.example.com · {when}");
    expect(adminCalls(editors, "sendMessage")).toEqual([
      { chat_id: ADMIN_CHAT_ID, text: card.text, parse_mode: "HTML", link_preview_options: card.linkPreview, reply_markup: { inline_keyboard: REVIEW_BUTTONS(1) } },
    ]);
    expect(card.linkPreview).toEqual({ url: URL, prefer_large_media: true, show_above_text: true });

    await editors.harness.pressOn(await cardMessageId(1), "ed:rskip:1");
    const decided = await expectedCard(editors, 1, "preview", "🔎 For review #1 · news.example.com · {when}", "🗑 Skipped by Ann at 10:00");
    expect(editors.telegram.callsTo("editMessageText").map((c) => c.payload)).toEqual([
      {
        chat_id: ADMIN_CHAT_ID,
        message_id: await cardMessageId(1),
        text: decided.text,
        parse_mode: "HTML",
        link_preview_options: decided.linkPreview,
        reply_markup: { inline_keyboard: [] },
      },
    ]);
  });

  it.each([
    ["preview", { url: URL, prefer_large_media: true, show_above_text: true }],
    ["text", { is_disabled: true }],
  ] as const)("POST_MEDIA=%s: a text card with the post's link preview setting, edited as a text", async (media, linkPreview) => {
    await restart({ POST_MEDIA: media });
    await editors.harness.app.services.articles.storeBatch([reviewStory()]);
    await editors.harness.app.scheduler.runNow("publish");

    const card = await expectedCard(editors, 1, media, "🔎 For review #1 · news.example.com · {when}");
    expect(card.linkPreview).toEqual(linkPreview);
    expect(adminCalls(editors, "sendPhoto")).toEqual([]);
    expect(adminCalls(editors, "sendMessage")).toEqual([
      { chat_id: ADMIN_CHAT_ID, text: card.text, parse_mode: "HTML", link_preview_options: linkPreview, reply_markup: { inline_keyboard: REVIEW_BUTTONS(1) } },
    ]);

    await editors.harness.pressOn(await cardMessageId(1), "ed:rpost:1");
    const decided = await expectedCard(editors, 1, media, "🔎 For review #1 · news.example.com · {when}", "✅ Posted by Ann at 10:00 as #1");
    expect(editors.telegram.callsTo("editMessageText").map((c) => c.payload)).toEqual([
      { chat_id: ADMIN_CHAT_ID, message_id: await cardMessageId(1), text: decided.text, parse_mode: "HTML", link_preview_options: linkPreview, reply_markup: { inline_keyboard: [] } },
    ]);
    expect(editors.telegram.callsTo("editMessageCaption")).toEqual([]);
  });

  it("/queue <link> of a story with a picture: the draft card is a photo, and Breaking edits its caption", async () => {
    await editors.harness.app.services.articles.storeBatch([reviewStory({ review: false, source: "page" })]);
    await editors.harness.say(`/queue ${URL}`);

    const lines = ["📝 Draft #1 by Ann · news.example.com · {when}", "Nothing goes out until an editor presses Post now or Schedule."];
    const card = await expectedCard(editors, 1, "photo", ...lines);
    expect(adminCalls(editors, "sendPhoto")).toEqual([
      {
        chat_id: ADMIN_CHAT_ID,
        photo: IMAGE,
        caption: card.caption,
        parse_mode: "HTML",
        reply_markup: { inline_keyboard: cardButtons(1, "draft") },
      },
    ]);

    await editors.harness.pressOn(await cardMessageId(1), "ed:rbreak:1");
    const decided = await expectedCard(editors, 1, "photo", "📝 Draft #1 by Ann · news.example.com · {when}", "🔴 Posted as breaking news by Ann at 10:00 as #1");
    expect(editors.telegram.callsTo("editMessageCaption").map((c) => c.payload)).toEqual([
      { chat_id: ADMIN_CHAT_ID, message_id: await cardMessageId(1), caption: decided.caption, parse_mode: "HTML", reply_markup: { inline_keyboard: [] } },
    ]);
    expect(String(decided.caption).startsWith("🔴 <b>Bridge repairs start in the spring</b>")).toBe(true);
  });
});
