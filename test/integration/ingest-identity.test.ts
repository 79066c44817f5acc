/**
 * One story, one article: tracking parameters do not make a new URL, and the same
 * story syndicated under another URL by a second feed is stored (and posted) once.
 * Keyword filters set with the CLI decide which items a feed contributes.
 * On SQLite and on PostgreSQL.
 */
import { delay, http, HttpResponse } from "msw";
import { afterEach, beforeEach, describe, expect, it } from "vitest";

import { createApp, type App } from "../../src/app/create-app.js";
import { publishNextPost } from "../../src/publish/outbox.js";
import { createCliHarness, createClock, type CliHarness } from "../cli/cli-harness.js";
import { CHANNEL_ID, memoryLogger, testConfig } from "../support/config.js";
import { TEST_PROVIDERS } from "../support/database.js";
import { server } from "../support/msw.js";
import { BOT_INFO } from "../support/telegram.js";
import { publicLookup, rss, serve } from "../support/web.js";

const HOUR = 3_600_000;
const WIRE_FEED = "https://wire.example.com/rss.xml";
const PAPER_FEED = "https://daily.example.org/feeds/world.xml";

const story = (what: string) => `${what}. The full report from our correspondents, with reactions from officials and what happens next.`;

describe.each(TEST_PROVIDERS)("one story, one article on %s", (provider) => {
  let h: CliHarness;
  let clock: ReturnType<typeof createClock>;
  const apps: App[] = [];

  beforeEach(async () => {
    h = await createCliHarness(provider);
    // The real clock: the publisher posts only stories of the last hours.
    clock = createClock(new Date());
  });
  afterEach(async () => {
    for (const app of apps.splice(0)) await app.stop();
    await h.close();
  });

  const ingest = () => h.cli(["ingest"], { now: clock.now });

  /** Both feeds fetched once with their back catalogue, so that what comes next is posted. */
  const primeBothFeeds = async () => {
    serve(WIRE_FEED, rss([{ title: "Wire archive: harbour reopens", link: "https://wire.example.com/harbour", description: story("The harbour reopened") }]));
    serve(PAPER_FEED, rss([{ title: "Paper archive: museum restored", link: "https://daily.example.org/museum", description: story("The museum reopened") }]));
    await h.cli(["feeds", "add", WIRE_FEED]);
    await h.cli(["feeds", "add", PAPER_FEED]);
    const firstFetch = (id: number) => `#${id} first fetch: 1 story stored, not posted: only stories that arrive from now on are posted`;
    expect((await ingest()).stdout).toBe(`${firstFetch(1)}\n${firstFetch(2)}\n2 feeds, 2 new articles, 0 failed\n`);
    clock.advance(5 * 60_000);
  };

  /** The paper's server answers only once the wire's copy of `story` is stored, so the wire's copy wins. */
  const serveAfter = (url: string, body: string, storedUrl: string) =>
    server.use(
      http.get(url, async () => {
        const db = await h.db();
        for (let waited = 0; waited < 15_000 && (await db.prisma.article.count({ where: { url: storedUrl } })) === 0; waited += 25) await delay(25);
        return new HttpResponse(body, { headers: { "content-type": "application/rss+xml" } });
      }),
    );

  const publishAll = async () => {
    const app = await createApp({ config: testConfig(h.database.url), logger: memoryLogger().logger, botInfo: BOT_INFO, fetcherDeps: { lookup: publicLookup } });
    apps.push(app);
    const outcomes = [await publishNextPost(app.outboxDeps), await publishNextPost(app.outboxDeps)];
    return { outcomes, channelPosts: h.telegram.callsTo("sendMessage").filter((c) => c.payload.chat_id === CHANNEL_ID) };
  };

  it("stores one article for the same link with different tracking parameters from two feeds, and posts it once", async () => {
    await primeBothFeeds();
    const published = new Date(clock.now().getTime() - HOUR);
    serve(WIRE_FEED, rss([{ title: "Ceasefire agreed in border dispute", link: "https://news.example.net/world/ceasefire?utm_source=wire&utm_medium=rss", description: story("A ceasefire was agreed"), pubDate: published }]));
    serveAfter(
      PAPER_FEED,
      rss([{ title: "Ceasefire agreed in border dispute", link: "https://news.example.net/world/ceasefire?utm_source=daily&fbclid=abc123#top", description: story("A ceasefire was agreed"), pubDate: published }]),
      "https://news.example.net/world/ceasefire",
    );

    expect((await ingest()).stdout).toBe("#1 ok: 1 new, 0 skipped\n#2 ok: 0 new, 0 skipped\n2 feeds, 1 new article, 0 failed\n");
    const db = await h.db();
    expect(await db.prisma.article.findMany({ where: { url: { contains: "ceasefire" } }, select: { url: true } })).toEqual([{ url: "https://news.example.net/world/ceasefire" }]);

    const { outcomes, channelPosts } = await publishAll();
    expect(outcomes.map((o) => o.kind)).toEqual(["sent", "idle"]);
    expect(channelPosts).toHaveLength(1);
    expect(String(channelPosts[0]!.payload.text)).toContain('<a href="https://news.example.net/world/ceasefire">Read more</a>');
  });

  it("stores a syndicated story from a second feed once, with its URL as an alias, and posts it once", async () => {
    await primeBothFeeds();
    const published = new Date(clock.now().getTime() - HOUR);
    serve(WIRE_FEED, rss([{ title: "Kim Jong Un to visit Russia for summit with Putin", link: "https://wire.example.com/asia/kim-russia", description: story("Kim Jong Un will visit Russia"), pubDate: published }]));
    serveAfter(
      PAPER_FEED,
      rss([
        {
          title: "Kim Jong Un will visit Russia for a summit with Putin, Kremlin says",
          link: "https://daily.example.org/world/2026/kim-jong-un-russia-visit",
          description: story("North Korea's leader is heading to Russia"),
          pubDate: new Date(published.getTime() + 20 * 60_000),
        },
      ]),
      "https://wire.example.com/asia/kim-russia",
    );

    expect((await ingest()).stdout).toBe("#1 ok: 1 new, 0 skipped\n#2 ok: 0 new, 1 skipped\n2 feeds, 1 new article, 0 failed\n");
    const db = await h.db();
    const kim = await db.prisma.article.findMany({ where: { headline: { contains: "Kim" } }, include: { aliases: { select: { url: true } } } });
    expect(kim.map((a) => ({ url: a.url, feedId: a.feedId, aliases: a.aliases }))).toEqual([
      { url: "https://wire.example.com/asia/kim-russia", feedId: 1, aliases: [{ url: "https://daily.example.org/world/2026/kim-jong-un-russia-visit" }] },
    ]);

    // The paper's next fetch still lists it: known by its alias, nothing new.
    clock.advance(5 * 60_000);
    expect((await ingest()).stdout).toBe("#1 ok: 0 new, 0 skipped\n#2 ok: 0 new, 0 skipped\n2 feeds, 0 new articles, 0 failed\n");

    const { outcomes, channelPosts } = await publishAll();
    expect(outcomes.map((o) => o.kind)).toEqual(["sent", "idle"]);
    expect(channelPosts).toHaveLength(1);
  });

  it("takes only what a feed's keyword filters let through (case-insensitive, whole words)", async () => {
    serve(
      WIRE_FEED,
      rss([
        { title: "North Korea fires missile into the sea", link: "https://wire.example.com/1", description: story("Seoul said the launch") },
        { title: "NORTH KOREA: talks stall again", link: "https://wire.example.com/2", description: story("Diplomats said the talks") },
        { title: "North Korean chef opens restaurant in Seoul", link: "https://wire.example.com/3", description: story("A chef from Pyongyang") },
        { title: "Sport: North Korea beats Japan", link: "https://wire.example.com/4", description: story("The football match") },
        { title: "Transport links to north korea border cut", link: "https://wire.example.com/5", description: story("Rail and road links") },
        { title: "Markets rally on rate hopes", link: "https://wire.example.com/6", description: story("Shares rose") },
      ]),
    );
    await h.cli(["feeds", "add", WIRE_FEED]);
    expect(await h.cli(["feeds", "filter", "include", "1", "north", "korea"])).toEqual({ code: 0, stdout: 'feed #1: include "north korea"\n', stderr: "" });
    expect(await h.cli(["feeds", "filter", "exclude", "1", "Sport"])).toEqual({ code: 0, stdout: 'feed #1: exclude "Sport"\n', stderr: "" });
    expect((await h.cli(["feeds", "filter", "exclude", "1", "doping"])).code).toBe(0);
    expect((await h.cli(["feeds", "filter", "list", "1"])).stdout).toBe('include "north korea"\nexclude "Sport"\nexclude "doping"\n');
    expect(await h.cli(["feeds", "filter", "unexclude", "1", "doping"])).toEqual({ code: 0, stdout: 'feed #1: removed exclude "doping"\n', stderr: "" });
    expect(await h.cli(["feeds", "filter", "unexclude", "1", "doping"])).toEqual({ code: 1, stdout: "", stderr: 'feed #1 has no exclude "doping"\n' });
    expect(await h.cli(["feeds", "filter", "include", "7", "korea"])).toEqual({ code: 1, stdout: "", stderr: "there is no feed #7\n" });
    expect(await h.cli(["feeds", "filter", "list", "7"])).toEqual({ code: 1, stdout: "", stderr: "there is no feed #7\n" });
    expect(await h.cli(["feeds", "filter", "include", "1", "!!!"])).toEqual({ code: 1, stdout: "", stderr: "The phrase needs at least one letter or digit.\n" });

    expect((await ingest()).stdout).toBe(
      "#1 first fetch: 3 stories stored (3 skipped), not posted: only stories that arrive from now on are posted\n1 feed, 3 new articles, 0 failed\n",
    );
    const stored = await (await h.db()).prisma.article.findMany({ orderBy: { id: "asc" }, select: { headline: true } });
    expect(stored.map((a) => a.headline)).toEqual([
      "North Korea fires missile into the sea",
      "NORTH KOREA: talks stall again",
      "Transport links to north korea border cut",
    ]);

    // Without the include filter, everything but sport comes through.
    expect((await h.cli(["feeds", "filter", "uninclude", "1", "North  Korea"])).stdout).toBe('feed #1: removed include "north korea"\n');
    expect((await h.cli(["feeds", "filter", "list", "1"])).stdout).toBe('exclude "Sport"\n');
  });
});
