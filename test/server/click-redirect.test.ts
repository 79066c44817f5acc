/**
 * "Read more" goes through GET /r/<postId>: only posts in the channel answer, and a click
 * counts once per reader address, post and hour — across every instance sharing the
 * database — without any address being stored. Behind a reverse proxy (TRUST_PROXY) the
 * reader is read from X-Forwarded-For, right to left. On SQLite and on PostgreSQL.
 */
import { describe, expect, it } from "vitest";

import type { App } from "../../src/app/create-app.js";
import { CLICK_KEY_SETTING } from "../../src/db/counted-clicks.js";
import { markPosted, startReaderApp, storeArticle, useReaderApp, type ReaderTestState } from "../bot/readers/reader-harness.js";
import { TEST_PROVIDERS } from "../support/database.js";

const HOUR = 3_600_000;
const PUBLIC_URL = "https://news.example.org";
const BROWSER = "Mozilla/5.0 (Macintosh; Intel Mac OS X 14_5) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.5 Safari/605.1.15";
const ADA = "203.0.113.7";
const GRACE = "198.51.100.23";

/** Stores an article and records it as posted in the channel an hour ago; returns the post id. */
async function postedStory(readers: ReaderTestState, slug: string, messageId: number): Promise<number> {
  const hourAgo = new Date(readers.clock.now().getTime() - HOUR);
  const articleId = await storeArticle(readers.app, { url: `https://news.example.com/${slug}`, headline: `Story ${slug}`, sortAt: hourAgo });
  return markPosted(readers.app, articleId, messageId, hourAgo);
}

/** Opens `app`'s HTTP server; returns a function that clicks /r/<postId> as a browser would through the proxy. */
async function serve(app: App) {
  const port = await app.server.listen(0, "127.0.0.1");
  return (postId: number, headers: Record<string, string> = {}) =>
    fetch(`http://127.0.0.1:${port}/r/${postId}`, { redirect: "manual", headers: { "user-agent": BROWSER, ...headers } });
}

describe.each(TEST_PROVIDERS)("the click redirect behind a trusted proxy (%s)", (provider) => {
  const env = { PUBLIC_URL, TRUST_PROXY: "loopback" };
  const readers = useReaderApp(provider, { serveHttp: true, env });
  const clicks = async (postId: number) =>
    (await readers.db.prisma.channelPost.findUniqueOrThrow({ where: { id: postId }, select: { clickCount: true } })).clickCount;

  it("counts each reader once per post and hour, whichever of two instances they reach", async () => {
    const postId = await postedStory(readers, "ferry", 61);
    const otherPostId = await postedStory(readers, "budget", 62);
    // A second instance on the same database, as a newsroom runs behind a load balancer.
    const secondDb = await readers.testDb.open();
    const second = await startReaderApp(readers.testDb, secondDb, readers.clock, env);
    try {
      const viaFirst = await serve(readers.app);
      const viaSecond = await serve(second.app);

      const first = await viaFirst(postId, { "x-forwarded-for": ADA });
      expect(first.status).toBe(302);
      expect(first.headers.get("location")).toBe("https://news.example.com/ferry");
      expect(await clicks(postId)).toBe(1);

      // Ada again, within the hour, through the other instance: redirected, not counted.
      const again = await viaSecond(postId, { "x-forwarded-for": ADA });
      expect(again.status).toBe(302);
      expect(again.headers.get("location")).toBe("https://news.example.com/ferry");
      expect(await clicks(postId)).toBe(1);

      // Grace is another reader; Ada's click on another post is another click.
      await viaSecond(postId, { "x-forwarded-for": GRACE });
      await viaFirst(otherPostId, { "x-forwarded-for": ADA });
      expect(await clicks(postId)).toBe(2);
      expect(await clicks(otherPostId)).toBe(1);

      // Ada cannot pass for someone new by writing her own X-Forwarded-For: the proxy appends her real address.
      await viaFirst(postId, { "x-forwarded-for": `192.0.2.99, ${ADA}` });
      expect(await clicks(postId)).toBe(2);

      // An hour later she counts again, on either instance.
      readers.clock.advance(HOUR);
      await viaSecond(postId, { "x-forwarded-for": ADA });
      await viaFirst(postId, { "x-forwarded-for": ADA });
      expect(await clicks(postId)).toBe(3);
      expect(second.problems).toEqual([]);
    } finally {
      await second.app.server.close();
      await second.app.services.fetcher.close();
      await secondDb.close();
    }
  });

  it("stores a keyed hash of each counted click, never the reader's address, and forgets it after a day", async () => {
    const postId = await postedStory(readers, "ferry", 71);
    const click = await serve(readers.app);
    await click(postId, { "x-forwarded-for": ADA });
    await click(postId, { "x-forwarded-for": GRACE });

    const prisma = readers.db.prisma;
    const rows = await prisma.countedClick.findMany();
    expect(rows).toHaveLength(2);
    for (const row of rows) expect(row.hash).toMatch(/^[0-9a-f]{64}$/);
    const key = await prisma.setting.findUniqueOrThrow({ where: { key: CLICK_KEY_SETTING } });
    expect(key.value).toMatch(/^[0-9a-f]{64}$/);
    const everything = JSON.stringify({ rows, settings: await prisma.setting.findMany(), posts: await prisma.channelPost.findMany() }, (_, v: unknown) =>
      typeof v === "bigint" ? String(v) : v,
    );
    expect(everything).not.toContain(ADA);
    expect(everything).not.toContain(GRACE);

    // A day later the next click of the hour sweeps the old rows away.
    readers.clock.advance(25 * HOUR);
    await click(postId, { "x-forwarded-for": ADA });
    expect(await prisma.countedClick.count()).toBe(1);
    expect(await clicks(postId)).toBe(3);
    // A retention job can ask for the same sweep.
    readers.clock.advance(25 * HOUR);
    expect(await readers.app.services.engagement.forgetOldClicks(readers.clock.now())).toBe(1);
    expect(await prisma.countedClick.count()).toBe(0);
  });

  it("redirects robots without counting them, whatever address they come from", async () => {
    const postId = await postedStory(readers, "ferry", 81);
    const click = await serve(readers.app);
    const preview = await click(postId, { "x-forwarded-for": ADA, "user-agent": "TelegramBot (like TwitterBot)" });
    expect(preview.status).toBe(302);
    expect(await clicks(postId)).toBe(0);
    expect(await readers.db.prisma.countedClick.count()).toBe(0);
  });

  it("answers the 'Story not found' page for a post that is not in the channel, and counts nothing", async () => {
    const sent = await postedStory(readers, "sent", 91);
    const click = await serve(readers.app);
    const others: Record<string, number> = {};
    for (const status of ["queued", "scheduled", "cancelled", "failed", "uncertain", "deleted"]) {
      const articleId = await storeArticle(readers.app, { url: `https://news.example.com/${status}`, headline: status, sortAt: readers.clock.now() });
      const post = await readers.app.services.posts.create({ articleId, origin: "editor" });
      await readers.db.prisma.channelPost.update({ where: { id: post!.id }, data: { status } });
      others[status] = post!.id;
    }
    await readers.db.prisma.channelPost.update({ where: { id: sent }, data: { status: "deleted" } });
    others["deleted after sending"] = sent;

    for (const [status, postId] of Object.entries(others)) {
      const response = await click(postId, { "x-forwarded-for": ADA });
      expect(response.status, status).toBe(404);
      expect(response.headers.get("location"), status).toBeNull();
      expect(await response.text(), status).toContain("<h1>Story not found</h1>");
    }
    const counted = await readers.db.prisma.channelPost.findMany({ select: { clickCount: true } });
    expect(counted.every((post) => post.clickCount === 0)).toBe(true);
    expect(await readers.db.prisma.countedClick.count()).toBe(0);
  });
});

describe("the click redirect without TRUST_PROXY", () => {
  const readers = useReaderApp("sqlite", { serveHttp: true, env: { PUBLIC_URL } });

  it("ignores X-Forwarded-For: every request from one connection address is one reader", async () => {
    const postId = await postedStory(readers, "ferry", 101);
    const click = await serve(readers.app);
    await click(postId, { "x-forwarded-for": ADA });
    await click(postId, { "x-forwarded-for": GRACE });
    await click(postId);
    const { clickCount } = await readers.db.prisma.channelPost.findUniqueOrThrow({ where: { id: postId } });
    expect(clickCount).toBe(1);
  });
});
