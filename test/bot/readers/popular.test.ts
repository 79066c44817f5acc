import { describe, expect, it } from "vitest";

import { publishNextPost } from "../../../src/publish/outbox.js";
import { CHANNEL_ID } from "../../support/config.js";
import { TEST_PROVIDERS } from "../../support/database.js";
import { privateMessage } from "../../support/telegram.js";
import { markPosted, reactionCount, READER, storeArticle, useReaderApp } from "./reader-harness.js";

const HOUR = 3_600_000;
const PUBLIC_URL = "https://news.example.org";
/** The line under every ranking, saying what it counts. */
const TODAY_EXPLAINED = "\n\n<i>Ranked by reactions in the channel and clicks on links since midnight (Europe/London); newer stories count for more.</i>";
const WEEK_EXPLAINED = "\n\n<i>Ranked by reactions in the channel and clicks on links over the last 7 days; newer stories count for more.</i>";
const BROWSER = "Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/130.0 Safari/537.36";

describe.each(TEST_PROVIDERS)("/popular, reactions and the click redirect (%s)", (provider) => {
  const readers = useReaderApp(provider, { serveHttp: true, env: { PUBLIC_URL } });

  const ago = (ms: number) => new Date(readers.clock.now().getTime() - ms);
  const say = (text: string) => readers.app.bot.handleUpdate(privateMessage(text, READER));
  const lastReply = () => readers.telegram.callsTo("sendMessage").at(-1)!.payload;
  const counters = (postId: number) =>
    readers.db.prisma.channelPost.findUniqueOrThrow({ where: { id: postId }, select: { reactionCount: true, clickCount: true } });

  /** Stores an article and records it as posted in the channel `postedAgo` ms ago. */
  async function posted(slug: string, headline: string, postedAgo: number, messageId: number): Promise<number> {
    const articleId = await storeArticle(readers.app, { url: `https://news.example.com/${slug}`, headline, sortAt: ago(postedAgo + HOUR) });
    return markPosted(readers.app, articleId, messageId, ago(postedAgo));
  }

  it("a post published by the outbox collects reactions and is ranked by /popular", async () => {
    const articleId = await storeArticle(readers.app, {
      url: "https://news.example.com/budget",
      headline: "Budget <passes> & markets rally",
      sortAt: ago(HOUR),
    });
    const post = await readers.app.services.posts.create({ articleId, origin: "editor" });
    const outcome = await publishNextPost(readers.app.outboxDeps, { postId: post!.id });
    expect(outcome.kind).toBe("sent");
    const channelPost = readers.telegram.callsTo("sendMessage").find((c) => c.payload.chat_id === CHANNEL_ID)!;
    expect(channelPost.payload.text).toContain(`<a href="${PUBLIC_URL}/r/${post!.id}">Read more</a>`);
    const { telegramMessageId } = await readers.db.prisma.channelPost.findUniqueOrThrow({ where: { id: post!.id } });

    await readers.app.bot.handleUpdate(reactionCount(Number(telegramMessageId), { "👍": 3, "🔥": 2 }));
    expect(await counters(post!.id)).toEqual({ reactionCount: 5, clickCount: 0 });
    // Telegram sends the new total each time, not a difference.
    await readers.app.bot.handleUpdate(reactionCount(Number(telegramMessageId), { "👍": 4 }));
    expect(await counters(post!.id)).toEqual({ reactionCount: 4, clickCount: 0 });

    await say("/popular");
    expect(lastReply()).toMatchObject({
      chat_id: READER.id,
      parse_mode: "HTML",
      text: '<b>Most read today</b>\n• <a href="https://news.example.com/budget">Budget &lt;passes&gt; &amp; markets rally</a> — 4 reactions' + TODAY_EXPLAINED,
    });
  });

  it("ranks by engagement decayed with age: a fresh story with a few clicks beats an older one with more reactions", async () => {
    const older = await posted("older", "Older story", 3 * HOUR, 11);
    const quiet = await posted("quiet", "Quiet story", 1 * HOUR, 12);
    await posted("fresh", "Fresh story", 10 * 60_000, 13);
    await posted("unseen", "Nobody reacted", 30 * 60_000, 14);
    const yesterday = await posted("yesterday", "Yesterday's hit", 20 * HOUR, 15);
    await readers.app.bot.handleUpdate(reactionCount(11, { "👍": 5 }));
    await readers.app.bot.handleUpdate(reactionCount(12, { "👍": 1 }));
    await readers.app.bot.handleUpdate(reactionCount(15, { "❤": 100 }));
    await readers.db.prisma.channelPost.updateMany({ where: { telegramMessageId: 13n }, data: { clickCount: 3 } });
    // A post the editors deleted from the channel is not "most read", whatever it collected.
    const deleted = await posted("deleted", "Deleted story", 2 * HOUR, 16);
    await readers.app.bot.handleUpdate(reactionCount(16, { "👍": 500 }));
    await readers.db.prisma.channelPost.update({ where: { id: deleted }, data: { status: "deleted" } });
    expect(await counters(older)).toEqual({ reactionCount: 5, clickCount: 0 });
    expect(await counters(quiet)).toEqual({ reactionCount: 1, clickCount: 0 });
    expect(await counters(yesterday)).toEqual({ reactionCount: 100, clickCount: 0 });

    await say("/popular today");
    expect(lastReply().text).toBe(
      [
        "<b>Most read today</b>",
        '• <a href="https://news.example.com/fresh">Fresh story</a> — 3 clicks',
        '• <a href="https://news.example.com/older">Older story</a> — 5 reactions',
        '• <a href="https://news.example.com/quiet">Quiet story</a> — 1 reaction',
      ].join("\n") + TODAY_EXPLAINED,
    );

    await say("/popular WEEK");
    expect(lastReply().text).toBe(
      [
        "<b>Most read this week</b>",
        '• <a href="https://news.example.com/yesterday">Yesterday\'s hit</a> — 100 reactions',
        '• <a href="https://news.example.com/fresh">Fresh story</a> — 3 clicks',
        '• <a href="https://news.example.com/older">Older story</a> — 5 reactions',
        '• <a href="https://news.example.com/quiet">Quiet story</a> — 1 reaction',
      ].join("\n") + WEEK_EXPLAINED,
    );
  });

  it("with no engagement in the window, says so and falls back to the latest stories", async () => {
    await posted("old-hit", "Old hit", 30 * HOUR, 21);
    await readers.app.bot.handleUpdate(reactionCount(21, { "👍": 9 }));
    await storeArticle(readers.app, { url: "https://news.example.com/new", headline: "Newest story", sortAt: ago(HOUR) });

    await say("/popular");
    expect(lastReply()).toMatchObject({
      parse_mode: "HTML",
      text: [
        "No reactions or clicks yet today — here are the latest stories instead:",
        '• <a href="https://news.example.com/new">Newest story</a>',
        '• <a href="https://news.example.com/old-hit">Old hit</a>',
      ].join("\n"),
    });
  });

  it("with no stories at all, says so; an unknown period gets the usage", async () => {
    await say("/popular");
    expect(lastReply().text).toBe("No stories yet. Check back soon.");
    await say("/popular yesterday");
    expect(lastReply().text).toBe("Send /popular for today's most-read stories, or /popular week for this week's.");
  });

  it("a reaction count for a message that is not one of our posts changes nothing", async () => {
    const postId = await posted("story", "A story", HOUR, 31);
    await readers.app.bot.handleUpdate(reactionCount(999, { "👍": 7 }));
    await readers.app.bot.handleUpdate(reactionCount(31, { "👍": 7 }, { id: -1009999999999 }));
    expect(await counters(postId)).toEqual({ reactionCount: 0, clickCount: 0 });
  });

  it("GET /r/<postId> counts a reader's click once an hour and answers 302 to the stored article URL, never elsewhere", async () => {
    const postId = await posted("redirected", "Redirected story", HOUR, 41);
    const port = await readers.app.server.listen(0);
    const base = `http://127.0.0.1:${port}`;

    const first = await fetch(`${base}/r/${postId}`, { redirect: "manual", headers: { "user-agent": BROWSER } });
    expect(first.status).toBe(302);
    expect(first.headers.get("location")).toBe("https://news.example.com/redirected");
    expect(await counters(postId)).toEqual({ reactionCount: 0, clickCount: 1 });

    const withQuery = await fetch(`${base}/r/${postId}?url=https://evil.example.net/&next=//evil.example.net`, {
      redirect: "manual",
      headers: { "user-agent": BROWSER },
    });
    expect(withQuery.status).toBe(302);
    expect(withQuery.headers.get("location")).toBe("https://news.example.com/redirected");
    // The same reader (address) again within the hour: redirected, not counted twice.
    expect(await counters(postId)).toEqual({ reactionCount: 0, clickCount: 1 });

    // Telegram's link-preview robot fetches every link of a post: it is redirected but not counted.
    const preview = await fetch(`${base}/r/${postId}`, { redirect: "manual", headers: { "user-agent": "TelegramBot (like TwitterBot)" } });
    expect(preview.status).toBe(302);
    expect(await counters(postId)).toEqual({ reactionCount: 0, clickCount: 1 });

    readers.clock.advance(HOUR);
    await fetch(`${base}/r/${postId}`, { redirect: "manual", headers: { "user-agent": BROWSER } });
    expect(await counters(postId)).toEqual({ reactionCount: 0, clickCount: 2 });

    await say("/popular");
    expect(lastReply().text).toBe('<b>Most read today</b>\n• <a href="https://news.example.com/redirected">Redirected story</a> — 2 clicks' + TODAY_EXPLAINED);
  });

  it("GET /r/ for an unknown or malformed id answers a 404 page and counts nothing", async () => {
    const postId = await posted("story", "A story", HOUR, 51);
    const port = await readers.app.server.listen(0);
    for (const path of [`/r/${postId + 1000}`, "/r/abc", "/r/", `/r/${postId}x`, "/r/99999999999", "/r/https:%2F%2Fevil.example.net"]) {
      const response = await fetch(`http://127.0.0.1:${port}${path}`, { redirect: "manual", headers: { "user-agent": BROWSER } });
      expect(response.status, path).toBe(404);
      expect(response.headers.get("location"), path).toBeNull();
      expect(await response.text(), path).toContain("<h1>Story not found</h1>");
    }
    expect(await counters(postId)).toEqual({ reactionCount: 0, clickCount: 0 });
  });
});
