/**
 * What a feed does after a story went out, through the real ingest with the feed served by msw:
 * a changed headline becomes one card for the editors (Apply to channel post · Ignore), and a
 * story an editor killed is never posted when its item shows up again. On SQLite and PostgreSQL.
 */
import { describe, expect, it } from "vitest";

import { ingestAllFeeds } from "../../src/ingest/ingest-feeds.js";
import { publishNextPost } from "../../src/publish/outbox.js";
import { EDITOR, OUTSIDER, START, useEditorHarness } from "../bot/editors/editor-harness.js";
import { ADMIN_CHAT_ID, CHANNEL_ID } from "../support/config.js";
import { TEST_PROVIDERS } from "../support/database.js";
import { rss, serve } from "../support/web.js";

const FEED = "https://news.example.com/islands/rss.xml";
const LINK = "https://news.example.com/islands/ferry-line";
const TEXT = "The harbour authority confirmed on Monday that the new ferry line will start running next spring, linking the two islands for the first time in decades.";
/** The ferry story's channel post under `headline`, exactly as the outbox formats it. */
const ferryPost = (headline: string, summary: string) => `<b>${headline}</b>\n\n${summary}\n\n<a href="${LINK}">Read more</a> · Test News\n\n#islands`;
const ARCHIVE = { title: "Archive: lighthouse restored", link: "https://news.example.com/islands/lighthouse", description: TEXT };

describe.each(TEST_PROVIDERS)("headline corrections and killed stories on %s", (provider) => {
  const editors = useEditorHarness(provider);
  const app = () => editors.harness.app;
  const prisma = () => app().services.db.prisma;
  const minutes = (n: number) => (editors.harness.clock.now = new Date(editors.harness.clock.now.getTime() + n * 60_000));

  /** The feed serves `title` for the ferry story (next to its archive item); one ingest run. */
  const ingestWith = async (title: string) => {
    serve(FEED, rss([{ title, link: LINK, description: TEXT, pubDate: new Date(START.getTime() - 10 * 60_000) }, ARCHIVE]));
    return ingestAllFeeds(app().ingestDeps);
  };

  /** A feed whose back catalogue is stored; the ferry story arrives next and is posted. */
  const postFerryStory = async () => {
    await app().services.feeds.add({ url: FEED });
    serve(FEED, rss([ARCHIVE]));
    await ingestAllFeeds(app().ingestDeps);
    minutes(5);
    expect((await ingestWith("Ferry line to start in spring")).stored).toBe(1);
    const sent = await publishNextPost(app().outboxDeps);
    expect(sent).toMatchObject({ kind: "sent", postId: 1 });
    editors.telegram.reset();
    return (sent as { messageId: number }).messageId;
  };

  const card = (id: number, old: string, next: string) => ({
    chat_id: ADMIN_CHAT_ID,
    text: `✏️ The feed changed the headline of post #1.\nOld: “${old}”\nNew: “${next}”`,
    parse_mode: "HTML",
    link_preview_options: { is_disabled: true },
    reply_markup: {
      inline_keyboard: [
        [
          { text: "Apply to channel post", callback_data: `ed:corr:apply:${id}` },
          { text: "Ignore", callback_data: `ed:corr:ignore:${id}` },
        ],
      ],
    },
  });
  const adminMessages = () => editors.telegram.callsTo("sendMessage").filter((c) => c.payload.chat_id === ADMIN_CHAT_ID).map((c) => c.payload);
  const lastAnswer = () => editors.telegram.callsTo("answerCallbackQuery").at(-1)?.payload;

  it("offers a changed headline once; Apply edits the channel post, the story and the audit log, and the card says who", async () => {
    const messageId = await postFerryStory();
    const summary = (await prisma().article.findUniqueOrThrow({ where: { url: LINK } })).summary;
    minutes(5);
    await ingestWith("Ferry line to start in April");
    expect(adminMessages()).toEqual([card(1, "Ferry line to start in spring", "Ferry line to start in April")]);

    // The feed keeps the new headline: no second card on the next runs.
    minutes(5);
    await ingestWith("Ferry line to start in April");
    await ingestWith("Ferry line to start in April");
    expect(adminMessages()).toHaveLength(1);

    await editors.harness.press("ed:corr:apply:1", OUTSIDER);
    expect(lastAnswer()).toMatchObject({ show_alert: true });
    expect(editors.telegram.callsTo("editMessageText")).toEqual([]);

    await editors.harness.press("ed:corr:apply:1");
    expect(editors.telegram.callsTo("editMessageText").map((c) => c.payload)).toEqual([
      {
        chat_id: CHANNEL_ID,
        message_id: messageId,
        text: ferryPost("Ferry line to start in April", summary),
        parse_mode: "HTML",
        link_preview_options: { url: LINK, prefer_large_media: true, show_above_text: true },
      },
      {
        chat_id: ADMIN_CHAT_ID,
        message_id: 9000,
        text:
          "✏️ The feed changed the headline of post #1.\nOld: “Ferry line to start in spring”\nNew: “Ferry line to start in April”\n" +
          "✅ Applied to the channel post by Ann at Mon 30 Nov 10:15.",
        parse_mode: "HTML",
        link_preview_options: { is_disabled: true },
      },
    ]);
    expect(lastAnswer()).toMatchObject({ text: "Applied." });
    expect((await app().services.posts.get(1))!.article.headline).toBe("Ferry line to start in April");
    expect(await prisma().auditLog.findMany({ select: { actorId: true, action: true, subject: true, before: true, after: true } })).toEqual([
      {
        actorId: BigInt(EDITOR.id),
        action: "post.correct_headline",
        subject: "post #1",
        before: JSON.stringify({ headline: "Ferry line to start in spring" }),
        after: JSON.stringify({ headline: "Ferry line to start in April" }),
      },
    ]);
    expect(await prisma().postCorrection.findMany({ select: { status: true, decidedById: true, decidedByName: true } })).toEqual([
      { status: "applied", decidedById: BigInt(EDITOR.id), decidedByName: "Ann" },
    ]);

    // A decided card changes nothing more.
    await editors.harness.press("ed:corr:ignore:1");
    expect(lastAnswer()).toEqual({
      callback_query_id: expect.any(String),
      text: "Already decided by Ann at Mon 30 Nov 10:15 (applied).",
      show_alert: true,
    });
    expect(editors.telegram.callsTo("editMessageText")).toHaveLength(2);
  });

  it("Ignore leaves the post as it is; a later change gets its own card, and a photo post's caption is what Apply edits", async () => {
    const messageId = await postFerryStory();
    const summary = (await prisma().article.findUniqueOrThrow({ where: { url: LINK } })).summary;
    minutes(5);
    await ingestWith("Ferry line to start in April");
    await editors.harness.press("ed:corr:ignore:1");
    expect(editors.telegram.callsTo("editMessageText").map((c) => c.payload)).toEqual([
      {
        chat_id: ADMIN_CHAT_ID,
        message_id: 9000,
        text:
          "✏️ The feed changed the headline of post #1.\nOld: “Ferry line to start in spring”\nNew: “Ferry line to start in April”\n" +
          "🚫 Ignored by Ann at Mon 30 Nov 10:10; the post keeps its headline.",
        parse_mode: "HTML",
        link_preview_options: { is_disabled: true },
      },
    ]);
    expect((await app().services.posts.get(1))!.article.headline).toBe("Ferry line to start in spring");

    await prisma().channelPost.update({ where: { id: 1 }, data: { media: "photo" } });
    minutes(5);
    await ingestWith("Ferry line to start in May");
    expect(adminMessages().at(-1)).toEqual(card(2, "Ferry line to start in spring", "Ferry line to start in May"));
    await editors.harness.press("ed:corr:apply:2");
    expect(editors.telegram.callsTo("editMessageCaption").map((c) => c.payload)).toEqual([
      { chat_id: CHANNEL_ID, message_id: messageId, caption: ferryPost("Ferry line to start in May", summary), parse_mode: "HTML" },
    ]);
    expect(await prisma().auditLog.findMany({ orderBy: { id: "asc" }, select: { action: true } })).toEqual([
      { action: "post.ignore_correction" },
      { action: "post.correct_headline" },
    ]);
  });

  it("a killed story is never posted, even when its item shows up again on the next ingest", async () => {
    await app().services.feeds.add({ url: FEED });
    serve(FEED, rss([ARCHIVE]));
    await ingestAllFeeds(app().ingestDeps);
    minutes(5);
    expect((await ingestWith("Ferry line to start in spring")).stored).toBe(1);
    editors.telegram.reset();

    await editors.harness.say(`/kill ${LINK}`);
    expect(editors.harness.sent()).toEqual([
      "Killed “Ferry line to start in spring”: it will never be posted and is gone from /latest, /popular, /search, inline results, digests and alerts.",
    ]);
    minutes(5);
    expect((await ingestWith("Ferry line to start in spring")).stored).toBe(0);
    expect(await publishNextPost(app().outboxDeps)).toEqual({ kind: "idle", reason: { code: "nothing-new" } });
    expect(editors.telegram.callsTo("sendMessage").filter((c) => c.payload.chat_id === CHANNEL_ID)).toEqual([]);
    expect(await prisma().channelPost.count()).toBe(0);
    expect(await prisma().auditLog.findMany({ select: { action: true, subject: true } })).toEqual([{ action: "story.kill", subject: LINK }]);
  });
});
