/**
 * Ingestion that survives the real web: every kind of broken feed gets its error
 * stored and backs off, while a healthy feed in the same run still stores its
 * story. On SQLite and on PostgreSQL.
 */
import { delay, http, HttpResponse } from "msw";
import { afterEach, beforeEach, describe, expect, it } from "vitest";

import { readFeedFailure, readFeedPause } from "../../src/ingest/feeds/feed-failure.js";
import { createCliHarness, createClock, type CliHarness } from "../cli/cli-harness.js";
import { TEST_PROVIDERS } from "../support/database.js";
import { server } from "../support/msw.js";
import { publicLookup, rss, serve } from "../support/web.js";

const START = new Date("2026-03-02T09:00:00.000Z");
const FIVE_MINUTES = 5 * 60 * 1000;
const BAD_FEED = "https://broken.example.org/rss.xml";
const WIRE_FEED = "https://wire.example.com/rss.xml";
const WIRE_STORY = "https://wire.example.com/world/ceasefire-talks";
/** How `ingest` reports a feed's first fetch. */
const firstFetch = (feedId: number, stories: string, skipped = "") =>
  `#${feedId} first fetch: ${stories} stored${skipped}, not posted: only stories that arrive from now on are posted`;

describe.each(TEST_PROVIDERS)("ingesting broken feeds on %s", (provider) => {
  let h: CliHarness;
  let clock: ReturnType<typeof createClock>;

  beforeEach(async () => {
    h = await createCliHarness(provider);
    clock = createClock(START);
  });
  afterEach(async () => {
    await h.close();
  });

  /** Adds the broken feed (#1, forced past its check) and a healthy wire feed (#2), then runs one ingest. */
  const ingestBesideHealthyFeed = async (badUrl = BAD_FEED, env: Record<string, string> = {}) => {
    serve(
      WIRE_FEED,
      rss([
        {
          title: "Ceasefire talks resume in Cairo",
          link: WIRE_STORY,
          description: "Negotiators returned to Cairo on Monday for a new round of ceasefire talks, mediators said, after a week-long pause.",
          pubDate: new Date(START.getTime() - 600_000),
        },
      ]),
    );
    expect((await h.cli(["feeds", "add", badUrl, "--force"], { env })).code).toBe(0);
    expect((await h.cli(["feeds", "add", WIRE_FEED])).code).toBe(0);
    return h.cli(["ingest"], { now: clock.now, env });
  };

  /** The fetcher's or the parser's own words in a stored failure (a code, worded when shown). */
  const storedDetail = (stored: string | null) => {
    const failure = readFeedFailure(stored);
    return failure?.code === "fetch-failed" ? failure.failure.detail : failure?.code === "unreadable" ? failure.detail : failure?.text;
  };

  /** The broken feed's stored health after one failure, and the healthy feed's story. */
  const expectStoredFailure = async (error: string) => {
    const db = await h.db();
    const feed = await db.prisma.feed.findUniqueOrThrow({ where: { id: 1 } });
    expect(storedDetail(feed.lastError)).toBe(error);
    expect(feed).toMatchObject({
      consecutiveFailures: 1,
      nextFetchAt: new Date(START.getTime() + FIVE_MINUTES),
      lastFetchedAt: START,
      lastSuccessAt: null,
      pausedAt: null,
    });
    const articles = await db.prisma.article.findMany({ select: { url: true, feedId: true } });
    expect(articles).toEqual([{ url: WIRE_STORY, feedId: 2 }]);
  };

  const failedRun = (error: string) => `#1 failed: ${error}\n${firstFetch(2, "1 story")}\n2 feeds, 1 new article, 1 failed\n`;

  it("stores the parser's reason when the feed is malformed XML", async () => {
    serve(BAD_FEED, `<?xml version="1.0"?><rss version="2.0"><channel><title>Broken</title><item><title>Half a story</titl></item></channel></rss>`);
    const error = "the feed is malformed XML: Unexpected end of title";
    expect(await ingestBesideHealthyFeed()).toEqual({ code: 0, stdout: failedRun(error), stderr: "" });
    await expectStoredFailure(error);
  });

  it("says so when a feed URL serves an HTML page instead of a feed", async () => {
    serve(BAD_FEED, `<!doctype html><html><head><title>Broken News</title></head><body><h1>Welcome</h1><p>Our feed moved.</p></body></html>`, "text/html; charset=utf-8");
    const error = "the document is HTML, not a feed";
    expect(await ingestBesideHealthyFeed()).toEqual({ code: 0, stdout: failedRun(error), stderr: "" });
    await expectStoredFailure(error);
  });

  it("refuses an XML entity-expansion bomb without expanding it", async () => {
    const levels = Array.from({ length: 9 }, (_, i) => `<!ENTITY lol${i + 1} "${`&lol${i === 0 ? "" : i};`.repeat(10)}">`).join("\n");
    serve(
      BAD_FEED,
      `<?xml version="1.0"?>\n<!DOCTYPE rss [\n<!ENTITY lol "lol">\n${levels}\n]>\n` +
        `<rss version="2.0"><channel><title>&lol9;</title><item><title>&lol9;</title><link>https://broken.example.org/a</link><description>&lol9;</description></item></channel></rss>`,
    );
    const error = "the feed declares XML entities (<!ENTITY>), which is refused as unsafe";
    expect(await ingestBesideHealthyFeed()).toEqual({ code: 0, stdout: failedRun(error), stderr: "" });
    await expectStoredFailure(error);
  });

  it("stops reading a 50 MB body at the size cap", async () => {
    const chunk = new Uint8Array(1024 * 1024).fill(0x20);
    const sent = { bytes: 0 };
    server.use(
      http.get(BAD_FEED, () => {
        const stream = new ReadableStream<Uint8Array>({
          pull(controller) {
            if (sent.bytes >= 50 * 1024 * 1024) return controller.close();
            sent.bytes += chunk.byteLength;
            controller.enqueue(chunk);
          },
        });
        return new HttpResponse(stream, { headers: { "content-type": "application/rss+xml" } });
      }),
    );
    const error = "https://broken.example.org/rss.xml is larger than the 5242880-byte limit";
    expect(await ingestBesideHealthyFeed()).toEqual({ code: 0, stdout: failedRun(error), stderr: "" });
    expect(sent.bytes).toBeLessThan(50 * 1024 * 1024);
    await expectStoredFailure(error);
  });

  it("stores a feed with invalid UTF-8, with replacement characters, as a success", async () => {
    const before = new TextEncoder().encode(
      `<?xml version="1.0" encoding="UTF-8"?><rss version="2.0"><channel><title>Caf`,
    );
    const middle = new TextEncoder().encode(
      ` News</title><item><title>Caf`,
    );
    const after = new TextEncoder().encode(
      ` owners protest new rent rules</title><link>https://broken.example.org/cafe-protest</link>` +
        `<description>Owners of small caf\u00e9s marched on the town hall on Monday against the new rules on commercial rents in the old town.</description>` +
        `<pubDate>${new Date(START.getTime() - 3_600_000).toUTCString()}</pubDate></item></channel></rss>`,
    );
    const body = new Uint8Array([...before, 0xff, ...middle, 0xe9, 0x28, ...after]);
    server.use(http.get(BAD_FEED, () => new HttpResponse(body, { headers: { "content-type": "application/rss+xml; charset=utf-8" } })));

    expect((await ingestBesideHealthyFeed()).stdout).toBe(`${firstFetch(1, "1 story")}\n${firstFetch(2, "1 story")}\n2 feeds, 2 new articles, 0 failed\n`);
    const db = await h.db();
    const article = await db.prisma.article.findUniqueOrThrow({ where: { url: "https://broken.example.org/cafe-protest" } });
    expect(article.headline).toBe("Caf\uFFFD( owners protest new rent rules");
    expect(article.summary).toBe("Owners of small caf\u00e9s marched on the town hall on Monday against the new rules on commercial rents in the old town.");
    expect(await db.prisma.feed.findUniqueOrThrow({ where: { id: 1 } })).toMatchObject({ lastError: null, consecutiveFailures: 0, title: "Caf\uFFFD News" });
  });

  it("gives up on a redirect loop", async () => {
    const hits = { a: 0, b: 0 };
    server.use(
      http.get(BAD_FEED, () => {
        hits.a++;
        return new HttpResponse(null, { status: 302, headers: { location: "https://broken.example.org/feed-b.xml" } });
      }),
      http.get("https://broken.example.org/feed-b.xml", () => {
        hits.b++;
        return new HttpResponse(null, { status: 301, headers: { location: BAD_FEED } });
      }),
    );
    const error = "redirect loop at https://broken.example.org/rss.xml";
    expect(await ingestBesideHealthyFeed()).toEqual({ code: 0, stdout: failedRun(error), stderr: "" });
    // Once for the check of `feeds add --force`, once for the ingest.
    expect(hits).toEqual({ a: 2, b: 2 });
    await expectStoredFailure(error);
  });

  it.each([
    ["http://127.0.0.1/admin/feed.xml", "127.0.0.1 is a loopback address"],
    ["http://169.254.169.254/latest/meta-data", "169.254.169.254 is a link-local address"],
  ])("refuses a redirect to %s and never contacts it", async (target, why) => {
    const inner = { count: 0 };
    server.use(
      http.get(BAD_FEED, () => new HttpResponse(null, { status: 301, headers: { location: target } })),
      http.get(target, () => {
        inner.count++;
        return HttpResponse.text("ami-id\nhostname\niam/");
      }),
    );
    const error = `refused ${target}: ${why}; set ALLOW_PRIVATE_URLS to allow it`;
    expect(await ingestBesideHealthyFeed()).toEqual({ code: 0, stdout: failedRun(error), stderr: "" });
    expect(inner.count).toBe(0);
    await expectStoredFailure(error);
  });

  it("refuses a host whose DNS answer is a private address, and never contacts it", async () => {
    const intranet = "https://feeds.intranet.example/rss.xml";
    const hits = serve(intranet, rss([{ title: "Internal memo", link: "https://feeds.intranet.example/memo" }]));
    serve(WIRE_FEED, rss([{ title: "Ceasefire talks resume in Cairo", link: WIRE_STORY, description: "Negotiators returned to Cairo on Monday for a new round of ceasefire talks, mediators said, after a week-long pause." }]));
    const lookup = async (host: string) => (host === "feeds.intranet.example" ? [{ address: "10.0.0.5", family: 4 }] : publicLookup(host));
    await h.cli(["feeds", "add", intranet, "--force"], { lookup });
    await h.cli(["feeds", "add", WIRE_FEED]);
    const error = "refused https://feeds.intranet.example/rss.xml: feeds.intranet.example resolves to 10.0.0.5, a private address; set ALLOW_PRIVATE_URLS to allow it";
    expect(await h.cli(["ingest"], { now: clock.now, lookup })).toEqual({ code: 0, stdout: failedRun(error), stderr: "" });
    expect(hits.count).toBe(0);
    await expectStoredFailure(error);
  });

  it("backs off after a 404 without pausing the feed", async () => {
    server.use(http.get(BAD_FEED, () => new HttpResponse("Not here", { status: 404, statusText: "Not Found" })));
    const error = "https://broken.example.org/rss.xml answered 404 Not Found";
    expect(await ingestBesideHealthyFeed()).toEqual({ code: 0, stdout: failedRun(error), stderr: "" });
    await expectStoredFailure(error);
    // Only the healthy feed's first fetch is reported; nothing is paused.
    expect(h.adminNotices().map((notice) => notice.slice(0, 2))).toEqual(["📥"]);
  });

  it("backs off after a 500", async () => {
    server.use(http.get(BAD_FEED, () => new HttpResponse("Oops", { status: 500, statusText: "Internal Server Error" })));
    const error = "https://broken.example.org/rss.xml answered 500 Internal Server Error";
    expect(await ingestBesideHealthyFeed()).toEqual({ code: 0, stdout: failedRun(error), stderr: "" });
    await expectStoredFailure(error);
  });

  it("gives up on a feed that does not answer within FETCH_TIMEOUT_MS", async () => {
    server.use(
      http.get(BAD_FEED, async () => {
        await delay(5_000);
        return HttpResponse.text("too late");
      }),
    );
    const error = "https://broken.example.org/rss.xml did not answer within 300 ms";
    expect(await ingestBesideHealthyFeed(BAD_FEED, { FETCH_TIMEOUT_MS: "300" })).toEqual({ code: 0, stdout: failedRun(error), stderr: "" });
    await expectStoredFailure(error);
  });

  it("pauses a feed that answers 410 Gone at once, and tells the admin chat once", async () => {
    const gone = { count: 0 };
    server.use(
      http.get(BAD_FEED, () => {
        gone.count++;
        return new HttpResponse("Gone", { status: 410, statusText: "Gone" });
      }),
    );
    const error = "https://broken.example.org/rss.xml answered 410 Gone";
    expect(await ingestBesideHealthyFeed()).toEqual({ code: 0, stdout: failedRun(error), stderr: "" });
    const db = await h.db();
    const feed = await db.prisma.feed.findUniqueOrThrow({ where: { id: 1 } });
    expect(feed).toMatchObject({ consecutiveFailures: 1, pausedAt: START });
    expect([storedDetail(feed.lastError), readFeedPause(feed.pausedReason)]).toEqual([error, { code: "gone" }]);
    const notice =
      "⏸ Feed #1 https://broken.example.org/rss.xml is paused: the feed answered 410 Gone: it was removed. Fix it, then press Resume or send /resumefeed 1.";
    const wireFirstFetch =
      "📥 A new feed was fetched for the first time. Its stories are stored, not posted: only stories that arrive from now on are posted.\n" +
      "#2 https://wire.example.com/rss.xml (Test News): 1 story stored";
    expect(h.adminNotices()).toEqual([notice, wireFirstFetch]);
    expect(h.telegram.callsTo("sendMessage")[0]!.payload).toMatchObject({
      parse_mode: "HTML",
      link_preview_options: { is_disabled: true },
      reply_markup: { inline_keyboard: [[{ text: "Resume", callback_data: "ed:feed-resume:1" }]] },
    });

    // A day later the paused feed is not fetched, and nobody is told again.
    clock.advance(24 * 3_600_000);
    expect(await h.cli(["ingest"], { now: clock.now })).toEqual({ code: 0, stdout: "#2 ok: 0 new, 0 skipped\n1 feed, 0 new articles, 0 failed\n", stderr: "" });
    expect(gone.count).toBe(2);
    expect(h.adminNotices()).toEqual([notice, wireFirstFetch]);
  });
});

describe.each(TEST_PROVIDERS)("ingesting odd items on %s", (provider) => {
  let h: CliHarness;
  let clock: ReturnType<typeof createClock>;
  const FEED = "https://odd.example.net/news/rss.xml";

  beforeEach(async () => {
    h = await createCliHarness(provider);
    clock = createClock(START);
  });
  afterEach(async () => {
    await h.close();
  });

  const teaser = (topic: string) =>
    `${topic}: the full report from our correspondents, with reactions from officials and residents, and what happens next.`;

  const item = (title: string, extra: string) =>
    `<item><title>${title}</title>${extra}<description>${teaser(title.replace(/[<&].*/, ""))}</description></item>`;

  const feedOf = (...items: string[]) =>
    `<?xml version="1.0" encoding="UTF-8"?><rss version="2.0"><channel><title>Odd News</title><link>https://odd.example.net/</link>${items.join("")}</channel></rss>`;

  const stored = async () =>
    (await h.db()).prisma.article.findMany({
      orderBy: { id: "asc" },
      select: { url: true, headline: true, publishedAt: true, sortAt: true },
    });

  it("skips items without a link and stores undated items with no publication date", async () => {
    serve(
      FEED,
      feedOf(
        item("Council approves new budget", "<pubDate>Mon, 02 Mar 2026 08:00:00 GMT</pubDate>"),
        item("Storm warning for the coast", "<link>https://odd.example.net/news/storm-warning</link>"),
      ),
    );
    await h.cli(["feeds", "add", FEED]);
    expect((await h.cli(["ingest"], { now: clock.now })).stdout).toBe(`${firstFetch(1, "1 story", " (1 skipped)")}\n1 feed, 1 new article, 0 failed\n`);
    expect(await stored()).toEqual([
      { url: "https://odd.example.net/news/storm-warning", headline: "Storm warning for the coast", publishedAt: null, sortAt: START },
    ]);
  });

  it("drops dates more than a day ahead, and reads odd date formats", async () => {
    serve(
      FEED,
      feedOf(
        item("Election results expected tonight", "<link>https://odd.example.net/news/results</link><pubDate>Fri, 20 Mar 2026 10:00:00 GMT</pubDate>"),
        item("Bridge reopens after repairs", "<link>https://odd.example.net/news/bridge</link><pubDate>2 Mar 2026 08:30 CET</pubDate>"),
        item("Museum unveils restored mural", "<link>https://odd.example.net/news/mural</link><dc:date>2026-03-02T07:15:00+02:00</dc:date>"),
        item("Ferry timetable changes", "<link>https://odd.example.net/news/ferry</link><pubDate>yesterday afternoon</pubDate>"),
        item("Tram line extended", "<link>https://odd.example.net/news/tram</link><pubDate>Mon, 02 Mar 2026 19:00:00 GMT</pubDate>"),
      ).replace("<rss version=\"2.0\">", '<rss version="2.0" xmlns:dc="http://purl.org/dc/elements/1.1/">'),
    );
    await h.cli(["feeds", "add", FEED]);
    expect((await h.cli(["ingest"], { now: clock.now })).stdout).toBe(`${firstFetch(1, "5 stories")}\n1 feed, 5 new articles, 0 failed\n`);
    expect(await stored()).toEqual([
      { url: "https://odd.example.net/news/results", headline: "Election results expected tonight", publishedAt: null, sortAt: START },
      { url: "https://odd.example.net/news/bridge", headline: "Bridge reopens after repairs", publishedAt: new Date("2026-03-02T07:30:00Z"), sortAt: new Date("2026-03-02T07:30:00Z") },
      { url: "https://odd.example.net/news/mural", headline: "Museum unveils restored mural", publishedAt: new Date("2026-03-02T05:15:00Z"), sortAt: new Date("2026-03-02T05:15:00Z") },
      { url: "https://odd.example.net/news/ferry", headline: "Ferry timetable changes", publishedAt: null, sortAt: START },
      // Later today is a scheduled story, not a broken clock: kept, but it sorts as now.
      { url: "https://odd.example.net/news/tram", headline: "Tram line extended", publishedAt: new Date("2026-03-02T19:00:00Z"), sortAt: START },
    ]);
  });

  it("stores an item listed twice (same GUID, or the same link with tracking) once", async () => {
    serve(
      FEED,
      feedOf(
        item("Harbour strike ends", "<link>https://odd.example.net/news/strike</link><guid isPermaLink=\"false\">odd-1001</guid>"),
        item("Harbour strike ends", "<link>https://odd.example.net/news/strike?utm_source=rss#comments</link><guid isPermaLink=\"false\">odd-1001-b</guid>"),
        item("Dockers return to work at the port", "<link>https://odd.example.net/news/dockers</link><guid isPermaLink=\"false\">odd-1001</guid>"),
      ),
    );
    await h.cli(["feeds", "add", FEED]);
    expect((await h.cli(["ingest"], { now: clock.now })).stdout).toBe(`${firstFetch(1, "1 story", " (2 skipped)")}\n1 feed, 1 new article, 0 failed\n`);
    expect((await stored()).map((a) => a.url)).toEqual(["https://odd.example.net/news/strike"]);
  });

  it("stores a title full of HTML as plain text", async () => {
    serve(
      FEED,
      feedOf(
        item("&lt;b&gt;Breaking:&lt;/b&gt; Mayor &lt;em&gt;resigns&lt;/em&gt; &amp;amp; calls election", "<link>https://odd.example.net/news/mayor</link>"),
        item("<![CDATA[<p>Schools <strong>close</strong> early &ndash; heat<br/>wave</p><script>alert(1)</script>]]>", "<link>https://odd.example.net/news/schools</link>"),
      ),
    );
    await h.cli(["feeds", "add", FEED]);
    await h.cli(["ingest"], { now: clock.now });
    expect((await stored()).map((a) => a.headline)).toEqual(["Breaking: Mayor resigns & calls election", "Schools close early – heat wave"]);
  });
});
