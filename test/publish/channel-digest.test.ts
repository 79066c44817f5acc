/**
 * CHANNEL_DIGEST_CRON: the channel's "Top stories" post — the best stories since the last
 * digest (engagement first, then the selection score), as links, silent, never a removed
 * story, nothing when there is nothing new, and never the same digest twice.
 */
import { HttpResponse, http } from "msw";
import { describe, expect, it } from "vitest";

import { CHANNEL_DIGEST_JOB } from "../../src/app/create-jobs.js";
import { storyArticle } from "../support/articles.js";
import { useAppOnClock } from "../support/app-on-clock.js";
import { ADMIN_CHAT_ID, CHANNEL_ID } from "../support/config.js";
import { TEST_PROVIDERS } from "../support/database.js";
import { server } from "../support/msw.js";
import { TEST_API_ROOT, TEST_TOKEN } from "../support/telegram.js";

const T0 = new Date("2026-11-30T18:00:00Z");
const hoursAgo = (h: number) => new Date(T0.getTime() - h * 3_600_000);
const PUBLIC_URL = "https://desk.example.com";

describe.each(TEST_PROVIDERS)("the channel digest on %s", (provider) => {
  const t = useAppOnClock(provider, T0, { CHANNEL_DIGEST_CRON: "0 18 * * *", PUBLIC_URL });
  const channelSends = () => t.telegram.callsTo("sendMessage").filter((c) => c.payload.chat_id === CHANNEL_ID);
  const runDigest = () => t.app.scheduler.runNow(CHANNEL_DIGEST_JOB);

  let n = 0;
  /** A story in the channel: sent `sentHoursAgo`, with `reactions` and `clicks`. */
  const sentStory = async (headline: string, options: { sentAt: Date; reactions?: number; clicks?: number; sortAt?: Date }) => {
    const { services } = t.app;
    const [stored] = await services.articles.storeBatch([storyArticle(++n, { headline, sortAt: options.sortAt ?? options.sentAt })]);
    const post = (await services.posts.create({ articleId: stored!.id, origin: "auto" }))!;
    await services.posts.claim(post.id, "earlier-bot", options.sentAt, 90_000);
    await services.posts.markSent(post.id, "earlier-bot", { chatId: String(CHANNEL_ID), messageId: 500 + n, now: options.sentAt });
    await services.db.prisma.channelPost.update({ where: { id: post.id }, data: { reactionCount: options.reactions ?? 0, clickCount: options.clicks ?? 0 } });
    return { postId: post.id, articleId: stored!.id };
  };

  it("posts the best stories since the last digest, engagement first, silently, without removed ones", async () => {
    await t.start();
    const quiet = await sentStory("Quiet story", { sentAt: hoursAgo(3) });
    const liked = await sentStory("Much-liked story", { sentAt: hoursAgo(10), reactions: 12, clicks: 3 });
    const clicked = await sentStory("Clicked story", { sentAt: hoursAgo(5), clicks: 4 });
    const killed = await sentStory("Killed story", { sentAt: hoursAgo(2), reactions: 50 });
    await t.app.services.db.prisma.article.update({ where: { id: killed.articleId }, data: { removedAt: hoursAgo(1), removedReason: "killed" } });
    await sentStory("Yesterday's story", { sentAt: hoursAgo(30), reactions: 99 });
    // A story that outlived the auto-post window unposted meanwhile: listed after the channel's own.
    await t.app.services.articles.storeBatch([storyArticle(77, { headline: "Missed story", sortAt: hoursAgo(26) })]);

    expect(await runDigest()).toBe(true);
    expect(channelSends().map((c) => c.payload)).toEqual([
      {
        chat_id: CHANNEL_ID,
        text: [
          "<b>Top stories</b>",
          "",
          `1. <a href="${PUBLIC_URL}/r/${liked.postId}">Much-liked story</a>`,
          `2. <a href="${PUBLIC_URL}/r/${clicked.postId}">Clicked story</a>`,
          `3. <a href="${PUBLIC_URL}/r/${quiet.postId}">Quiet story</a>`,
          `4. <a href="https://news.example.com/story-77">Missed story</a>`,
        ].join("\n"),
        parse_mode: "HTML",
        disable_notification: true,
        link_preview_options: { is_disabled: true },
      },
    ]);
    expect(await t.app.services.db.prisma.channelDigest.findMany({ select: { status: true, postIds: true, messageId: true } })).toEqual([
      { status: "sent", postIds: JSON.stringify([liked.postId, clicked.postId, quiet.postId]), messageId: BigInt(1001) },
    ]);
  });

  it("sends nothing when nothing is new, and never the same stories twice across runs", async () => {
    await t.start();
    expect(await runDigest()).toBe(true);
    expect(channelSends()).toEqual([]);
    expect(await t.app.services.db.prisma.channelDigest.count()).toBe(0);

    await sentStory("First story", { sentAt: hoursAgo(1) });
    await runDigest();
    expect(channelSends()).toHaveLength(1);
    await runDigest();
    expect(channelSends()).toHaveLength(1);

    t.clock = new Date(T0.getTime() + 3_600_000);
    const next = await sentStory("Second story", { sentAt: new Date(T0.getTime() + 1_800_000) });
    await runDigest();
    expect(channelSends().map((c) => c.payload.text)).toEqual([
      `<b>Top stories</b>\n\n1. <a href="${PUBLIC_URL}/r/1">First story</a>`,
      `<b>Top stories</b>\n\n1. <a href="${PUBLIC_URL}/r/${next.postId}">Second story</a>`,
    ]);
  });

  it("is titled in CHANNEL_LANGUAGE", async () => {
    await t.start({ CHANNEL_LANGUAGE: "ru" });
    await sentStory("Story", { sentAt: hoursAgo(1) });
    await runDigest();
    expect(String(channelSends()[0]!.payload.text).split("\n")[0]).toBe("<b>Главное</b>");
  });

  it("a digest whose send broke off mid-call is uncertain, reported, and never sent again", async () => {
    await t.start();
    await sentStory("Story", { sentAt: hoursAgo(1) });
    server.use(http.post(`${TEST_API_ROOT}/bot${TEST_TOKEN}/sendMessage`, () => HttpResponse.error(), { once: true }));
    await runDigest();
    expect(await t.app.services.db.prisma.channelDigest.findMany({ select: { status: true } })).toEqual([{ status: "uncertain" }]);
    await runDigest();
    expect(channelSends()).toEqual([]);
    const notices = t.telegram.callsTo("sendMessage").filter((c) => c.payload.chat_id === ADMIN_CHAT_ID).map((c) => String(c.payload.text));
    expect(notices).toHaveLength(1);
    expect(notices[0]).toMatch(/^⚠️ The “Top stories” digest may or may not be in the channel \(the connection to Telegram failed during the call \(.+\)\)\. It is not sent again\.$/);
  });

  it("says why a digest may be in the channel in ADMIN_LANGUAGE", async () => {
    await t.start({ ADMIN_LANGUAGE: "ru" });
    await sentStory("Story", { sentAt: hoursAgo(1) });
    server.use(http.post(`${TEST_API_ROOT}/bot${TEST_TOKEN}/sendMessage`, () => HttpResponse.error(), { once: true }));
    await runDigest();
    const notices = t.telegram.callsTo("sendMessage").filter((c) => c.payload.chat_id === ADMIN_CHAT_ID).map((c) => String(c.payload.text));
    expect(notices).toEqual([
      expect.stringMatching(/^⚠️ Неизвестно, попала ли сводка «Главное» в канал \(связь с Telegram оборвалась во время отправки \(.+\)\)\. Повторно она не отправляется\.$/),
    ]);
  });
});
