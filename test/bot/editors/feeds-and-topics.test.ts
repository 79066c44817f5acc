/**
 * Editors keep feeds and topics tidy from the admin chat: /addfeed fetches the link first
 * and says what it found, a new feed's first fetch and a paused feed are reported with a
 * Resume button, and /topics lists, creates, renames, merges and removes topics. On SQLite
 * and on PostgreSQL.
 */
import { http, HttpResponse } from "msw";
import { describe, expect, it } from "vitest";

import { ingestAllFeeds } from "../../../src/ingest/ingest-feeds.js";
import { ADMIN_CHAT_ID } from "../../support/config.js";
import { TEST_PROVIDERS } from "../../support/database.js";
import { server } from "../../support/msw.js";
import { rss, serve } from "../../support/web.js";
import { numberedStory } from "../../support/articles.js";
import { EDITOR, OUTSIDER, START, startHarness, useEditorHarness } from "./editor-harness.js";

const FEED = "https://news.example.com/rss.xml";
const GONE = "https://gone.example.com/rss.xml";
const PAPER = "https://paper.example.com/";

const HEADLINES = ["Ferry line will link the islands next spring", "Harbour master retires after forty years", "Storm closes the coastal road"];

/** A feed of up to three fresh stories. */
function harbourFeed(count: number, title = "Harbour News") {
  return rss(
    HEADLINES.slice(0, count).map((headline, i) => ({
      title: headline,
      link: `https://news.example.com/story-${i + 1}`,
      description: `${headline}, the harbour authority confirmed on Monday in a statement to the island's council and residents.`,
      pubDate: new Date("2026-11-30T09:00:00Z"),
    })),
    title,
  );
}

/** A newspaper's home page declaring three feeds (and links that are not feeds). */
const PAPER_HOME = `<!doctype html><html><head><title>The Paper</title>
<!-- <link rel="alternate" type="application/rss+xml" href="/old.xml"> -->
<link rel="alternate" hreflang="fr" href="/fr/">
<link rel="stylesheet" type="text/css" href="/site.css">
<link rel="alternate" type="application/rss+xml" title="All stories" href="/feeds/all.xml">
<link rel="alternate" type="application/atom+xml" title="Sport" href="feeds/sport.atom">
<link rel="alternate" type="application/feed+json" href="https://paper.example.com/feeds/world.json">
</head><body><h1>The Paper</h1></body></html>`;

describe.each(TEST_PROVIDERS)("editors' feeds and topics on %s", (provider) => {
  const editors = useEditorHarness(provider);
  const prisma = () => editors.harness.app.services.db.prisma;
  const ingest = () => ingestAllFeeds(editors.harness.app.ingestDeps);

  it("/addfeed takes a priority word (priority 4, priority=1), refusing anything but 1 to 5 in plain words", async () => {
    serve(FEED, harbourFeed(1));
    serve("https://wire.example.com/rss.xml", rss([{ title: "Wire story", link: "https://wire.example.com/a" }], "Wire"));
    await editors.harness.say(`/addfeed ${FEED} priority nine`);
    await editors.harness.say(`/addfeed ${FEED} world priority`);
    await editors.harness.say(`/addfeed ${FEED} world priority 4`);
    await editors.harness.say("/addfeed https://wire.example.com/rss.xml priority=1 force");
    expect(editors.harness.sent()).toEqual([
      "The priority must be a whole number from 1 (least) to 5 (most), 3 being the default; “nine” is not one. Nothing was added. For example: /addfeed https://example.com/rss.xml priority 4",
      "The priority must be a whole number from 1 (least) to 5 (most), 3 being the default; nothing was given. Nothing was added. For example: /addfeed https://example.com/rss.xml priority 4",
      `Added feed #1 ${FEED} [world] (priority 4): “Harbour News”, 1 item. It is fetched at the next ingest.`,
      "Added feed #2 https://wire.example.com/rss.xml (priority 1): “Wire”, 1 item. It is fetched at the next ingest.",
    ]);
    expect(await prisma().feed.findMany({ select: { id: true, priority: true, defaultTopic: true }, orderBy: { id: "asc" } })).toEqual([
      { id: 1, priority: 4, defaultTopic: "world" },
      { id: 2, priority: 1, defaultTopic: null },
    ]);
  });

  it("/addfeed fetches the link, reports its title and size, and refuses what is not a working feed unless forced", async () => {
    serve(FEED, harbourFeed(2));
    server.use(http.get(GONE, () => new HttpResponse("gone", { status: 404, statusText: "Not Found" })));
    serve(PAPER, PAPER_HOME, "text/html; charset=utf-8");
    serve("https://paper.example.com/feeds/all.xml", rss([{ title: "Budget vote delayed", link: "https://paper.example.com/budget" }], "The Paper: all stories"));

    await editors.harness.say(`/addfeed ${FEED} World News`);
    await editors.harness.say(`/addfeed ${GONE} world`);
    await editors.harness.say(`/addfeed ${GONE} world review --force`);
    await editors.harness.say(`/addfeed ${PAPER}`);
    await editors.harness.say(`/addfeed ${PAPER}`);
    await editors.harness.say("/addfeed http://127.0.0.1:8080/rss.xml");

    expect(editors.harness.sent()).toEqual([
      `Added feed #1 ${FEED} [world-news]: “Harbour News”, 2 items. It is fetched at the next ingest.`,
      `Cannot add ${GONE}: ${GONE} answered 404 Not Found. Nothing was added. Check the link, or add it anyway with /addfeed &lt;link&gt; [topic] force.`,
      `Added feed #2 ${GONE} [world] anyway, as asked: ${GONE} answered 404 Not Found. /feeds shows how its fetches go.\n` +
        "Its new stories wait for review: each comes here as a card to post, schedule or skip.",
      `${PAPER} is a web page: I added the feed it declares instead.\n` +
        "Added feed #3 https://paper.example.com/feeds/all.xml: “The Paper: all stories”, 1 item. It is fetched at the next ingest.\n" +
        "The page declares 2 other feeds, not added (add one with /addfeed &lt;link&gt;):\n" +
        "• https://paper.example.com/feeds/sport.atom (Sport)\n" +
        "• https://paper.example.com/feeds/world.json",
      `${PAPER} is a web page; the feed it declares, https://paper.example.com/feeds/all.xml, is already there as #3.`,
      "Cannot add http://127.0.0.1:8080/rss.xml: http://127.0.0.1:8080/rss.xml is on a private or local network; set ALLOW_PRIVATE_URLS to allow it. " +
        "Nothing was added. Check the link, or add it anyway with /addfeed &lt;link&gt; [topic] force.",
    ]);
    expect(await prisma().feed.findMany({ where: { review: true }, select: { id: true } })).toEqual([{ id: 2 }]);
    expect(await prisma().feed.findMany({ select: { id: true, url: true, title: true, defaultTopic: true }, orderBy: { id: "asc" } })).toEqual([
      { id: 1, url: FEED, title: "Harbour News", defaultTopic: "world-news" },
      { id: 2, url: GONE, title: null, defaultTopic: "world" },
      { id: 3, url: "https://paper.example.com/feeds/all.xml", title: "The Paper: all stories", defaultTopic: null },
    ]);
    // The topics editors name for their feeds are theirs.
    expect(await prisma().topic.findMany({ select: { slug: true, name: true, createdByEditor: true }, orderBy: { slug: "asc" } })).toEqual([
      { slug: "world", name: "World", createdByEditor: true },
      { slug: "world-news", name: "World News", createdByEditor: true },
    ]);
    expect((await prisma().auditLog.findMany({ orderBy: { id: "asc" } })).map((e) => [e.actorName, e.action, e.after])).toEqual([
      ["Ann", "feed.add", `{"url":"${FEED}","defaultTopic":"world-news"}`],
      ["Ann", "feed.add", `{"url":"${GONE}","defaultTopic":"world","review":true,"forced":"${GONE} answered 404 Not Found"}`],
      ["Ann", "feed.add", `{"url":"https://paper.example.com/feeds/all.xml","defaultTopic":null,"discoveredOn":"${PAPER}"}`],
    ]);
  });

  it("tells the admin chat once that a new feed's first stories were stored and not posted", async () => {
    serve(FEED, harbourFeed(3));
    await editors.harness.say(`/addfeed ${FEED}`);
    editors.telegram.reset();
    await ingest();
    await ingest();
    expect(editors.harness.sent()).toEqual([
      "📥 A new feed was fetched for the first time. Its stories are stored, not posted: only stories that arrive from now on are posted.\n" +
        `#1 ${FEED} (Harbour News): 3 stories stored`,
    ]);
    expect(await prisma().article.count({ where: { autoPost: false } })).toBe(3);
    expect(await prisma().channelPost.count()).toBe(0);
  });

  it("offers Resume under a paused feed's notice; the button and /resumefeed resume it and say who did", async () => {
    serve(FEED, harbourFeed(1));
    await editors.harness.say(`/addfeed ${FEED}`);
    await ingest();
    server.use(http.get(FEED, () => new HttpResponse(null, { status: 410, statusText: "Gone" })));
    editors.telegram.reset();
    await ingest();

    const pausedNotice = `⏸ Feed #1 ${FEED} (Harbour News) is paused: the feed answered 410 Gone: it was removed. Fix it, then press Resume or send /resumefeed 1.`;
    expect(editors.harness.last()).toMatchObject({
      chat_id: ADMIN_CHAT_ID,
      text: pausedNotice,
      parse_mode: "HTML",
      reply_markup: { inline_keyboard: [[{ text: "Resume", callback_data: "ed:feed-resume:1" }]] },
    });

    // Only editors may press it.
    await editors.harness.press("ed:feed-resume:1", OUTSIDER);
    expect((await prisma().feed.findUniqueOrThrow({ where: { id: 1 } })).pausedAt).not.toBeNull();

    await editors.harness.press("ed:feed-resume:1");
    await editors.harness.press("ed:feed-resume:1");
    expect(editors.telegram.callsTo("answerCallbackQuery").map((c) => c.payload.text)).toEqual([
      "Only editors can use these buttons: the administrators of this chat and the people listed in EDITOR_IDS.",
      "Feed #1 resumed.",
      "Feed #1 was resumed already.",
    ]);
    expect(editors.telegram.callsTo("editMessageText").map((c) => c.payload)).toEqual([
      {
        chat_id: ADMIN_CHAT_ID,
        message_id: 9000,
        text: `⏸ Feed #1 ${FEED} (Harbour News) was paused: the feed answered 410 Gone: it was removed.\n▶️ Resumed by Ann; it is fetched at the next ingest.`,
        parse_mode: "HTML",
        link_preview_options: { is_disabled: true },
      },
      {
        chat_id: ADMIN_CHAT_ID,
        message_id: 9000,
        text: `⏸ Feed #1 ${FEED} (Harbour News) was paused.\n▶️ It was resumed already; it is fetched at the next ingest.`,
        parse_mode: "HTML",
        link_preview_options: { is_disabled: true },
      },
    ]);
    expect(await prisma().feed.findUniqueOrThrow({ where: { id: 1 } })).toMatchObject({ pausedAt: null, pausedReason: null, consecutiveFailures: 0 });

    await ingest();
    editors.telegram.reset();
    await editors.harness.say("/resumefeed #1");
    await editors.harness.say("/resumefeed 1");
    await editors.harness.say("/resumefeed 9");
    await editors.harness.say("/resumefeed one");
    expect(editors.harness.sent()).toEqual([
      `Resumed feed #1 ${FEED}: it is fetched at the next ingest.`,
      `Feed #1 ${FEED} was not paused; its failure count is reset and it is fetched at the next ingest.`,
      "There is no feed #9.",
      "“one” is not a feed id. Use /resumefeed &lt;id&gt;, e.g. /resumefeed 3 (ids are in /feeds)",
    ]);
    expect((await prisma().auditLog.findMany({ where: { action: "feed.resume" }, orderBy: { id: "asc" } })).map((e) => [e.actorName, e.before])).toEqual([
      ["Ann", '{"pausedReason":{"code":"gone"},"failures":1}'],
      ["Ann", '{"pausedReason":null,"failures":0}'],
      ["Ann", '{"pausedReason":{"code":"gone"},"failures":1}'],
      ["Ann", '{"pausedReason":null,"failures":0}'],
    ]);
  });

  it("shows /feeds times in the newsroom's time zone", async () => {
    serve(FEED, harbourFeed(1));
    await editors.harness.say(`/addfeed ${FEED}`);
    await ingest();
    editors.telegram.reset();
    await editors.harness.say("/feeds");
    expect(editors.harness.sent()).toEqual([`<b>Feeds</b>\n#1 ${FEED} — ok, last ok Mon 30 Nov 10:00`]);
  });

  it("/topics lists the topics and lets editors add, rename, merge and remove them", async () => {
    const { topics, subscribers } = editors.harness.app.services;
    const asia = await topics.ensure("asia", "Asia");
    const far = await topics.ensure("far-east", "Far East");
    const reader = await subscribers.register({ telegramId: 501, chatId: 501, username: null, firstName: "Rea", languageCode: null });
    const both = await subscribers.register({ telegramId: 502, chatId: 502, username: null, firstName: "Bo", languageCode: null });
    await subscribers.subscribe(reader.record.id, far.id);
    await subscribers.subscribe(both.record.id, far.id);
    await subscribers.subscribe(both.record.id, asia.id);

    const commands = [
      "/topics",
      "/topics add US Politics",
      "/topics add asia",
      "/topics add asia",
      "/topics rename us-politics American Politics",
      "/topics rename asia american-politics",
      "/topics merge far-east asia",
      "/topics merge asia asia",
      "/topics remove american-politics",
      "/topics remove nowhere",
      "/topics keyword asia Kim Jong Un",
      "/topics tidy",
      "/topics",
    ];
    for (const command of commands) await editors.harness.say(command);

    expect(editors.harness.sent()).toEqual([
      "<b>Topics</b>\nasia (Asia): from feeds, 0 articles, 1 subscriber\nfar-east (Far East): from feeds, 0 articles, 2 subscribers",
      "Created the topic us-politics (US Politics).",
      "asia (Asia) came from the feeds; it is an editors' topic now.",
      "asia (Asia) is already an editors' topic.",
      "Renamed us-politics to american-politics (American Politics); its articles, subscribers and keywords follow.",
      "There is already a topic american-politics: merge the two instead.",
      "Merged far-east into asia: 0 articles and 1 subscriber moved (1 followed both); far-east is gone.",
      "Both names are the topic asia: give two different topics.",
      "Removed american-politics: 0 articles lost it, 0 subscribers were unsubscribed.",
      "There is no topic &quot;nowhere&quot;: see the list of topics.",
      "Articles mentioning &quot;Kim Jong Un&quot; get the topic asia.",
      "I don't know “/topics tidy”. Use /topics lists the topics. To change them: /topics add &lt;name&gt; · /topics rename &lt;topic&gt; &lt;new name&gt; · " +
        "/topics merge &lt;topic&gt; &lt;into topic&gt; · /topics remove &lt;topic&gt; · /topics keyword &lt;topic&gt; &lt;phrase&gt;.",
      '<b>Topics</b>\nasia (Asia): editors\' topic, 0 articles, 2 subscribers; keywords &quot;Kim Jong Un&quot;',
    ]);
    expect((await prisma().auditLog.findMany({ orderBy: { id: "asc" } })).map((e) => [e.actorName, e.action, e.subject])).toEqual([
      ["Ann", "topic.create", "topic us-politics"],
      ["Ann", "topic.create", "topic asia"],
      ["Ann", "topic.rename", "topic us-politics"],
      ["Ann", "topic.merge", "topic far-east"],
      ["Ann", "topic.remove", "topic american-politics"],
      ["Ann", "topic.keyword_add", "topic asia"],
    ]);
  });

  it("with TOPICS_OPEN=false shows readers only the editors' topics", async () => {
    await editors.harness.app.stop();
    editors.harness = await startHarness(editors.database, editors.telegram, { env: { TOPICS_OPEN: "false" } });
    const { topics, articles } = editors.harness.app.services;
    await topics.ensure("sport", "Sport");
    await topics.adopt("football", "Football");
    const topicsOfStory = [{ slug: "sport", name: "Sport" }, { slug: "football", name: "Football" }];
    await articles.storeBatch([numberedStory(1, START, { url: "https://news.example.com/cup-final", headline: "Cup final goes to extra time", topics: topicsOfStory })]);
    const reader = { id: 601, first_name: "Rea" };
    await editors.harness.sayPrivately("/topics", reader);
    await editors.harness.sayPrivately("/subscribe sport", reader);
    await editors.harness.sayPrivately("/latest sport", reader);
    await editors.harness.sayPrivately("/latest football", reader);
    await editors.harness.sayPrivately("/start topic_sport", reader);
    await editors.harness.sayPrivately("/start topic_football", reader);

    const replies = editors.telegram.callsTo("sendMessage").filter((c) => c.payload.chat_id === reader.id).map((c) => c.payload);
    expect(replies.map((r) => r.text)).toEqual([
      "Tap a topic to follow or unfollow it. ✅ marks the ones you follow.",
      "I don't know the topic “sport”. Topics: football",
      "I don't know the topic “sport”. Topics: football",
      '<b>Latest on football</b>\n• <a href="https://news.example.com/cup-final">Cup final goes to extra time</a>',
      "I don't know the topic “sport”. Pick from these:",
      "✅ You now follow Football. Choose how I tell you about new stories with /settings; see everything I can do with /help.",
    ]);
    const football = await topics.findBySlug("football");
    expect(replies[0]!.reply_markup).toEqual({ inline_keyboard: [[{ text: "Football", callback_data: `topic:${football!.id}` }]] });

    // Editors still see every topic, and which ones readers do not.
    editors.telegram.reset();
    await editors.harness.say("/topics", EDITOR);
    expect(editors.harness.sent()).toEqual([
      "<b>Topics</b>\nfootball (Football): editors' topic, 1 article, 1 subscriber\nsport (Sport): from feeds, hidden from readers, 1 article, 0 subscribers",
    ]);
  });
});
