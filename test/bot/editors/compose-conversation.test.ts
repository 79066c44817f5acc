/**
 * /compose: an editor writes a post step by step; wrong answers are explained and
 * asked again; /cancel leaves; a restart in the middle loses nothing.
 */
import { afterEach, beforeEach, describe, expect, it } from "vitest";

import { formatPost } from "../../../src/publish/format-post.js";
import { ADMIN_CHAT_ID, CHANNEL_ID } from "../../support/config.js";
import { createTestDatabase, TEST_PROVIDERS, type TestDatabase } from "../../support/database.js";
import { installFakeTelegram, type FakeTelegram } from "../../support/telegram.js";
import { EDITOR, OUTSIDER, startHarness, type Harness } from "./editor-harness.js";

const INTRO = "Let's write a post. Send /cancel at any step to stop.";
const Q = {
  headline: "1/5 What is the headline?",
  summary: "2/5 The summary (the text under the headline)? Send - for none.",
  link: "3/5 The link behind “Read more”?",
  topics: "4/5 Topics, separated by commas (e.g. asia, politics)? Send - for none.",
  when: "5/5 When should it go out? now, next (the next free slot), or a time: now, 18:30, tomorrow 9am, in 2h, 2026-12-01 07:00.",
};
const HEADLINE = "Ferries <return> & islands cheer";
const SUMMARY = "The first ferry in thirty years docked on Monday.";
const LINK = "https://news.example.com/islands/ferries-return";

describe.each(TEST_PROVIDERS)("composing a post on %s", (provider) => {
  let database: TestDatabase;
  let telegram: FakeTelegram;
  let harness: Harness;

  beforeEach(async () => {
    database = await createTestDatabase(provider);
    telegram = installFakeTelegram();
    harness = await startHarness(database, telegram);
  });

  afterEach(async () => {
    await harness.app.stop();
    await database.drop();
  });

  const prisma = () => harness.app.services.db.prisma;

  it("asks step by step, explains wrong answers, previews the exact post and stores it on confirmation", async () => {
    await harness.say("/compose");
    await harness.say("x".repeat(301));
    await harness.say(HEADLINE);
    await harness.say(SUMMARY);
    await harness.say("not a link");
    await harness.say(LINK);
    await harness.say("Asia, North Korea, !!!");
    await harness.say("Asia, North Korea");
    await harness.say("yesterday 9am");
    await harness.say("tomorrow 9am");
    const preview = formatPost({ headline: HEADLINE, summary: SUMMARY, link: LINK, topics: ["asia", "north-korea"] });
    expect(harness.sent()).toEqual([
      INTRO,
      Q.headline,
      `A headline may be at most 300 characters; this one has 301. ${Q.headline}`,
      Q.summary,
      Q.link,
      `“not a link” is not a web link: send the full address, starting with https://. ${Q.link}`,
      Q.topics,
      `“!!!” is not a usable topic name: use letters or digits, e.g. asia or north-korea. ${Q.topics}`,
      Q.when,
      `Sun 29 Nov 09:00 (Europe/London) is in the past. ${Q.when}`,
      preview,
      "This is the post. It goes out on Tue 1 Dec 09:00 (Europe/London). Post it?",
    ]);
    expect(preview).toContain("<b>Ferries &lt;return&gt; &amp; islands cheer</b>");
    expect(harness.last().reply_markup).toEqual({
      inline_keyboard: [
        [
          { text: "Post it", callback_data: "ed:compose:post" },
          { text: "Discard", callback_data: "ed:compose:discard" },
        ],
      ],
    });
    // Nothing is stored before the confirmation.
    expect(await prisma().article.count()).toBe(0);

    await harness.press("ed:compose:post");
    expect(telegram.callsTo("answerCallbackQuery")).toHaveLength(1);
    expect(harness.sent().at(-1)).toBe("Post #1: scheduled for Tue 1 Dec 09:00 (Europe/London).");
    const post = await harness.app.services.posts.get(1);
    expect(post).toMatchObject({
      status: "scheduled",
      origin: "editor",
      scheduledAt: new Date("2026-12-01T09:00:00Z"),
      queuedById: BigInt(EDITOR.id),
      queuedByName: "Ann",
      article: { url: LINK, headline: HEADLINE, summary: SUMMARY, topics: ["asia", "north-korea"] },
    });
    expect(await prisma().article.findUniqueOrThrow({ where: { id: 1 }, select: { source: true, autoPost: true } })).toEqual({ source: "editor", autoPost: false });
    expect(await prisma().auditLog.findMany({ select: { action: true, subject: true } })).toEqual([{ action: "post.compose", subject: "post #1" }]);

    // The conversation is over: the button is dead and plain text is ignored.
    await harness.press("ed:compose:post");
    expect(telegram.callsTo("answerCallbackQuery").at(-1)?.payload).toMatchObject({ text: "This button is no longer active." });
    const before = harness.sent().length;
    await harness.say("hello");
    expect(harness.sent()).toHaveLength(before);
  });

  it("survives a restart in the middle, and posts at once when told now", async () => {
    await harness.say("/compose");
    await harness.say(HEADLINE);
    await harness.say(SUMMARY);
    await harness.app.stop();

    harness = await startHarness(database, telegram);
    await harness.say(LINK);
    await harness.say("-");
    await harness.say("now");
    await harness.say("yes");
    expect(harness.sent().slice(-4)).toEqual([
      Q.when,
      formatPost({ headline: HEADLINE, summary: SUMMARY, link: LINK, topics: [] }),
      "This is the post. It goes out at once. Post it?",
      "Post #1 is in the channel now.",
    ]);
    expect(harness.sent(CHANNEL_ID)).toEqual([formatPost({ headline: HEADLINE, summary: SUMMARY, link: LINK, topics: [] })]);
    expect(await harness.app.services.posts.get(1)).toMatchObject({ status: "sent", article: { headline: HEADLINE } });
  });

  it("leaves at /cancel, storing nothing; /cancel outside says there is nothing to cancel", async () => {
    await harness.say("/compose");
    await harness.say(HEADLINE);
    await harness.say("/cancel");
    await harness.say("/cancel");
    await harness.say("Just chatting");
    expect(harness.sent()).toEqual([
      INTRO,
      Q.headline,
      Q.summary,
      "Cancelled: the draft is discarded, nothing was stored.",
      "There is nothing to cancel here. To cancel a waiting post use /cancel &lt;id&gt;, e.g. /cancel 12; /cancel alone leaves /compose.",
    ]);
    expect(await prisma().article.count()).toBe(0);
    expect(await prisma().auditLog.count()).toBe(0);
  });

  it("discards the draft with the Discard button", async () => {
    await harness.say("/compose");
    for (const answer of [HEADLINE, "-", LINK, "-", "next"]) await harness.say(answer);
    await harness.press("ed:compose:discard");
    expect(harness.sent().at(-1)).toBe("Cancelled: the draft is discarded, nothing was stored.");
    expect(telegram.callsTo("editMessageReplyMarkup")).toHaveLength(1);
    expect(await prisma().article.count()).toBe(0);
  });

  it("listens only to the editor who started it; other commands keep working meanwhile", async () => {
    await harness.say("/compose");
    await harness.say("Not my headline", OUTSIDER);
    await harness.say("/scheduled");
    await harness.say(HEADLINE);
    expect(harness.sent(ADMIN_CHAT_ID)).toEqual([
      INTRO,
      Q.headline,
      "Nothing is waiting to be posted. Queue a story with /queue &lt;link&gt; or /compose.",
      Q.summary,
    ]);
  });

  it("refuses a link that is already a stored story", async () => {
    await harness.app.services.articles.storeBatch([
      {
        url: LINK,
        guid: null,
        feedId: null,
        headline: "Stored <story>",
        summary: "",
        body: "",
        section: null,
        author: null,
        language: null,
        imageUrl: null,
        publishedAt: null,
        modifiedAt: null,
        sortAt: harness.clock.now,
        headlineKey: "stored story",
        autoPost: false,
        source: "feed",
        topics: [],
        otherUrls: [],
      },
    ]);
    await harness.say("/compose");
    await harness.say(HEADLINE);
    await harness.say("-");
    await harness.say(LINK);
    expect(harness.sent().at(-1)).toBe(`That link is already a stored story (“Stored &lt;story&gt;”): post it with /queue ${LINK}, or send another link. ${Q.link}`);
  });
});
