/**
 * /queue, /scheduled, /postnow, /reschedule, /cancel and the post buttons: an
 * editor queues a story by link, sees exactly what will be posted, and decides when.
 */
import { http, HttpResponse } from "msw";
import { describe, expect, it } from "vitest";

import { publishNextPost } from "../../../src/publish/outbox.js";
import { visibleLength } from "../../../src/publish/telegram-html.js";
import { formatWhen } from "../../../src/editorial/format-when.js";
import { ADMIN_CHAT_ID, CHANNEL_ID } from "../../support/config.js";
import { TEST_PROVIDERS } from "../../support/database.js";
import { server } from "../../support/msw.js";

import { serve } from "../../support/web.js";
import { articlePage, cardButtons, EDITOR, startHarness, TIMEZONE, useEditorHarness } from "./editor-harness.js";

const STORY_URL = "https://news.example.com/islands/ferry-line";
const HEADLINE = "Ferry line <to> link the islands & the mainland";

describe.each(TEST_PROVIDERS)("queueing stories on %s", (provider) => {
  const editors = useEditorHarness(provider);

  const prisma = () => editors.harness.app.services.db.prisma;
  const channelPosts = () => editors.telegram.callsTo("sendMessage").filter((c) => c.payload.chat_id === CHANNEL_ID);

  /** Stores `count` articles with editor posts directly, as /queue would have. */
  const seedPosts = async (headlines: string[], scheduledAt: Date | null = null) => {
    const { services } = editors.harness.app;
    for (const [i, headline] of headlines.entries()) {
      await services.articles.storeBatch([
        {
          url: `https://news.example.com/seed/${i}`,
          guid: null,
          feedId: null,
          headline,
          summary: `Summary ${i}.`,
          body: "",
          section: null,
          author: null,
          language: null,
          imageUrl: null,
          publishedAt: null,
          modifiedAt: null,
          sortAt: editors.harness.clock.now,
          headlineKey: `seed ${i}`,
          autoPost: false,
          source: "editor",
          topics: [],
          otherUrls: [],
        },
      ]);
      const article = await services.articles.findByUrl(`https://news.example.com/seed/${i}`);
      await services.posts.create({ articleId: article!.id, origin: "editor", scheduledAt, queuedById: BigInt(EDITOR.id), queuedByName: "Ann" });
    }
  };

  it("queues a story by link as a draft showing exactly what will be posted; Post now sends it and the card says so", async () => {
    serve(STORY_URL, articlePage(HEADLINE, STORY_URL), "text/html; charset=utf-8");
    await editors.harness.say(`/queue ${STORY_URL}`);

    const post = await editors.harness.app.services.posts.get(1);
    expect(post).toMatchObject({ status: "draft", origin: "editor", scheduledAt: null, queuedById: BigInt(EDITOR.id), queuedByName: "Ann" });
    expect(post!.article).toMatchObject({ url: STORY_URL, headline: HEADLINE });
    expect(await prisma().article.findUniqueOrThrow({ where: { id: 1 }, select: { source: true, autoPost: true } })).toEqual({ source: "page", autoPost: false });

    const preview = editors.harness.app.newsroom.posts.render(post!);
    // No picture on the page: the post goes out as a large link preview, naming the source by its host.
    expect(preview).toMatch(
      /^<b>Ferry line &lt;to&gt; link the islands &amp; the mainland<\/b>\n\nThe harbour authority confirmed .+\n\n<a href="https:\/\/news\.example\.com\/islands\/ferry-line">Read more<\/a> · news\.example\.com\n\n#islands$/s,
    );
    const largePreview = { url: STORY_URL, prefer_large_media: true, show_above_text: true };
    const article = await prisma().article.findUniqueOrThrow({ where: { id: 1 } });
    const facts = `📝 Draft #1 by Ann · news.example.com · ${formatWhen(article.publishedAt ?? article.sortAt, TIMEZONE, editors.harness.clock.now)}`;
    const replies = editors.telegram.callsTo("sendMessage").map((c) => c.payload);
    // The draft's card is the post as it will appear (the same large preview), with the draft's lines under it.
    expect(replies).toEqual([
      {
        chat_id: ADMIN_CHAT_ID,
        text: `${preview}\n\n${facts}\nNothing goes out until an editor presses Post now or Schedule.`,
        parse_mode: "HTML",
        link_preview_options: largePreview,
        reply_markup: { inline_keyboard: cardButtons(1, "draft") },
      },
    ]);
    const audit = await prisma().auditLog.findMany();
    expect(audit).toHaveLength(1);
    expect(audit[0]).toMatchObject({ actorId: BigInt(EDITOR.id), actorName: "Ann", action: "post.queue", subject: "post #1", before: null });

    // A draft never goes out by itself.
    expect(await publishNextPost(editors.harness.app.outboxDeps)).toEqual({ kind: "idle", reason: { code: "nothing-new" } });
    expect(channelPosts()).toHaveLength(0);

    const cardId = Number((await prisma().channelPost.findUniqueOrThrow({ where: { id: 1 } })).cardMessageId);
    await editors.harness.pressOn(cardId, "ed:rpost:1");
    expect(channelPosts().map((c) => c.payload)).toEqual([
      { chat_id: CHANNEL_ID, text: preview, parse_mode: "HTML", link_preview_options: largePreview, disable_notification: true },
    ]);
    expect(editors.telegram.callsTo("answerCallbackQuery").map((c) => c.payload.text)).toEqual(["Posted as #1."]);
    // The preview is updated: no buttons left once the post went out.
    expect(editors.telegram.callsTo("editMessageText").map((c) => c.payload)).toEqual([
      {
        chat_id: ADMIN_CHAT_ID,
        message_id: cardId,
        text: `${preview}\n\n${facts}\n✅ Posted by Ann at 10:00 as #1`,
        parse_mode: "HTML",
        link_preview_options: largePreview,
        reply_markup: { inline_keyboard: [] },
      },
    ]);
    expect(await editors.harness.app.services.posts.get(1)).toMatchObject({ status: "sent", chatId: String(CHANNEL_ID) });

    // Pressed twice (or the publish job running): nothing is sent twice.
    await editors.harness.pressOn(cardId, "ed:rpost:1");
    await publishNextPost(editors.harness.app.outboxDeps);
    expect(channelPosts()).toHaveLength(1);
    expect(editors.telegram.callsTo("answerCallbackQuery").at(-1)?.payload.text).toBe("Already decided by Ann.");
    await editors.harness.say("/postnow 1");
    expect(editors.harness.sent().at(-1)).toMatch(/^Post #1 is already in the channel \(sent Mon 30 Nov 10:00\)\.$/);
  });

  it("a draft's Cancel, and /cancel, end it and update its card", async () => {
    serve(STORY_URL, articlePage(HEADLINE, STORY_URL), "text/html; charset=utf-8");
    await editors.harness.say(`/queue ${STORY_URL}`);
    const cardId = Number((await prisma().channelPost.findUniqueOrThrow({ where: { id: 1 } })).cardMessageId);
    await editors.harness.say("/cancel 1");
    expect(editors.harness.sent().at(-1)).toBe("Post #1 is cancelled: it will not be posted.");
    const edit = editors.telegram.callsTo("editMessageText").at(-1)?.payload;
    expect(edit).toMatchObject({ message_id: cardId, reply_markup: { inline_keyboard: [] } });
    expect(String(edit?.text).endsWith("\n🗑 Cancelled by Ann at 10:00")).toBe(true);
    expect(await prisma().channelPost.findUniqueOrThrow({ where: { id: 1 }, select: { status: true, decision: true } })).toEqual({
      status: "cancelled",
      decision: "cancelled",
    });
    await editors.harness.pressOn(cardId, "ed:rpost:1");
    expect(editors.telegram.callsTo("answerCallbackQuery").at(-1)?.payload.text).toBe("Already decided by Ann.");
    expect(channelPosts()).toHaveLength(0);
  });

  it("warns when the channel already carried the story under another URL: Queue anyway or Cancel", async () => {
    const COPY_URL = "https://mirror.example.org/ferry-copy";
    serve(STORY_URL, articlePage(HEADLINE, STORY_URL), "text/html; charset=utf-8");
    serve(COPY_URL, articlePage(HEADLINE, COPY_URL), "text/html; charset=utf-8");
    await editors.harness.say(`/queue ${STORY_URL}`);
    await editors.harness.say("/postnow 1");
    expect(channelPosts()).toHaveLength(1);

    await editors.harness.say(`/queue ${COPY_URL}`);
    expect(editors.harness.last()).toEqual({
      chat_id: ADMIN_CHAT_ID,
      text:
        "The channel already carried this story as #1 on Mon 30 Nov 10:00: “Ferry line &lt;to&gt; link the islands &amp; the mainland” " +
        `(${STORY_URL}). Queue this link anyway?`,
      parse_mode: "HTML",
      link_preview_options: { is_disabled: true },
      reply_markup: {
        inline_keyboard: [
          [
            { text: "Queue anyway", callback_data: "ed:qany:2:0" },
            { text: "Cancel", callback_data: "ed:qstop" },
          ],
        ],
      },
    });
    expect(await prisma().channelPost.count()).toBe(1);

    await editors.harness.press("ed:qstop");
    expect(editors.telegram.callsTo("answerCallbackQuery").at(-1)?.payload.text).toBe("Nothing was queued.");
    expect(editors.telegram.callsTo("editMessageText").at(-1)?.payload).toMatchObject({
      text: "earlier message\n\nNothing was queued.",
      reply_markup: { inline_keyboard: [] },
    });
    expect(await prisma().channelPost.count()).toBe(1);

    await editors.harness.say(`/queue ${COPY_URL} 18:00`);
    expect(editors.harness.last()).toMatchObject({
      reply_markup: { inline_keyboard: [[{ text: "Queue anyway", callback_data: `ed:qany:2:${Date.parse("2026-11-30T18:00:00Z") / 1000}` }, { text: "Cancel", callback_data: "ed:qstop" }]] },
    });
    await editors.harness.press(`ed:qany:2:${Date.parse("2026-11-30T18:00:00Z") / 1000}`);
    expect(editors.telegram.callsTo("editMessageText").at(-1)?.payload).toMatchObject({ text: "earlier message\n\nQueued anyway.", reply_markup: { inline_keyboard: [] } });
    expect(editors.harness.sent().at(-2)).toBe("Post #2: scheduled for Mon 30 Nov 18:00. This is what will be posted:");
    expect(await editors.harness.app.services.posts.get(2)).toMatchObject({ status: "scheduled", articleId: 2 });
    const queued = (await prisma().auditLog.findMany({ where: { action: "post.queue" }, orderBy: { id: "asc" } })).at(-1);
    expect(JSON.parse(String(queued?.after))).toMatchObject({ sameStoryAnyway: true });
  });

  it("previews a story with a picture as the photo post it will be, or as a preview when Telegram refuses the picture", async () => {
    const image = "https://news.example.com/images/ferry.jpg";
    serve(STORY_URL, articlePage(HEADLINE, STORY_URL).replace("</head>", `<meta property="og:image" content="${image}"></head>`), "text/html; charset=utf-8");
    editors.telegram.answer("sendPhoto", () => ({ error_code: 400, description: "Bad Request: failed to get HTTP URL content" }));
    await editors.harness.say(`/queue ${STORY_URL} 18:00`);
    const post = await editors.harness.app.services.posts.get(1);
    expect(editors.telegram.callsTo("sendPhoto").map((c) => [c.payload.photo, c.payload.caption])).toEqual([[image, editors.harness.app.newsroom.posts.render(post!)]]);
    expect(editors.harness.last()).toMatchObject({
      text: expect.stringMatching(/^<b>Ferry line &lt;to&gt; link the islands &amp; the mainland<\/b>\n\n.+· news\.example\.com\n\n#islands$/s),
      link_preview_options: { url: STORY_URL, prefer_large_media: true, show_above_text: true },
      reply_markup: { inline_keyboard: expect.any(Array) },
    });
  });

  it("schedules at once when given a time, saying when in TIMEZONE", async () => {
    serve(STORY_URL, articlePage(HEADLINE, STORY_URL), "text/html; charset=utf-8");
    await editors.harness.say(`/queue ${STORY_URL} tomorrow 7:00`);
    expect(editors.harness.sent()[0]).toBe("Post #1: scheduled for Tue 1 Dec 07:00. This is what will be posted:");
    expect(await editors.harness.app.services.posts.get(1)).toMatchObject({ status: "scheduled", scheduledAt: new Date("2026-12-01T07:00:00Z") });

    // Not before its time…
    expect(await publishNextPost(editors.harness.app.outboxDeps)).toEqual({ kind: "idle", reason: { code: "nothing-new" } });
    // …and first in line once it is due.
    editors.harness.clock.now = new Date("2026-12-01T07:00:00Z");
    expect(await publishNextPost(editors.harness.app.outboxDeps)).toMatchObject({ kind: "sent", postId: 1 });
  });

  it("refuses a time in the past, a private address and a page that cannot be fetched, storing nothing", async () => {
    await editors.harness.say(`/queue ${STORY_URL} 09:00`);
    await editors.harness.say("/queue http://127.0.0.1:8080/admin");
    server.use(http.get("https://news.example.com/missing", () => new HttpResponse("gone", { status: 404 })));
    await editors.harness.say("/queue https://news.example.com/missing");
    await editors.harness.say("/queue not-a-link");
    await editors.harness.say("/queue");
    const sent = editors.harness.sent();
    expect(sent[0]).toBe("Mon 30 Nov 09:00 is in the past. Nothing was queued.");
    expect(sent[1]).toMatch(/^I could not fetch that page: .*private.*\. Nothing was queued\.$/i);
    expect(sent[2]).toMatch(/^I could not fetch that page: .*404.*\. Nothing was queued\.$/);
    expect(sent[3]).toBe("“not-a-link” is not a web address: give the article's full link, e.g. https://example.com/story.");
    // /queue alone shows the queue.
    expect(sent[4]).toBe("Nothing is waiting to be posted. Queue a story with /queue &lt;link&gt; or /compose.");
    expect(await prisma().article.count()).toBe(0);
    expect(await prisma().channelPost.count()).toBe(0);
    expect(await prisma().auditLog.count()).toBe(0);
  });

  it("says a story is already posted, with its post id, and reuses a stored article", async () => {
    const page = serve(STORY_URL, articlePage(HEADLINE, STORY_URL), "text/html; charset=utf-8");
    await editors.harness.say(`/queue ${STORY_URL}`);
    await editors.harness.say(`/queue ${STORY_URL} 18:00`);
    // The stored article was reused: fetched once, and the waiting post rescheduled.
    expect(page.count).toBe(1);
    expect(editors.harness.sent()[1]).toBe("Post #1: scheduled for Mon 30 Nov 18:00. This is what will be posted:");
    await editors.harness.say("/postnow 1");
    await editors.harness.say(`/queue ${STORY_URL}`);
    expect(editors.harness.sent().at(-1)).toBe("This story is already in the channel as post #1.");
    expect(await prisma().channelPost.count()).toBe(1);
  });

  it("lists the queue with per-post buttons, escaping headlines", async () => {
    await seedPosts(["<script>alert(1)</script> & co", "Second story"]);
    await editors.harness.app.services.posts.schedule(2, new Date("2026-12-01T07:00:00Z"));
    await editors.harness.say("/scheduled");
    expect(editors.harness.last()).toEqual({
      chat_id: ADMIN_CHAT_ID,
      text: [
        "<b>Waiting to be posted</b>",
        "#1 next slot · &lt;script&gt;alert(1)&lt;/script&gt; &amp; co · queued by Ann",
        "#2 Tue 1 Dec 07:00 · Second story · queued by Ann",
      ].join("\n"),
      parse_mode: "HTML",
      link_preview_options: { is_disabled: true },
      reply_markup: {
        inline_keyboard: [
          [
            { text: "Post #1 now", callback_data: "ed:now:1" },
            { text: "Cancel #1", callback_data: "ed:cancel:1" },
          ],
          [
            { text: "Post #2 now", callback_data: "ed:now:2" },
            { text: "Cancel #2", callback_data: "ed:cancel:2" },
          ],
        ],
      },
    });

    await editors.harness.press("ed:cancel:2");
    expect(editors.telegram.callsTo("answerCallbackQuery").at(-1)?.payload.text).toBe("Post #2 is cancelled: it will not be posted.");
    expect(await editors.harness.app.services.posts.get(2)).toMatchObject({ status: "cancelled" });
  });

  it("cuts a long queue at whole lines, with buttons only for the posts shown", async () => {
    await seedPosts(Array.from({ length: 60 }, (_, i) => `A rather long headline about the harbour, the ferries and the islands, number ${i}`));
    await editors.harness.say("/scheduled");
    const { text, reply_markup } = editors.harness.last() as { text: string; reply_markup: { inline_keyboard: unknown[][] } };
    expect(visibleLength(text)).toBeLessThanOrEqual(4096);
    const lines = text.split("\n");
    expect(lines.at(-1)).toMatch(/^… and \d+ more$/);
    const shown = lines.slice(1, -1);
    for (const line of shown) expect(line).toMatch(/^#\d+ next slot · A rather long headline .* number \d+ · queued by Ann$/);
    expect(shown.length).toBeGreaterThan(0);
    expect(shown.length + Number(/(\d+) more/.exec(lines.at(-1)!)![1])).toBe(60);
    expect(reply_markup.inline_keyboard).toHaveLength(Math.min(shown.length, 50));
  });

  it("says when the queue is empty", async () => {
    await editors.harness.say("/scheduled");
    expect(editors.harness.sent()).toEqual(["Nothing is waiting to be posted. Queue a story with /queue &lt;link&gt; or /compose."]);
  });

  it("posts now during a pause and quiet hours", async () => {
    await editors.harness.app.stop();
    editors.harness = await startHarness(editors.database, editors.telegram, { env: { QUIET_HOURS: "00:00-23:59" } });
    await seedPosts(["Urgent story"]);
    await editors.harness.say("/pause");
    await editors.harness.say("/postnow 1");
    expect(editors.harness.sent().slice(1)).toEqual(["Post #1 is in the channel now."]);
    expect(channelPosts().map((c) => c.payload.text)).toEqual([expect.stringContaining("Urgent story")]);
    expect(await prisma().auditLog.findMany({ where: { action: "post.post_now" }, select: { subject: true, before: true } })).toEqual([
      { subject: "post #1", before: JSON.stringify({ status: "queued", scheduledAt: null }) },
    ]);
  });

  it("tells why a post could not be sent now", async () => {
    await seedPosts(["Refused story"]);
    editors.telegram.answer("sendMessage", (payload) =>
      payload.chat_id === CHANNEL_ID
        ? { error_code: 400, description: "Bad Request: can't parse entities" }
        : { result: { message_id: 1, date: 0, chat: { id: payload.chat_id, type: "supergroup" }, text: payload.text } },
    );
    await editors.harness.say("/postnow 1");
    expect(editors.harness.sent().at(-1)).toMatch(/^Post #1 could not be sent: .*can't parse entities.*\.$/);
    await editors.harness.say("/postnow 9");
    expect(editors.harness.sent().at(-1)).toBe("There is no post #9.");
    await editors.harness.say("/postnow x");
    expect(editors.harness.sent().at(-1)).toBe("“x” is not a post id (a number like 12, as /scheduled shows it). Use /postnow &lt;id&gt;, e.g. /postnow 12");
  });

  it("reschedules, refusing a time in the past without changing the post", async () => {
    await seedPosts(["Movable story"]);
    await editors.harness.say("/reschedule 1 in 2h");
    expect(editors.harness.sent()).toEqual(["Post #1 rescheduled: scheduled for Mon 30 Nov 12:00."]);
    expect(await editors.harness.app.services.posts.get(1)).toMatchObject({ status: "scheduled", scheduledAt: new Date("2026-11-30T12:00:00Z") });
    await editors.harness.say("/reschedule 1 2026-11-29 10:00");
    await editors.harness.say("/reschedule 1");
    await editors.harness.say("/reschedule 4 18:00");
    expect(editors.harness.sent().slice(1)).toEqual([
      "Sun 29 Nov 10:00 is in the past. Post #1 was not changed.",
      "When should post #1 go out? Use /reschedule &lt;id&gt; &lt;when&gt;, e.g. /reschedule 12 tomorrow 9am (now, 12:00, tomorrow 9am, in 2h, 2026-12-01 07:00).",
      "There is no post #4.",
    ]);
    expect(await editors.harness.app.services.posts.get(1)).toMatchObject({ scheduledAt: new Date("2026-11-30T12:00:00Z") });
    const audit = await prisma().auditLog.findMany({ select: { action: true, before: true, after: true } });
    expect(audit).toEqual([
      { action: "post.reschedule", before: JSON.stringify({ scheduledAt: null }), after: JSON.stringify({ scheduledAt: "2026-11-30T12:00:00.000Z" }) },
    ]);
  });

  it("cancels a post, and explains /cancel without an id", async () => {
    await seedPosts(["Cancelled story"]);
    await editors.harness.say("/cancel 1");
    await editors.harness.say("/cancel 1");
    await editors.harness.say("/cancel");
    expect(editors.harness.sent()).toEqual([
      "Post #1 is cancelled: it will not be posted.",
      "Post #1 is not waiting to be sent (it is cancelled); nothing changed.",
      "There is nothing to cancel here. To cancel a waiting post use /cancel &lt;id&gt;, e.g. /cancel 12; /cancel alone leaves /compose.",
    ]);
    expect(await publishNextPost(editors.harness.app.outboxDeps)).toEqual({ kind: "idle", reason: { code: "nothing-new" } });
  });

  it("answers the Schedule and Edit buttons with how to do it", async () => {
    await seedPosts(["Story"]);
    await editors.harness.press("ed:schedule:1");
    await editors.harness.press("ed:edit:1");
    expect(editors.telegram.callsTo("answerCallbackQuery")).toHaveLength(2);
    expect(editors.harness.sent()).toEqual([
      "When should post #1 go out? Send /reschedule 1 &lt;when&gt;, e.g. /reschedule 1 tomorrow 9am (now, 12:00, tomorrow 9am, in 2h, 2026-12-01 07:00).",
      "To correct post #1, send /edit 1 headline &lt;new headline&gt; or /edit 1 summary &lt;new summary&gt;.",
    ]);
  });
});
