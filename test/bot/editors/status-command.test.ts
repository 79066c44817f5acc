/**
 * /status: an editor sees on one screen what is wrong, whether posting is on, what goes out
 * next and when, the last post, ingest and the feeds, alerts waiting, posts that did not go
 * out cleanly, and the bot's version and uptime.
 */
import { hostname } from "node:os";

import { describe, expect, it } from "vitest";

import { TEST_PROVIDERS } from "../../support/database.js";
import { seedNotPostedStories } from "../../support/articles.js";
import { queueEditorPost, START, useEditorHarness } from "./editor-harness.js";

const at = (hhmm: string) => new Date(`2026-11-30T${hhmm}:00Z`);

describe.each(TEST_PROVIDERS)("/status on %s", (provider) => {
  // The former default schedules, which the times and problems below are told in.
  const editors = useEditorHarness(provider, { INGEST_CRON: "*/5 * * * *", POST_CRON: "*/10 * * * *" });

  const queuePost = (headline: string, scheduledAt: Date | null) => queueEditorPost(editors.harness.app, headline, scheduledAt);

  it("shows a quiet newsroom in a few lines", async () => {
    await editors.harness.say("/status");
    expect(editors.harness.sent()).toEqual([
      [
        "Newsdesk status at Mon 30 Nov 10:00 (Europe/London)",
        "Problems: none",
        "Posting: on",
        "Channel: the bot may post",
        "Next posts: none waiting",
        "Waiting for review: none",
        "Last post: none yet",
        "Last successful ingest: never",
        "Feeds: 0 (0 failing, 0 paused)",
        "Alerts waiting: 0",
        "Not posted: 0 (stories that outlived the 24-hour auto-post window in the last 7 days)",
        "Failed or uncertain posts: none",
        `Bot: version 0.1.0 on ${hostname()} (pid ${process.pid}), up 0 seconds (this one)`,
      ].join("\n"),
    ]);
  });

  it("shows problems, the queue with its times, the last post, feeds in trouble and failed posts", async () => {
    const { services } = editors.harness.app;
    const ok = await services.feeds.add({ url: "https://ok.example.com/rss.xml" });
    await services.feeds.recordSuccess(ok.id, { now: at("09:55"), etag: null, lastModified: null });
    const failing = await services.feeds.add({ url: "https://failing.example.com/rss.xml" });
    await services.feeds.recordFailure(failing.id, { now: at("09:55"), error: "HTTP 503", nextFetchAt: at("10:25"), pauseReason: null });
    const gone = await services.feeds.add({ url: "https://gone.example.com/rss.xml" });
    await services.feeds.recordFailure(gone.id, { now: at("09:40"), error: "HTTP 410", nextFetchAt: null, pauseReason: "the feed is gone (HTTP 410)" });

    const sent = await queuePost("Harbour reopens after the storm", null);
    await services.posts.claim(sent, "earlier-bot", at("09:50"), 90_000);
    await services.posts.markSent(sent, "earlier-bot", { chatId: "-1001111111111", messageId: 77, now: at("09:50") });
    const failed = await queuePost("A story too long to send", null);
    await services.posts.claim(failed, "earlier-bot", at("09:51"), 90_000);
    await services.posts.markUnsent(failed, "earlier-bot", { status: "failed", error: "Bad Request: message is too long" });
    await queuePost("Council approves the new bridge", at("11:00"));
    await queuePost("Ferry line to link the islands", null);

    await editors.harness.say("/pause");
    editors.harness.clock.now = at("10:05");
    await editors.harness.say("/status");
    expect(editors.harness.sent().at(-1)).toBe(
      [
        "Newsdesk status at Mon 30 Nov 10:05 (Europe/London)",
        "Problems (1):",
        "• Automatic posting has been paused by Ann since Mon 30 Nov 10:00.",
        "Posting: automatic posts paused by Ann since Mon 30 Nov 10:00; editors' posts still go out",
        "Channel: the bot may post",
        "Next posts (2 waiting):",
        "  #4 Mon 30 Nov 10:10 “Ferry line to link the islands”",
        "  #3 Mon 30 Nov 11:00 “Council approves the new bridge”",
        "Waiting for review: none",
        "Last post: #1 at Mon 30 Nov 09:50 “Harbour reopens after the storm”",
        "Last successful ingest: Mon 30 Nov 09:55",
        "Feeds: 3 (1 failing, 1 paused)",
        "  #2 https://failing.example.com/rss.xml — error (HTTP 503; 1 failure in a row; next try Mon 30 Nov 10:25)",
        "  #3 https://gone.example.com/rss.xml — paused since Mon 30 Nov 09:40 (the feed is gone (HTTP 410))",
        "Alerts waiting: 0",
        "Not posted: 0 (stories that outlived the 24-hour auto-post window in the last 7 days)",
        "Failed or uncertain posts: 1",
        "  #2 failed: Bad Request: message is too long “A story too long to send”",
        `Bot: version 0.1.0 on ${hostname()} (pid ${process.pid}), up 5 minutes (this one)`,
      ].join("\n"),
    );
  });

  it("counts the stories that outlived the auto-post window as not posted", async () => {
    const { services } = editors.harness.app;
    await seedNotPostedStories(services.db, services.articles, START);
    await editors.harness.say("/status");
    const lines = editors.harness.sent().at(-1)!.split("\n");
    expect(lines.filter((line) => line.startsWith("Not posted"))).toEqual([
      "Not posted: 2 (stories that outlived the 24-hour auto-post window in the last 7 days)",
    ]);
  });
});
