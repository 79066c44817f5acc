/**
 * Selection instead of arrival order: a busy newsroom's channel gets the best waiting story
 * (editors' choices first, then the documented score), in POST_CRON mode and at POST_SLOTS.
 */
import { describe, expect, it } from "vitest";

import { publishNextPost } from "../../src/publish/outbox.js";
import { storyArticle } from "../support/articles.js";
import { CHANNEL_ID } from "../support/config.js";
import { TEST_PROVIDERS } from "../support/database.js";
import { useAppOnClock } from "../support/app-on-clock.js";

const T0 = new Date("2026-11-30T09:00:00Z");
const hoursAgo = (h: number) => new Date(T0.getTime() - h * 3_600_000);

describe.each(TEST_PROVIDERS)("choosing the next post on %s", (provider) => {
  const t = useAppOnClock(provider, T0, { TIMEZONE: "UTC" });
  const posted = () =>
    t.telegram
      .callsTo("sendMessage")
      .filter((c) => c.payload.chat_id === CHANNEL_ID)
      .map((c) => /<b>(.*?)<\/b>/.exec(String(c.payload.text))?.[1]);

  /**
   * Three waiting stories: the oldest from a default feed (score 0.56), one a priority-5 feed
   * brought an hour ago (1.48), and one three sites carry, two hours old (1.59).
   */
  const seedStories = async () => {
    const { services } = t.app;
    const plain = await services.feeds.add({ url: "https://plain.example.com/rss.xml" });
    const trusted = await services.feeds.add({ url: "https://trusted.example.com/rss.xml", priority: 5 });
    await services.articles.storeBatch([
      storyArticle(1, { headline: "Oldest story", feedId: plain.id, sortAt: hoursAgo(5), publishedAt: hoursAgo(5) }),
      storyArticle(2, { headline: "Trusted feed story", feedId: trusted.id, sortAt: hoursAgo(1), publishedAt: hoursAgo(1) }),
      storyArticle(3, {
        headline: "Story three sites carry",
        feedId: plain.id,
        sortAt: hoursAgo(2),
        publishedAt: hoursAgo(2),
        otherUrls: ["https://www.other-paper.example.org/same-story", "https://wire.example.net/same-story", "https://news.example.com/story-3/amp"],
      }),
    ]);
  };

  it("posts the best story first, not the oldest, at every POST_CRON run", async () => {
    await t.start();
    await seedStories();
    for (let i = 0; i < 4; i++) await publishNextPost(t.app.outboxDeps);
    expect(posted()).toEqual(["Story three sites carry", "Trusted feed story", "Oldest story"]);
  });

  it("puts editors' choices before any score: breaking news, then queued posts", async () => {
    await t.start();
    await seedStories();
    const [weak, urgent] = await t.app.services.articles.storeBatch([
      storyArticle(8, { headline: "Editor's pick", sortAt: hoursAgo(20), autoPost: false }),
      storyArticle(9, { headline: "Breaking story", sortAt: hoursAgo(20), autoPost: false }),
    ]);
    await t.app.services.posts.create({ articleId: weak!.id, origin: "editor" });
    const breaking = await t.app.services.posts.create({ articleId: urgent!.id, origin: "editor" });
    await t.app.services.posts.markBreaking(breaking!.id);
    for (let i = 0; i < 3; i++) await publishNextPost(t.app.outboxDeps);
    expect(posted()).toEqual(["Breaking story", "Editor's pick", "Story three sites carry"]);
  });

  it("with POST_SLOTS posts one best story per slot; a post an editor timed goes at its time", async () => {
    await t.start({ POST_SLOTS: "09:00,12:00" });
    await seedStories();
    const [timed, queued] = await t.app.services.articles.storeBatch([
      storyArticle(10, { headline: "Timed by an editor", sortAt: hoursAgo(1), autoPost: false }),
      storyArticle(11, { headline: "Queued by an editor", sortAt: hoursAgo(6), autoPost: false }),
    ]);
    await t.app.services.posts.create({ articleId: timed!.id, origin: "editor", scheduledAt: new Date("2026-11-30T10:15:00Z") });

    t.clock = new Date("2026-11-30T08:59:00Z");
    expect(await publishNextPost(t.app.outboxDeps)).toEqual({ kind: "idle", reason: { code: "waiting-for-slot" } });
    t.clock = new Date("2026-11-30T09:00:30Z");
    expect(await publishNextPost(t.app.outboxDeps)).toMatchObject({ kind: "sent" });
    t.clock = new Date("2026-11-30T09:01:00Z");
    expect(await publishNextPost(t.app.outboxDeps)).toEqual({ kind: "idle", reason: { code: "waiting-for-slot" } });
    expect(posted()).toEqual(["Story three sites carry"]);

    await t.app.services.posts.create({ articleId: queued!.id, origin: "editor" });
    t.clock = new Date("2026-11-30T10:15:00Z");
    await publishNextPost(t.app.outboxDeps);
    t.clock = new Date("2026-11-30T10:16:00Z");
    expect(await publishNextPost(t.app.outboxDeps)).toEqual({ kind: "idle", reason: { code: "waiting-for-slot" } });
    expect(posted()).toEqual(["Story three sites carry", "Timed by an editor"]);

    t.clock = new Date("2026-11-30T12:00:00Z");
    await publishNextPost(t.app.outboxDeps);
    t.clock = new Date("2026-11-30T12:01:00Z");
    await publishNextPost(t.app.outboxDeps);
    expect(posted()).toEqual(["Story three sites carry", "Timed by an editor", "Queued by an editor"]);
    expect(t.app.services.config.postCron).toBe("* * * * *");
  });
});
