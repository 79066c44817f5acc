/**
 * Feed health as the operator sees it: back-off, pause after too many failures
 * (the admin chat told once, with a Resume button), `feeds list` and `feeds resume`;
 * no flood from a new feed's back catalogue, and the operator and the admin chat told
 * why; conditional GET. On SQLite and on PostgreSQL.
 */
import { http, HttpResponse } from "msw";
import { afterEach, beforeEach, describe, expect, it } from "vitest";

import { readFeedFailure, readFeedPause } from "../../src/ingest/feeds/feed-failure.js";
import { createCliHarness, createClock, type CliHarness } from "../cli/cli-harness.js";
import { TEST_PROVIDERS } from "../support/database.js";
import { server } from "../support/msw.js";
import { rss, serve } from "../support/web.js";

const START = new Date("2026-03-02T09:00:00.000Z");
const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const FLAKY_FEED = "https://flaky.example.org/feeds/all.xml?format=rss&edition=intl";
const WIRE_FEED = "https://wire.example.com/rss.xml";

const FIRST_FETCH = "only stories that arrive from now on are posted";
const firstFetchNotice = (line: string) =>
  `📥 A new feed was fetched for the first time. Its stories are stored, not posted: ${FIRST_FETCH}.\n${line}`;

const longDescription = (what: string) =>
  `${what} — the full story from our correspondents, with reactions, background and what happens next in the days ahead.`;

describe.each(TEST_PROVIDERS)("feed health on %s", (provider) => {
  let h: CliHarness;
  let clock: ReturnType<typeof createClock>;

  beforeEach(async () => {
    h = await createCliHarness(provider, { FEED_MAX_FAILURES: "3" });
    clock = createClock(START);
  });
  afterEach(async () => {
    await h.close();
  });

  const ingest = () => h.cli(["ingest"], { now: clock.now });
  const list = async () => (await h.cli(["feeds", "list"], { now: clock.now })).stdout;

  it("backs off, pauses after FEED_MAX_FAILURES failures, tells the admin chat once, and resumes", async () => {
    let flakyUp = false;
    const flaky = { count: 0 };
    server.use(
      http.get("https://flaky.example.org/feeds/all.xml", () => {
        flaky.count++;
        if (flakyUp) return new HttpResponse(rss([{ title: "Flaky is back", link: "https://flaky.example.org/back", description: longDescription("Flaky is back") }]), { headers: { "content-type": "application/rss+xml" } });
        return new HttpResponse("upstream down", { status: 502, statusText: "Bad Gateway" });
      }),
    );
    serve(WIRE_FEED, rss([{ title: "Parliament passes budget", link: "https://wire.example.com/budget", description: longDescription("Parliament passes budget"), pubDate: new Date(START.getTime() - HOUR) }]));
    const error = "https://flaky.example.org/feeds/all.xml?… answered 502 Bad Gateway";
    expect((await h.cli(["feeds", "add", FLAKY_FEED, "--force"])).stdout).toBe(`added feed #1 ${FLAKY_FEED}: without a working check (--force): ${error}\n`);
    expect((await h.cli(["feeds", "add", WIRE_FEED, "--topic", "politics"])).stdout).toBe(`added feed #2 ${WIRE_FEED} [politics]: "Test News", 1 item\n`);
    expect(await list()).toBe(`#1 ${FLAKY_FEED} — new (not fetched yet)\n#2 ${WIRE_FEED} [politics] — new (not fetched yet)\n`);

    expect((await ingest()).stdout).toBe(`#1 failed: ${error}\n#2 first fetch: 1 story stored, not posted: ${FIRST_FETCH}\n2 feeds, 1 new article, 1 failed\n`);
    expect(await list()).toBe(
      `#1 ${FLAKY_FEED} — error (${error}; 1 failure in a row; next try Mon 2 Mar 09:05)\n` +
        `#2 ${WIRE_FEED} [politics] — ok, last ok Mon 2 Mar 09:00\n`,
    );
    const wireFirstFetch = firstFetchNotice(`#2 ${WIRE_FEED} (Test News): 1 story stored`);
    expect(h.adminNotices()).toEqual([wireFirstFetch]);

    // Backing off: a minute later the flaky feed is not asked again (once by `feeds add`, once by the ingest).
    clock.advance(MINUTE);
    expect((await ingest()).stdout).toBe("#2 ok: 0 new, 0 skipped\n1 feed, 0 new articles, 0 failed\n");
    expect(flaky.count).toBe(2);

    clock.set(new Date("2026-03-02T09:05:00.000Z"));
    expect((await ingest()).stdout).toContain(`#1 failed: ${error}\n`);
    const db = await h.db();
    expect(await db.prisma.feed.findUniqueOrThrow({ where: { id: 1 } })).toMatchObject({
      consecutiveFailures: 2,
      nextFetchAt: new Date("2026-03-02T09:15:00.000Z"),
      pausedAt: null,
    });
    expect(h.adminNotices()).toEqual([wireFirstFetch]);

    clock.set(new Date("2026-03-02T09:15:00.000Z"));
    expect((await ingest()).stdout).toContain(`#1 failed: ${error}\n`);
    const pausedReason = `3 failures in a row; last: ${error}`;
    const paused = await db.prisma.feed.findUniqueOrThrow({ where: { id: 1 } });
    expect(paused).toMatchObject({ consecutiveFailures: 3, pausedAt: new Date("2026-03-02T09:15:00.000Z") });
    const lastError = { code: "fetch-failed", failure: { code: "http-status", status: "502 Bad Gateway", detail: error } };
    expect([readFeedFailure(paused.lastError), readFeedPause(paused.pausedReason)]).toMatchObject([lastError, { code: "failing", failures: 3, last: lastError }]);
    const notice =
      `⏸ Feed #1 https://flaky.example.org/feeds/all.xml?format=rss&amp;edition=intl is paused: ${pausedReason}. ` +
      "Fix it, then press Resume or send /resumefeed 1.";
    expect(h.adminNotices()).toEqual([wireFirstFetch, notice]);
    const sent = h.telegram.callsTo("sendMessage").at(-1)!.payload;
    expect(sent.reply_markup).toEqual({ inline_keyboard: [[{ text: "Resume", callback_data: "ed:feed-resume:1" }]] });

    // Paused: a day later it is still not fetched, and the admin chat is not told again.
    clock.advance(24 * HOUR);
    expect((await ingest()).stdout).toBe("#2 ok: 0 new, 0 skipped\n1 feed, 0 new articles, 0 failed\n");
    expect(flaky.count).toBe(4);
    expect(h.adminNotices()).toEqual([wireFirstFetch, notice]);
    expect(await list()).toBe(
      `#1 ${FLAKY_FEED} — paused since Mon 2 Mar 09:15 (${pausedReason})\n` +
        `#2 ${WIRE_FEED} [politics] — ok, last ok Tue 3 Mar 09:15\n`,
    );

    // The publisher fixed their server; the operator resumes the feed.
    flakyUp = true;
    expect(await h.cli(["feeds", "resume", "1"])).toEqual({ code: 0, stdout: "feed #1 resumed; it is fetched at the next ingest\n", stderr: "" });
    expect(await list()).toBe(
      `#1 ${FLAKY_FEED} — resumed, not fetched since (last error: ${error})\n` +
        `#2 ${WIRE_FEED} [politics] — ok, last ok Tue 3 Mar 09:15\n`,
    );
    clock.advance(MINUTE);
    // Its first successful fetch is its first fetch: stored, not posted, and the admin chat told so.
    expect((await ingest()).stdout).toBe(`#1 first fetch: 1 story stored, not posted: ${FIRST_FETCH}\n#2 ok: 0 new, 0 skipped\n2 feeds, 1 new article, 0 failed\n`);
    expect(h.adminNotices().at(-1)).toBe(firstFetchNotice("#1 https://flaky.example.org/feeds/all.xml?format=rss&amp;edition=intl (Test News): 1 story stored"));
    expect(await list()).toBe(
      `#1 ${FLAKY_FEED} — ok, last ok Tue 3 Mar 09:16\n` + `#2 ${WIRE_FEED} [politics] — ok, last ok Tue 3 Mar 09:16\n`,
    );
    expect(await h.cli(["feeds", "resume", "9"])).toEqual({ code: 1, stdout: "", stderr: "there is no feed #9\n" });
  });

  it("stores a new feed's back catalogue without posting it, then posts only fresh stories", async () => {
    const at = (ms: number) => new Date(START.getTime() - ms);
    serve(
      WIRE_FEED,
      rss([
        { title: "Budget vote set for Friday", link: "https://wire.example.com/budget-vote", description: longDescription("Budget vote"), pubDate: at(HOUR) },
        { title: "Heatwave warning issued", link: "https://wire.example.com/heatwave", description: longDescription("Heatwave warning") },
      ]),
    );
    await h.cli(["feeds", "add", WIRE_FEED]);
    expect((await ingest()).stdout).toBe(`#1 first fetch: 2 stories stored, not posted: ${FIRST_FETCH}\n1 feed, 2 new articles, 0 failed\n`);

    clock.advance(10 * MINUTE);
    const now = clock.now();
    serve(
      WIRE_FEED,
      rss([
        { title: "Central bank holds rates", link: "https://wire.example.com/rates", description: longDescription("Central bank"), pubDate: new Date(now.getTime() - 2 * HOUR) },
        { title: "Rail strike called off", link: "https://wire.example.com/rail-strike", description: longDescription("Rail strike") },
        { title: "Court rules on fishing rights", link: "https://wire.example.com/fishing-rights", description: longDescription("Fishing rights"), pubDate: new Date(now.getTime() - 30 * HOUR) },
        { title: "Budget vote set for Friday", link: "https://wire.example.com/budget-vote", description: longDescription("Budget vote"), pubDate: at(HOUR) },
        { title: "Heatwave warning issued", link: "https://wire.example.com/heatwave", description: longDescription("Heatwave warning") },
      ]),
    );
    expect((await ingest()).stdout).toBe("#1 ok: 3 new, 0 skipped\n1 feed, 3 new articles, 0 failed\n");

    const rows = await (await h.db()).prisma.article.findMany({ orderBy: { id: "asc" }, select: { url: true, autoPost: true } });
    expect(rows).toEqual([
      { url: "https://wire.example.com/budget-vote", autoPost: false },
      { url: "https://wire.example.com/heatwave", autoPost: false },
      { url: "https://wire.example.com/rates", autoPost: true },
      { url: "https://wire.example.com/rail-strike", autoPost: true },
      { url: "https://wire.example.com/fishing-rights", autoPost: false },
    ]);
  });

  it("sends the stored validators, and a 304 stores nothing and keeps the feed ok", async () => {
    const requests: Request[] = [];
    let version = 1;
    server.use(
      http.get(WIRE_FEED, ({ request }) => {
        requests.push(request);
        const etag = `"v${version}"`;
        if (request.headers.get("if-none-match") === etag) return new HttpResponse(null, { status: 304 });
        const items = [{ title: "Budget vote set for Friday", link: "https://wire.example.com/budget-vote", description: longDescription("Budget vote") }];
        if (version === 2) items.unshift({ title: "Rail strike called off", link: "https://wire.example.com/rail-strike", description: longDescription("Rail strike") });
        return new HttpResponse(rss(items), {
          headers: { "content-type": "application/rss+xml", etag, "last-modified": `Mon, 02 Mar 2026 0${7 + version}:00:00 GMT` },
        });
      }),
    );
    await h.cli(["feeds", "add", WIRE_FEED]);
    // requests[0] is the check of `feeds add`: it stores nothing, validators included.
    expect((await ingest()).stdout).toBe(`#1 first fetch: 1 story stored, not posted: ${FIRST_FETCH}\n1 feed, 1 new article, 0 failed\n`);
    expect(requests[1]!.headers.get("if-none-match")).toBeNull();
    expect(requests[1]!.headers.get("if-modified-since")).toBeNull();

    clock.advance(5 * MINUTE);
    expect((await ingest()).stdout).toBe("#1 ok: 0 new, 0 skipped\n1 feed, 0 new articles, 0 failed\n");
    expect(requests[2]!.headers.get("if-none-match")).toBe('"v1"');
    expect(requests[2]!.headers.get("if-modified-since")).toBe("Mon, 02 Mar 2026 08:00:00 GMT");
    const db = await h.db();
    expect(await db.prisma.article.count()).toBe(1);
    expect(await db.prisma.feed.findUniqueOrThrow({ where: { id: 1 } })).toMatchObject({
      etag: '"v1"',
      lastModified: "Mon, 02 Mar 2026 08:00:00 GMT",
      lastSuccessAt: new Date("2026-03-02T09:05:00.000Z"),
      lastError: null,
      consecutiveFailures: 0,
    });
    expect(await list()).toBe(`#1 ${WIRE_FEED} — ok, last ok Mon 2 Mar 09:05\n`);

    version = 2;
    clock.advance(5 * MINUTE);
    expect((await ingest()).stdout).toBe("#1 ok: 1 new, 0 skipped\n1 feed, 1 new article, 0 failed\n");
    expect(await db.prisma.feed.findUniqueOrThrow({ where: { id: 1 } })).toMatchObject({ etag: '"v2"', lastModified: "Mon, 02 Mar 2026 09:00:00 GMT" });
  });

  it("does not run while another ingest holds the lease", async () => {
    serve(WIRE_FEED, rss([{ title: "Parliament passes budget", link: "https://wire.example.com/budget", description: longDescription("Parliament passes budget") }]));
    await h.cli(["feeds", "add", WIRE_FEED]);
    const db = await h.db();
    await db.prisma.jobLease.create({
      data: { name: "ingest", owner: "the bot on newsroom-2, pid 41 (a1b2)", acquiredAt: new Date("2026-03-02T09:58:30Z"), leaseUntil: new Date(Date.now() + 10 * MINUTE) },
    });
    expect(await h.cli(["ingest"], { env: { TIMEZONE: "Europe/London" } })).toEqual({
      code: 1,
      stdout: "",
      stderr: "another ingest is running (the bot on newsroom-2, pid 41 (a1b2) has been running it since Mon 2 Mar 09:58); try again when it has finished\n",
    });
    expect(await db.prisma.article.count()).toBe(0);

    await db.prisma.jobLease.deleteMany({});
    expect((await h.cli(["ingest"])).stdout).toBe(`#1 first fetch: 1 story stored, not posted: ${FIRST_FETCH}\n1 feed, 1 new article, 0 failed\n`);
    expect(await db.prisma.jobLease.count()).toBe(0);
  });
});
