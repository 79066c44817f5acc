/**
 * Review before posting: a review feed's new stories come to the admin chat as cards (at most
 * REVIEW_CARDS_PER_RUN per run, the rest under /review), editors decide with the buttons, and
 * every card is edited in place to say what happened and who decided.
 */
import { http, HttpResponse } from "msw";
import { describe, expect, it } from "vitest";

import { INGEST_JOB } from "../../../src/ingest/ingest-feeds.js";
import { formatWhen } from "../../../src/editorial/format-when.js";
import { ADMIN_CHAT_ID, CHANNEL_ID } from "../../support/config.js";
import { TEST_PROVIDERS } from "../../support/database.js";
import { server } from "../../support/msw.js";
import { rss, serve } from "../../support/web.js";
import { EDITOR, OUTSIDER, START, startHarness, TIMEZONE, useEditorHarness } from "./editor-harness.js";

const FEED_URL = "https://news.example.com/review.xml";
const LONG = "The council said on Monday that the work would take two years and cost less than first planned, with the bridge open to walkers throughout.";
const STORIES = ["Bridge repairs start in the spring", "Library opens a second floor", "Market moves to the harbour"].map((title, i) => ({
  title,
  link: `https://news.example.com/story-${i + 1}`,
  description: `${title}. ${LONG}`,
  pubDate: new Date(START.getTime() - (30 - i) * 60_000),
}));

const REVIEW_KEYBOARD = (id: number) => ({
  inline_keyboard: [
    [
      { text: "✅ Post", callback_data: `ed:rpost:${id}` },
      { text: "🕒 Schedule", callback_data: `ed:rsched:${id}` },
      { text: "✏️ Edit", callback_data: `ed:redit:${id}` },
    ],
    [
      { text: "🔴 Breaking", callback_data: `ed:rbreak:${id}` },
      { text: "🗑 Skip", callback_data: `ed:rskip:${id}` },
    ],
  ],
});

describe.each(TEST_PROVIDERS)("review cards on %s", (provider) => {
  const editors = useEditorHarness(provider);
  const prisma = () => editors.harness.app.services.db.prisma;
  const channelPosts = () => editors.telegram.callsTo("sendMessage").filter((c) => c.payload.chat_id === CHANNEL_ID);
  const answers = () => editors.telegram.callsTo("answerCallbackQuery").map((c) => c.payload.text);
  const edits = () => editors.telegram.callsTo("editMessageText").map((c) => c.payload);

  /** A review feed (already past its first fetch) serving `items`, then one ingest run through the bot's job. */
  const ingestReviewFeed = async (items: Parameters<typeof rss>[0], review = true) => {
    const feed = await editors.harness.app.services.feeds.add({ url: FEED_URL, title: "Harbour Times", review });
    await prisma().feed.update({ where: { id: feed.id }, data: { primedAt: new Date(START.getTime() - 3_600_000) } });
    serve(FEED_URL, rss(items, "Harbour Times"));
    expect(await editors.harness.app.scheduler.runNow(INGEST_JOB)).toBe(true);
  };

  /** The card's text for post `id` as it stands in the database, with its facts lines. */
  const cardText = async (id: number, ...lines: string[]) => {
    const post = await editors.harness.app.services.posts.get(id);
    const article = await prisma().article.findUniqueOrThrow({ where: { id: post!.articleId } });
    const when = formatWhen(article.publishedAt ?? article.sortAt, TIMEZONE, editors.harness.clock.now);
    return `${editors.harness.app.newsroom.posts.render(post!)}\n\n${lines.map((l) => l.replace("{when}", when)).join("\n")}`;
  };

  /** The link preview post `id` goes out with (stories without a picture go out as previews by default): its card has the same. */
  const previewOf = async (id: number) => {
    const post = await editors.harness.app.services.posts.get(id);
    const message = editors.harness.app.newsroom.posts.preview(post!);
    return message.media === "photo" ? null : message.linkPreview;
  };

  it("sends at most REVIEW_CARDS_PER_RUN cards, keeps the rest under /review, and posts nothing by itself", async () => {
    await editors.harness.app.stop();
    editors.harness = await startHarness(editors.database, editors.telegram, { env: { REVIEW_CARDS_PER_RUN: "2" } });
    await ingestReviewFeed(STORIES);

    expect(await prisma().channelPost.findMany({ orderBy: { id: "asc" }, select: { id: true, status: true, cardMessageId: true } })).toEqual([
      { id: 1, status: "review", cardMessageId: expect.any(BigInt) },
      { id: 2, status: "review", cardMessageId: expect.any(BigInt) },
      { id: 3, status: "review", cardMessageId: null },
    ]);
    const cards = editors.telegram.callsTo("sendMessage").filter((c) => c.payload.chat_id === ADMIN_CHAT_ID).map((c) => c.payload);
    expect(cards).toEqual([
      {
        chat_id: ADMIN_CHAT_ID,
        text: await cardText(1, "🔎 For review #1 · Harbour Times · {when}"),
        parse_mode: "HTML",
        link_preview_options: await previewOf(1),
        reply_markup: REVIEW_KEYBOARD(1),
      },
      {
        chat_id: ADMIN_CHAT_ID,
        text: await cardText(2, "🔎 For review #2 · Harbour Times · {when}"),
        parse_mode: "HTML",
        link_preview_options: await previewOf(2),
        reply_markup: REVIEW_KEYBOARD(2),
      },
    ]);
    // The publish job finds nothing to post: every story waits for an editor.
    await editors.harness.app.scheduler.runNow("publish");
    expect(channelPosts()).toHaveLength(0);

    // /review pages through all three.
    await editors.harness.say("/review");
    const page = editors.harness.last();
    expect(page).toEqual({
      chat_id: ADMIN_CHAT_ID,
      text: `${await cardText(1, "🔎 For review #1 · Harbour Times · {when}")}\n\n<i>Story 1 of 3 waiting for review</i>`,
      parse_mode: "HTML",
      link_preview_options: await previewOf(1),
      reply_markup: { inline_keyboard: [...REVIEW_KEYBOARD(1).inline_keyboard, [{ text: "Next ▶", callback_data: "ed:rpage:1" }]] },
    });
    await editors.harness.pressOn(4242, "ed:rpage:2");
    expect(edits().at(-1)).toEqual({
      chat_id: ADMIN_CHAT_ID,
      message_id: 4242,
      text: `${await cardText(3, "🔎 For review #3 · Harbour Times · {when}")}\n\n<i>Story 3 of 3 waiting for review</i>`,
      parse_mode: "HTML",
      link_preview_options: await previewOf(3),
      reply_markup: { inline_keyboard: [...REVIEW_KEYBOARD(3).inline_keyboard, [{ text: "◀ Previous", callback_data: "ed:rpage:1" }]] },
    });
    // The page is now story 3's card: deciding there edits it in place.
    expect(await prisma().channelPost.findUniqueOrThrow({ where: { id: 3 }, select: { cardMessageId: true } })).toEqual({ cardMessageId: 4242n });

    await editors.harness.say("/status");
    expect(editors.harness.sent().at(-1)).toContain("Waiting for review: 3 (/review)");
    await editors.harness.say("/queue");
    expect(editors.harness.sent().at(-1)).toBe(
      "Nothing is waiting to be posted.\n\n<b>For review</b>: 3 stories; /review shows them one card at a time.",
    );
  });

  it("Post sends the story and edits the card; a second press, and a non-editor's, change nothing", async () => {
    await ingestReviewFeed(STORIES.slice(0, 1));
    const cardId = Number((await prisma().channelPost.findUniqueOrThrow({ where: { id: 1 } })).cardMessageId);
    const preview = editors.harness.app.newsroom.posts.render((await editors.harness.app.services.posts.get(1))!);

    await editors.harness.pressOn(cardId, "ed:rpost:1", OUTSIDER);
    expect(editors.telegram.callsTo("answerCallbackQuery").at(-1)?.payload).toMatchObject({
      text: "Only editors can use these buttons: the administrators of this chat and the people listed in EDITOR_IDS.",
      show_alert: true,
    });
    expect(channelPosts()).toHaveLength(0);

    await editors.harness.pressOn(cardId, "ed:rpost:1");
    expect(channelPosts().map((c) => c.payload.text)).toEqual([preview]);
    expect(answers().at(-1)).toBe("Posted as #1.");
    expect(edits()).toEqual([
      {
        chat_id: ADMIN_CHAT_ID,
        message_id: cardId,
        text: await cardText(1, "🔎 For review #1 · Harbour Times · {when}", "✅ Posted by Ann at 10:00 as #1"),
        parse_mode: "HTML",
        link_preview_options: await previewOf(1),
        reply_markup: { inline_keyboard: [] },
      },
    ]);
    expect(await prisma().channelPost.findUniqueOrThrow({ where: { id: 1 } })).toMatchObject({
      status: "sent",
      origin: "editor",
      decision: "posted",
      decidedById: BigInt(EDITOR.id),
      decidedByName: "Ann",
      decidedAt: START,
    });
    expect(await prisma().auditLog.findMany({ select: { action: true, subject: true, actorName: true } })).toEqual([
      { action: "post.approve", subject: "post #1", actorName: "Ann" },
    ]);

    await editors.harness.pressOn(cardId, "ed:rskip:1", { id: 7003, first_name: "Eda" });
    // Eda is not in EDITOR_IDS: refused before anything else.
    expect(answers().at(-1)).toMatch(/^Only editors/);
    await editors.harness.pressOn(cardId, "ed:rskip:1");
    expect(answers().at(-1)).toBe("Already decided by Ann.");
    await editors.harness.pressOn(cardId, "ed:rsched:1");
    expect(answers().at(-1)).toBe("Already decided by Ann.");
    expect(edits()).toHaveLength(1);
    expect(channelPosts()).toHaveLength(1);
    expect(await prisma().channelPost.findUniqueOrThrow({ where: { id: 1 }, select: { status: true } })).toEqual({ status: "sent" });
  });

  it("Skip, Breaking and Schedule each edit the card to say who decided what", async () => {
    await ingestReviewFeed(STORIES);
    const cardOf = async (id: number) => Number((await prisma().channelPost.findUniqueOrThrow({ where: { id } })).cardMessageId);

    await editors.harness.pressOn(await cardOf(1), "ed:rskip:1");
    expect(answers().at(-1)).toBe("#1 was skipped.");
    expect(edits().at(-1)).toMatchObject({ message_id: await cardOf(1), text: await cardText(1, "🔎 For review #1 · Harbour Times · {when}", "🗑 Skipped by Ann at 10:00"), reply_markup: { inline_keyboard: [] } });

    await editors.harness.pressOn(await cardOf(2), "ed:rbreak:2");
    expect(answers().at(-1)).toBe("Posted as breaking news: #2.");
    expect(await prisma().channelPost.findUniqueOrThrow({ where: { id: 2 }, select: { status: true, breaking: true, decision: true } })).toEqual({
      status: "sent",
      breaking: true,
      decision: "breaking",
    });
    expect(edits().at(-1)).toMatchObject({ text: await cardText(2, "🔎 For review #2 · Harbour Times · {when}", "🔴 Posted as breaking news by Ann at 10:00 as #2") });

    await editors.harness.pressOn(await cardOf(3), "ed:rsched:3");
    expect(editors.harness.sent().at(-1)).toBe(
      "When should #3 go out? Send /reschedule 3 &lt;when&gt;, e.g. /reschedule 3 tomorrow 9am (now, 12:00, tomorrow 9am, in 2h, 2026-12-01 07:00).",
    );
    await editors.harness.say("/reschedule 3 18:30");
    expect(editors.harness.sent().at(-1)).toMatch(/^Post #3 .*18:30/);
    expect(await prisma().channelPost.findUniqueOrThrow({ where: { id: 3 }, select: { status: true, decision: true } })).toEqual({ status: "scheduled", decision: "scheduled" });
    expect(edits().at(-1)).toMatchObject({
      message_id: await cardOf(3),
      text: await cardText(3, "🔎 For review #3 · Harbour Times · {when}", "🕒 Scheduled by Ann for Mon 30 Nov 18:30 as #3"),
      reply_markup: { inline_keyboard: [] },
    });
    expect(channelPosts()).toHaveLength(1);
  });

  it("two editors pressing at once: exactly one decision wins", async () => {
    await ingestReviewFeed(STORIES.slice(0, 1));
    const cardId = Number((await prisma().channelPost.findUniqueOrThrow({ where: { id: 1 } })).cardMessageId);
    await Promise.all([editors.harness.pressOn(cardId, "ed:rpost:1"), editors.harness.pressOn(cardId, "ed:rskip:1", { id: 7001, first_name: "Ann" })]);
    const texts = answers();
    expect(texts).toHaveLength(2);
    expect(texts.filter((t) => t === "Already decided by Ann.")).toHaveLength(1);
    const row = await prisma().channelPost.findUniqueOrThrow({ where: { id: 1 }, select: { status: true, decision: true } });
    expect(row.decision === "posted" ? row.status === "sent" : row.status === "skipped").toBe(true);
    expect(channelPosts()).toHaveLength(row.decision === "posted" ? 1 : 0);
    expect(await prisma().auditLog.count()).toBe(1);
  });

  it("Edit explains /edit, and the edit shows on the card with its buttons", async () => {
    await ingestReviewFeed(STORIES.slice(0, 1));
    const cardId = Number((await prisma().channelPost.findUniqueOrThrow({ where: { id: 1 } })).cardMessageId);
    await editors.harness.pressOn(cardId, "ed:redit:1");
    expect(editors.harness.sent().at(-1)).toBe(
      "To correct #1 before it goes out, send /edit 1 headline &lt;new headline&gt; or /edit 1 summary &lt;new summary&gt;; the card shows the change.",
    );
    await editors.harness.say("/edit 1 headline Bridge repairs begin in April");
    expect(edits().at(-1)).toEqual({
      chat_id: ADMIN_CHAT_ID,
      message_id: cardId,
      text: await cardText(1, "🔎 For review #1 · Harbour Times · {when}"),
      parse_mode: "HTML",
      link_preview_options: await previewOf(1),
      reply_markup: REVIEW_KEYBOARD(1),
    });
    expect(String(edits().at(-1)?.text)).toContain("<b>Bridge repairs begin in April</b>");
  });

  it("holds a dead link (its page answered 404, the feed gave no text) for review, with the reason on its card", async () => {
    server.use(http.get("https://news.example.com/gone", () => new HttpResponse("not here", { status: 404 })));
    await ingestReviewFeed([{ title: "Ferry timetable changes", link: "https://news.example.com/gone", pubDate: new Date(START.getTime() - 600_000) }], false);
    expect(await prisma().article.findFirstOrThrow({ select: { holdReason: true, autoPost: true } })).toEqual({
      holdReason: '{"code":"dead-link","status":404}',
      autoPost: false,
    });
    expect(await prisma().channelPost.findFirstOrThrow({ select: { status: true } })).toEqual({ status: "review" });
    expect(editors.harness.last()).toEqual({
      chat_id: ADMIN_CHAT_ID,
      text: await cardText(
        1,
        "🔎 For review #1 · Harbour Times · {when}",
        "⚠️ Not posted automatically: its page answered 404 and the feed gave no text.",
      ),
      parse_mode: "HTML",
      link_preview_options: await previewOf(1),
      reply_markup: REVIEW_KEYBOARD(1),
    });
    await editors.harness.app.scheduler.runNow("publish");
    expect(channelPosts()).toHaveLength(0);
  });

  it("REVIEW_ALL sends every feed's new stories for review", async () => {
    await editors.harness.app.stop();
    editors.harness = await startHarness(editors.database, editors.telegram, { env: { REVIEW_ALL: "true" } });
    await ingestReviewFeed(STORIES.slice(0, 2), false);
    expect(await prisma().channelPost.findMany({ select: { status: true } })).toEqual([{ status: "review" }, { status: "review" }]);
    await editors.harness.app.scheduler.runNow("publish");
    expect(channelPosts()).toHaveLength(0);
  });
});
