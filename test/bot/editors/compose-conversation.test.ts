/**
 * /compose: an editor writes a post step by step; wrong answers are explained and
 * asked again; /cancel leaves; a restart in the middle loses nothing.
 */
import { describe, expect, it } from "vitest";

import { ADMIN_CHAT_ID, CHANNEL_ID } from "../../support/config.js";
import { TEST_PROVIDERS } from "../../support/database.js";
import { EDITOR, OUTSIDER, startHarness, useEditorHarness } from "./editor-harness.js";

const INTRO = "Let's write a post. Send /cancel at any step to stop.";
const Q = {
  headline: "1/6 What is the headline?",
  summary: "2/6 The summary (the text under the headline)? Send - for none.",
  link: "3/6 The link behind “Read more”?",
  topics: "4/6 Topics, separated by commas (e.g. asia, politics)? Send - for none.",
  photo: "5/6 A photo for the post? Send one, or skip.",
  when: "6/6 When should it go out? now, next (the next free slot), or a time: now, 12:00, tomorrow 9am, in 2h, 2026-12-01 07:00.",
};
const HEADLINE = "Ferries <return> & islands cheer";
const SUMMARY = "The first ferry in thirty years docked on Monday.";
const LINK = "https://news.example.com/islands/ferries-return";

describe.each(TEST_PROVIDERS)("composing a post on %s", (provider) => {
  const editors = useEditorHarness(provider);

  const prisma = () => editors.harness.app.services.db.prisma;

  it("asks step by step, explains wrong answers, previews the exact post and stores it on confirmation", async () => {
    await editors.harness.say("/compose");
    await editors.harness.say("x".repeat(301));
    await editors.harness.say(HEADLINE);
    await editors.harness.say(SUMMARY);
    await editors.harness.say("not a link");
    await editors.harness.say(LINK);
    await editors.harness.say("Asia, North Korea, !!!");
    await editors.harness.say("Asia, North Korea");
    await editors.harness.say("a nice one");
    await editors.harness.say("skip");
    await editors.harness.say("yesterday 9am");
    await editors.harness.say("tomorrow 9am");
    const preview =
      '<b>Ferries &lt;return&gt; &amp; islands cheer</b>\n\nThe first ferry in thirty years docked on Monday.\n\n<a href="https://news.example.com/islands/ferries-return">Read more</a> · news.example.com\n\n#asia #north_korea';
    expect(editors.harness.sent()).toEqual([
      INTRO,
      Q.headline,
      `A headline may be at most 300 characters; this one has 301. ${Q.headline}`,
      Q.summary,
      Q.link,
      `“not a link” is not a web link: send the full address, starting with https://. ${Q.link}`,
      Q.topics,
      `“!!!” is not a usable topic name: use letters or digits, e.g. asia or north-korea. ${Q.topics}`,
      Q.photo,
      `Send a photo, or skip. ${Q.photo}`,
      Q.when,
      `Sun 29 Nov 09:00 is in the past. ${Q.when}`,
      preview,
      "This is the post. It goes out on Tue 1 Dec 09:00. Post it?",
    ]);
    // The preview is the post as the channel will show it: without a photo, a large link preview.
    expect(editors.telegram.callsTo("sendMessage").find((c) => c.payload.text === preview)?.payload).toEqual({
      chat_id: ADMIN_CHAT_ID,
      text: preview,
      parse_mode: "HTML",
      link_preview_options: { url: LINK, prefer_large_media: true, show_above_text: true },
    });
    expect(editors.harness.last().reply_markup).toEqual({
      inline_keyboard: [
        [
          { text: "Post it", callback_data: "ed:compose:post" },
          { text: "Discard", callback_data: "ed:compose:discard" },
        ],
      ],
    });
    // Nothing is stored before the confirmation.
    expect(await prisma().article.count()).toBe(0);

    await editors.harness.press("ed:compose:post");
    expect(editors.telegram.callsTo("answerCallbackQuery")).toHaveLength(1);
    expect(editors.harness.sent().at(-1)).toBe("Post #1: scheduled for Tue 1 Dec 09:00.");
    const post = await editors.harness.app.services.posts.get(1);
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
    await editors.harness.press("ed:compose:post");
    expect(editors.telegram.callsTo("answerCallbackQuery").at(-1)?.payload).toMatchObject({ text: "This button is no longer active." });
    const before = editors.harness.sent().length;
    await editors.harness.say("hello");
    expect(editors.harness.sent()).toHaveLength(before);
  });

  it("survives a restart in the middle, takes the editor's photo, and posts it at once when told now", async () => {
    await editors.harness.say("/compose");
    await editors.harness.say(HEADLINE);
    await editors.harness.say(SUMMARY);
    await editors.harness.app.stop();

    editors.harness = await startHarness(editors.database, editors.telegram);
    await editors.harness.say(LINK);
    await editors.harness.say("-");
    await editors.harness.showPhoto("editor-photo-1");
    await editors.harness.say("now");
    await editors.harness.say("yes");
    const caption =
      '<b>Ferries &lt;return&gt; &amp; islands cheer</b>\n\nThe first ferry in thirty years docked on Monday.\n\n<a href="https://news.example.com/islands/ferries-return">Read more</a> · news.example.com';
    expect(editors.harness.sent().slice(-3)).toEqual([Q.when, "This is the post. It goes out at once. Post it?", "Post #1 is in the channel now."]);
    // The largest size of the photo, in the preview and in the channel; the channel's post is silent and has no buttons.
    expect(editors.telegram.callsTo("sendPhoto").map((c) => c.payload)).toEqual([
      { chat_id: ADMIN_CHAT_ID, photo: "editor-photo-1", caption, parse_mode: "HTML" },
      { chat_id: CHANNEL_ID, photo: "editor-photo-1", caption, parse_mode: "HTML", disable_notification: true },
    ]);
    expect(editors.harness.sent(CHANNEL_ID)).toEqual([]);
    expect(await editors.harness.app.services.posts.get(1)).toMatchObject({ status: "sent", media: "photo", article: { headline: HEADLINE, editorImage: "editor-photo-1" } });
  });

  it("leaves at /cancel, storing nothing; /cancel outside says there is nothing to cancel", async () => {
    await editors.harness.say("/compose");
    await editors.harness.say(HEADLINE);
    await editors.harness.say("/cancel");
    await editors.harness.say("/cancel");
    await editors.harness.say("Just chatting");
    expect(editors.harness.sent()).toEqual([
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
    await editors.harness.say("/compose");
    for (const answer of [HEADLINE, "-", LINK, "-", "skip", "next"]) await editors.harness.say(answer);
    await editors.harness.press("ed:compose:discard");
    expect(editors.harness.sent().at(-1)).toBe("Cancelled: the draft is discarded, nothing was stored.");
    expect(editors.telegram.callsTo("editMessageReplyMarkup")).toHaveLength(1);
    expect(await prisma().article.count()).toBe(0);
  });

  it("listens only to the editor who started it; other commands keep working meanwhile", async () => {
    await editors.harness.say("/compose");
    await editors.harness.say("Not my headline", OUTSIDER);
    await editors.harness.say("/scheduled");
    await editors.harness.say(HEADLINE);
    expect(editors.harness.sent(ADMIN_CHAT_ID)).toEqual([
      INTRO,
      Q.headline,
      "Nothing is waiting to be posted. Queue a story with /queue &lt;link&gt; or /compose.",
      Q.summary,
    ]);
  });

  it("refuses a link that is already a stored story", async () => {
    await editors.harness.app.services.articles.storeBatch([
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
        sortAt: editors.harness.clock.now,
        headlineKey: "stored story",
        autoPost: false,
        source: "feed",
        topics: [],
        otherUrls: [],
      },
    ]);
    await editors.harness.say("/compose");
    await editors.harness.say(HEADLINE);
    await editors.harness.say("-");
    await editors.harness.say(LINK);
    expect(editors.harness.sent().at(-1)).toBe(`That link is already a stored story (“Stored &lt;story&gt;”): post it with /queue ${LINK}, or send another link. ${Q.link}`);
  });
});
