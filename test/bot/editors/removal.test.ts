/**
 * Removed stories: a post taken down with /delete, or a story an editor kills with /kill, is gone
 * from everything readers see — /latest (with and without a topic), /popular, /search, inline
 * results, digests and alerts not yet delivered. A killed story is never posted.
 */
import { beforeEach, describe, expect, it } from "vitest";

import { ALERT_JOBS } from "../../../src/app/alert-jobs.js";
import { publishNextPost } from "../../../src/publish/outbox.js";
import { ADMIN_CHAT_ID, CHANNEL_ID } from "../../support/config.js";
import { TEST_PROVIDERS } from "../../support/database.js";
import { privateMessage } from "../../support/telegram.js";
import { inlineQuery } from "../readers/reader-harness.js";
import { EDITOR, OUTSIDER, START, useEditorHarness } from "./editor-harness.js";

const READER = { id: 42, first_name: "Ada" };
const HARBOUR = { url: "https://news.example.com/harbour-reopens", headline: "Harbour reopens after storm" };
const FEES = { url: "https://news.example.com/harbour-fees", headline: "Harbour fees rise" };
const line = (story: { url: string; headline: string }) => `• <a href="${story.url}">${story.headline}</a>`;
/** What a reader sees of both stories. */
const EVERYTHING = {
  lists: [
    [line(HARBOUR), line(FEES)],
    [line(HARBOUR), line(FEES)],
    [`${line(HARBOUR)} — 5 reactions`, `${line(FEES)} — 1 reaction`],
    [line(HARBOUR), line(FEES)],
  ],
  inline: [["article-2", "article-1"], ["article-2", "article-1"]],
};
/** What a reader sees once the harbour story is removed: only the other story, everywhere. */
const WITHOUT_HARBOUR = {
  lists: [[line(FEES)], [line(FEES)], [`${line(FEES)} — 1 reaction`], [line(FEES)]],
  inline: [["article-1"], ["article-1"]],
};

describe.each(TEST_PROVIDERS)("removed stories on %s", (provider) => {
  const editors = useEditorHarness(provider);
  const app = () => editors.harness.app;
  const prisma = () => app().services.db.prisma;

  /** Stores a story of the topic "islands" and sends its post; returns the post id. */
  const postStory = async (story: { url: string; headline: string }, minutesAgo: number, reactions: number) => {
    const sortAt = new Date(START.getTime() - minutesAgo * 60_000);
    const [stored] = await app().services.articles.storeBatch([
      {
        url: story.url, guid: null, feedId: null, headline: story.headline, summary: `${story.headline}, officials said.`, body: "", section: null,
        author: null, language: null, imageUrl: null, publishedAt: sortAt, modifiedAt: null, sortAt, headlineKey: story.headline.toLowerCase(),
        autoPost: false, source: "editor", topics: [{ slug: "islands", name: "Islands" }], otherUrls: [],
      },
    ]);
    const post = await app().services.posts.create({ articleId: stored!.id, origin: "editor" });
    expect(await publishNextPost(app().outboxDeps, { postId: post!.id })).toMatchObject({ kind: "sent" });
    await prisma().channelPost.update({ where: { id: post!.id }, data: { reactionCount: reactions } });
    return post!.id;
  };

  /** A reader following "islands" with `mode` alerts (digests at 10:00, the harness's hour). */
  const follower = async (telegramId: number, mode: "instant" | "digest") => {
    const { id } = await app().services.subscribers.register({ telegramId, chatId: telegramId, firstName: "Reader" });
    await prisma().subscriber.update({ where: { id }, data: { alertMode: mode, digestHour: 10 } });
    const topic = await app().services.topics.ensure("islands", "Islands");
    await prisma().subscription.create({ data: { subscriberId: id, topicId: topic.id } });
    return id;
  };

  /**
   * What a reader sees: the story lines of /latest, /latest islands, /popular and /search harbour
   * (titles and explanations aside), and the inline results' ids.
   */
  const readerView = async (reader = READER) => {
    editors.telegram.reset();
    for (const command of ["/latest", "/latest islands", "/popular", "/search harbour"]) await app().bot.handleUpdate(privateMessage(command, reader));
    await app().bot.handleUpdate(inlineQuery("harbour", reader));
    await app().bot.handleUpdate(inlineQuery("", reader));
    const lists = editors.telegram.callsTo("sendMessage").map((c) => String(c.payload.text).split("\n").filter((l) => l.startsWith("• ")));
    const inline = editors.telegram.callsTo("answerInlineQuery").map((c) => (c.payload.results as { id: string }[]).map((r) => r.id));
    return { lists, inline };
  };

  let harbourPost: number;
  let feesPost: number;
  beforeEach(async () => {
    feesPost = await postStory(FEES, 30, 1);
    harbourPost = await postStory(HARBOUR, 10, 5);
  });

  it("after /delete, the story is gone from /search, /latest <topic>, inline results and every other reader list", async () => {
    expect(await readerView()).toEqual(EVERYTHING);

    await editors.harness.say(`/delete ${harbourPost}`);
    await editors.harness.press(`ed:delete:${harbourPost}`);
    expect(editors.telegram.callsTo("deleteMessage")).toHaveLength(1);

    // A new user, as the issue tried it (a reader's searches are paced: five per ten seconds).
    expect(await readerView({ id: 43, first_name: "Grace" })).toEqual(WITHOUT_HARBOUR);
    expect(await prisma().article.findUnique({ where: { url: HARBOUR.url }, select: { removedAt: true, removedReason: true } })).toEqual({
      removedAt: START,
      removedReason: "deleted",
    });
  });

  it("/kill of a sent story: gone from every reader list, its alerts not yet delivered skipped, the digest without it, the channel message left", async () => {
    const instant = await follower(5001, "instant");
    await follower(5002, "digest");
    await app().services.alerts.enqueue(
      [
        { subscriberId: instant, kind: "instant", postId: harbourPost, text: "harbour alert" },
        { subscriberId: instant, kind: "instant", postId: feesPost, text: "fees alert" },
      ],
      START,
    );

    // Asked before the kill, so the lists are in the readers' cache.
    expect(await readerView()).toEqual(EVERYTHING);
    await editors.harness.say(`/kill ${harbourPost}`);
    expect(editors.harness.last()).toEqual({
      chat_id: ADMIN_CHAT_ID,
      text:
        `Killed post #${harbourPost} “Harbour reopens after storm”: it is gone from /latest, /popular, /search, inline results, digests and alerts. ` +
        `Its message stays in the channel: /delete ${harbourPost} takes it down.`,
      parse_mode: "HTML",
      link_preview_options: { is_disabled: true },
    });
    expect(editors.telegram.callsTo("deleteMessage")).toEqual([]);
    expect((await app().services.posts.get(harbourPost))!.status).toBe("sent");

    expect(await readerView({ id: 43, first_name: "Grace" })).toEqual(WITHOUT_HARBOUR);

    expect(await prisma().alertDelivery.findMany({ where: { kind: "instant" }, orderBy: { id: "asc" }, select: { postId: true, status: true, lastError: true } })).toEqual([
      { postId: harbourPost, status: "skipped", lastError: "the story was killed" },
      { postId: feesPost, status: "pending", lastError: null },
    ]);
    expect(await app().scheduler.runNow(ALERT_JOBS.digest)).toBe(true);
    const digests = await prisma().alertDelivery.findMany({ where: { kind: "digest" }, select: { text: true } });
    expect(digests).toHaveLength(1);
    expect(digests[0]!.text).toContain(FEES.url);
    expect(digests[0]!.text).not.toContain(HARBOUR.url);

    expect(await prisma().auditLog.findMany({ select: { actorId: true, action: true, subject: true, before: true, after: true } })).toEqual([
      {
        actorId: BigInt(EDITOR.id),
        action: "story.kill",
        subject: `post #${harbourPost}`,
        before: JSON.stringify({ headline: HARBOUR.headline, status: "sent" }),
        after: JSON.stringify({ removed: "killed", status: "sent" }),
      },
    ]);

    await editors.harness.say(`/kill ${harbourPost}`);
    expect(editors.harness.sent().at(-1)).toBe("“Harbour reopens after storm” was already killed on Mon 30 Nov 10:00.");
    expect(await prisma().auditLog.count()).toBe(1);
  });

  it("/kill of a queued post cancels it: it is never sent, and the queue goes on with the next", async () => {
    const [stored] = await app().services.articles.storeBatch([
      {
        url: "https://news.example.com/ferry", guid: null, feedId: null, headline: "Ferry timetable changes", summary: "From Monday.", body: "", section: null,
        author: null, language: null, imageUrl: null, publishedAt: START, modifiedAt: null, sortAt: START, headlineKey: "ferry timetable changes",
        autoPost: false, source: "editor", topics: [], otherUrls: [],
      },
    ]);
    const queued = (await app().services.posts.create({ articleId: stored!.id, origin: "editor" }))!.id;
    editors.telegram.reset();

    await editors.harness.say(`/kill #${queued}`);
    expect(editors.harness.sent()).toEqual([
      `Killed post #${queued} “Ferry timetable changes”: it will never be posted and is gone from /latest, /popular, /search, inline results, digests and alerts.`,
    ]);
    expect((await app().services.posts.get(queued))!.status).toBe("cancelled");
    expect(await publishNextPost(app().outboxDeps)).toEqual({ kind: "idle", reason: { code: "nothing-new" } });
    // Neither sent on purpose nor queued again.
    await editors.harness.say(`/postnow ${queued}`);
    await editors.harness.say("/queue https://news.example.com/ferry");
    expect(editors.harness.sent().slice(1)).toEqual([
      `Post #${queued}'s story was killed (/kill): it is never posted.`,
      "This story was killed (/kill): it is never posted.",
    ]);
    expect(editors.telegram.callsTo("sendMessage").filter((c) => c.payload.chat_id === CHANNEL_ID)).toEqual([]);
    expect((await app().services.posts.get(queued))!.status).toBe("cancelled");
  });

  it("answers a wrong or unknown target in words, and refuses non-editors", async () => {
    editors.telegram.reset();
    await editors.harness.say("/kill");
    await editors.harness.say("/kill soon");
    await editors.harness.say("/kill 99");
    await editors.harness.say("/kill https://news.example.com/never-seen");
    await editors.harness.say(`/kill ${harbourPost}`, OUTSIDER);
    expect(editors.harness.sent()).toEqual([
      "Which story? Use /kill &lt;post id&gt; or /kill &lt;link&gt;, e.g. /kill 12",
      "“soon” is neither a post id nor a link. Use /kill &lt;post id&gt; or /kill &lt;link&gt;, e.g. /kill 12",
      "There is no post #99.",
      "No story is stored under https://news.example.com/never-seen.",
      expect.stringContaining("/kill"),
    ]);
    expect(await prisma().article.count({ where: { removedAt: { not: null } } })).toBe(0);
  });
});
