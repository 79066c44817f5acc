/**
 * Breaking news: /breaking <link|id> and the 🔴 Breaking button post a story at once, ahead of
 * the queue, marked breaking, through the once-only outbox; readers following its topics are
 * alerted at once, even those who chose a daily digest.
 */
import { http, HttpResponse } from "msw";
import { describe, expect, it, vi } from "vitest";

import { createTranslations } from "../../../src/i18n/create-i18n.js";
import { formatAlert } from "../../../src/publish/alerts/format-alert.js";
import { fanOutNewPosts } from "../../../src/publish/alerts/fan-out-alerts.js";
import { publishNextPost } from "../../../src/publish/outbox.js";
import { ADMIN_CHAT_ID, CHANNEL_ID, memoryLogger } from "../../support/config.js";
import { TEST_PROVIDERS } from "../../support/database.js";
import { server } from "../../support/msw.js";
import { serve } from "../../support/web.js";
import { articlePage, EDITOR, OUTSIDER, queueEditorPost, START, useEditorHarness } from "./editor-harness.js";

const translator = createTranslations().translator;

const STORY_URL = "https://news.example.com/quake/coast";

/** The alert a reader following "weather" gets for the storm story at `link`. */
const stormAlert = (link: string) =>
  formatAlert(translator("en"), { headline: "Storm makes landfall tonight", summary: "Storm makes landfall tonight: the details.", link, followedTopics: ["weather"] });

describe.each(TEST_PROVIDERS)("breaking news on %s", (provider) => {
  const editors = useEditorHarness(provider);
  const prisma = () => editors.harness.app.services.db.prisma;
  const channelSends = () => editors.telegram.callsTo("sendMessage").filter((c) => c.payload.chat_id === CHANNEL_ID);

  /** A story in the queue behind another one, tagged `topic`; `pending` makes it a story for review (as a review feed stores it) or an editor's draft. */
  const storyWithTopic = async (headline: string, topic: string, pending?: "review" | "draft") => {
    const { services } = editors.harness.app;
    const [stored] = await services.articles.storeBatch([
      {
        url: `https://news.example.com/${topic}/${headline.length}`, guid: null, feedId: null, headline, summary: `${headline}: the details.`, body: "",
        section: null, author: null, language: "en", imageUrl: null, publishedAt: START, modifiedAt: null, sortAt: START, headlineKey: headline.toLowerCase(),
        autoPost: false, source: pending === "review" ? "feed" : "editor", topics: [{ slug: topic, name: topic }], otherUrls: [], review: pending === "review",
      },
    ]);
    if (pending === "review") return (await services.posts.findByArticle(stored!.id))!;
    const draft = pending === "draft" ? { status: "draft" as const } : {};
    return (await services.posts.create({ articleId: stored!.id, origin: "editor", queuedById: BigInt(EDITOR.id), queuedByName: "Ann", ...draft }))!;
  };

  it("/breaking <id> sends the post at once, ahead of the queue, marked breaking and audited", async () => {
    await queueEditorPost(editors.harness.app, "Queued first", null);
    const id = await queueEditorPost(editors.harness.app, "Earthquake hits the coast", null);
    await editors.harness.say(`/breaking ${id}`);

    const post = (await editors.harness.app.services.posts.get(id))!;
    const text = editors.harness.app.newsroom.posts.render(post);
    expect(text.startsWith("🔴 <b>Earthquake hits the coast</b>")).toBe(true);
    // Breaking news notifies.
    expect(channelSends().map((c) => c.payload)).toEqual([
      { chat_id: CHANNEL_ID, text, parse_mode: "HTML", link_preview_options: { url: post.article.url, prefer_large_media: true, show_above_text: true }, disable_notification: false },
    ]);
    expect(editors.harness.sent()).toEqual([
      `🔴 Breaking: post #${id} is in the channel now, with notification; readers following its topics are alerted at once.`,
    ]);
    expect(await prisma().channelPost.findUnique({ where: { id }, select: { status: true, breaking: true, origin: true } })).toEqual({
      status: "sent",
      breaking: true,
      origin: "editor",
    });
    expect(await prisma().auditLog.findMany({ where: { action: "post.breaking" }, select: { actorId: true, subject: true } })).toEqual([
      { actorId: BigInt(EDITOR.id), subject: `post #${id}` },
    ]);
    // Sent once: the outbox's next run takes the other post, not this one again.
    await publishNextPost(editors.harness.app.outboxDeps);
    expect(channelSends()).toHaveLength(2);
    expect(channelSends()[1]!.payload.text).toContain("Queued first");
  });

  it("/breaking <link> fetches a story no feed brought and posts it at once", async () => {
    serve(STORY_URL, articlePage("Quake on the coast", STORY_URL), "text/html; charset=utf-8");
    await editors.harness.say(`/breaking ${STORY_URL}`);
    const row = await prisma().channelPost.findFirst({ select: { id: true, status: true, breaking: true } });
    expect(row).toMatchObject({ status: "sent", breaking: true });
    expect(channelSends()).toHaveLength(1);
    expect(String(channelSends()[0]!.payload.text)).toContain("Quake on the coast");
    expect(editors.harness.sent()).toEqual([
      `🔴 Breaking: post #${row!.id} is in the channel now, with notification; readers following its topics are alerted at once.`,
    ]);
  });

  it("the 🔴 Breaking button under a preview does the same", async () => {
    const id = await queueEditorPost(editors.harness.app, "Dam breaks upstream", null);
    await editors.harness.press(`ed:breaking:${id}`);
    expect(editors.telegram.callsTo("answerCallbackQuery").map((c) => c.payload.text)).toEqual([`Sending post #${id} as breaking news…`]);
    expect(channelSends()).toHaveLength(1);
    expect(await prisma().channelPost.findUnique({ where: { id }, select: { status: true, breaking: true } })).toEqual({ status: "sent", breaking: true });
  });

  it("answers an unknown id, a word that is not a link, a page that cannot be fetched, and a post already in the channel plainly", async () => {
    server.use(http.get("https://news.example.com/gone", () => new HttpResponse("gone", { status: 404 })));
    await editors.harness.say("/breaking 99");
    await editors.harness.say("/breaking yesterday");
    await editors.harness.say("/breaking https://news.example.com/gone");
    await editors.harness.say("/breaking");
    const id = await queueEditorPost(editors.harness.app, "Already out", null);
    await publishNextPost(editors.harness.app.outboxDeps, { postId: id });
    await editors.harness.say(`/breaking ${id}`);
    const replies = editors.harness.sent();
    expect(replies.slice(0, 2)).toEqual([
      "There is no post #99. Use /breaking &lt;link&gt; or the id of a post from /scheduled.",
      "“yesterday” is neither a post id nor a web address. Use /breaking &lt;link&gt; or /breaking &lt;post id&gt;, e.g. /breaking 12.",
    ]);
    expect(replies[2]).toMatch(/^I could not fetch that page: .*404.*\. Nothing was posted\.$/);
    expect(replies[3]).toBe("Which story? Use /breaking &lt;link&gt; or /breaking &lt;post id&gt;, e.g. /breaking https://example.com/story");
    expect(replies[4]).toMatch(new RegExp(`^Post #${id} is already in the channel \\(sent `));
    expect(channelSends()).toHaveLength(1);
    expect(await prisma().channelPost.count({ where: { breaking: true } })).toBe(0);
  });

  it("is refused to someone who is not an editor, command and button alike", async () => {
    const id = await queueEditorPost(editors.harness.app, "Not for outsiders", null);
    await editors.harness.say(`/breaking ${id}`, OUTSIDER);
    await editors.harness.press(`ed:breaking:${id}`, OUTSIDER);
    expect(editors.harness.sent()).toEqual(["Only editors can use /breaking: the administrators of this chat and the people listed in EDITOR_IDS."]);
    expect(editors.telegram.callsTo("answerCallbackQuery").map((c) => c.payload)).toMatchObject([
      { text: "Only editors can use these buttons: the administrators of this chat and the people listed in EDITOR_IDS.", show_alert: true },
    ]);
    expect(channelSends()).toEqual([]);
    expect(await prisma().channelPost.findUnique({ where: { id }, select: { status: true, breaking: true } })).toEqual({ status: "queued", breaking: false });
  });

  it("alerts a reader who chose the daily digest at once, which a routine post does not", async () => {
    const { services } = editors.harness.app;
    const { id: readerId } = await services.subscribers.register({ telegramId: 61, chatId: 61, firstName: "Dana" });
    await prisma().subscriber.update({ where: { id: readerId }, data: { alertMode: "digest" } });
    const routine = await storyWithTopic("Council meets", "weather");
    const breaking = await storyWithTopic("Storm makes landfall tonight", "weather");
    const topic = await prisma().topic.findUniqueOrThrow({ where: { slug: "weather" } });
    await prisma().subscription.create({ data: { subscriberId: readerId, topicId: topic.id } });
    const readerSends = () => editors.telegram.callsTo("sendMessage").filter((c) => c.payload.chat_id === 61);

    await publishNextPost(editors.harness.app.outboxDeps, { postId: routine.id });
    await fanOutNewPosts({ alerts: services.alerts, settings: services.settings, logger: memoryLogger().logger, now: () => editors.harness.clock.now, publicUrl: null, translator });
    expect(await prisma().alertDelivery.count()).toBe(0);

    await editors.harness.say(`/breaking ${breaking.id}`);
    // No job tick: the breaking post itself kicks the fan-out and the sender (in the background: a loaded machine may take a while).
    await vi.waitFor(() => expect(readerSends()).toHaveLength(1), { timeout: 10_000 });
    expect(readerSends()[0]!.payload).toMatchObject({ chat_id: 61, text: stormAlert(breaking.article.url) });
    expect(ADMIN_CHAT_ID).not.toBe(61);
  });

  /** Dana, a reader who chose the daily digest and follows "weather". */
  const digestReaderFollowingWeather = async () => {
    const { services } = editors.harness.app;
    const { id: readerId } = await services.subscribers.register({ telegramId: 61, chatId: 61, firstName: "Dana" });
    await prisma().subscriber.update({ where: { id: readerId }, data: { alertMode: "digest" } });
    const topic = await prisma().topic.upsert({ where: { slug: "weather" }, create: { slug: "weather", name: "weather" }, update: {} });
    await prisma().subscription.create({ data: { subscriberId: readerId, topicId: topic.id } });
  };

  it.each(["review", "draft"] as const)("🔴 Breaking on a %s card goes the same way: the digest reader is alerted at once", async (pending) => {
    await digestReaderFollowingWeather();
    const story = await storyWithTopic("Storm makes landfall tonight", "weather", pending);
    const readerSends = () => editors.telegram.callsTo("sendMessage").filter((c) => c.payload.chat_id === 61);

    await editors.harness.press(`ed:rbreak:${story.id}`);
    expect(editors.telegram.callsTo("answerCallbackQuery").map((c) => c.payload.text)).toEqual([`Posted as breaking news: #${story.id}.`]);
    expect(channelSends().map((c) => c.payload.disable_notification)).toEqual([false]);
    expect(String(channelSends()[0]!.payload.text).startsWith("🔴 <b>Storm makes landfall tonight</b>")).toBe(true);
    // No job tick: the decision itself kicks the fan-out and the sender, as /breaking does.
    await vi.waitFor(() => expect(readerSends()).toHaveLength(1), { timeout: 10_000 });
    expect(readerSends()[0]!.payload).toEqual({ chat_id: 61, text: stormAlert(story.article.url), parse_mode: "HTML" });
    expect(await prisma().channelPost.findUnique({ where: { id: story.id }, select: { status: true, breaking: true, decision: true } })).toEqual({
      status: "sent",
      breaking: true,
      decision: "breaking",
    });
  });

  it("/breaking <id> of a story waiting for review is the editor's decision, shown on its card", async () => {
    const story = await storyWithTopic("Bridge closes after crash", "traffic", "review");
    await prisma().channelPost.update({ where: { id: story.id }, data: { cardChatId: String(ADMIN_CHAT_ID), cardMessageId: 777n } });
    await editors.harness.say(`/breaking ${story.id}`);
    expect(channelSends()).toHaveLength(1);
    expect(await prisma().channelPost.findUnique({ where: { id: story.id }, select: { status: true, breaking: true, decision: true, decidedByName: true } })).toEqual({
      status: "sent",
      breaking: true,
      decision: "breaking",
      decidedByName: "Ann",
    });
    const cardEdit = editors.telegram.callsTo("editMessageText").at(-1)?.payload;
    expect(cardEdit).toMatchObject({ chat_id: ADMIN_CHAT_ID, message_id: 777, reply_markup: { inline_keyboard: [] } });
    expect(String(cardEdit?.text)).toContain(`🔴 Posted as breaking news by Ann at 10:00 as #${story.id}`);
  });
});
