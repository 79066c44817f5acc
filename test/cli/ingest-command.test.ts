/**
 * `cli ingest` as an operator or a cron job reads it: one line per feed and a total on
 * stdout, exit code 1 when every feed failed, and no log lines for a normal run. On SQLite
 * and on PostgreSQL.
 */
import { http, HttpResponse } from "msw";
import { afterEach, beforeEach, describe, expect, it } from "vitest";

import { memoryLogger } from "../support/config.js";
import { TEST_PROVIDERS } from "../support/database.js";
import { server } from "../support/msw.js";
import { rss, serve } from "../support/web.js";
import { createCliHarness, createClock, type CliHarness } from "./cli-harness.js";

const START = new Date("2026-03-02T09:00:00.000Z");
const WIRE = "https://wire.example.com/rss.xml";
const PAPER = "https://paper.example.com/rss.xml";
const FIRST_FETCH = "not posted: only stories that arrive from now on are posted";

const HEADLINES = ["Council approves harbour plan", "Rail strike called off", "Museum reopens after repairs", "Storm closes coastal road"];
const story = (n: number) => ({
  title: HEADLINES[n - 1]!,
  link: `https://wire.example.com/story-${n}`,
  description: `${HEADLINES[n - 1]!}, officials said on Monday, after a long week of talks with residents and local businesses.`,
  pubDate: new Date(START.getTime() - 3_600_000),
});

describe.each(TEST_PROVIDERS)("cli ingest on %s", (provider) => {
  let h: CliHarness;
  let clock: ReturnType<typeof createClock>;

  beforeEach(async () => {
    h = await createCliHarness(provider);
    clock = createClock(START);
  });
  afterEach(async () => {
    await h.close();
  });

  const ingest = (logger = memoryLogger("info").logger) => h.cli(["ingest"], { now: clock.now, logger });

  it("says there are no feeds, and exits 0", async () => {
    expect(await ingest()).toEqual({ code: 0, stdout: "no feeds yet: add one with `npm run cli -- feeds add <url>`\n", stderr: "" });
  });

  it("prints one line per feed and the total, and logs nothing at the default level for a normal run", async () => {
    serve(WIRE, rss([story(1), story(2)], "Wire"));
    serve(PAPER, rss([story(3)], "Paper"));
    await h.cli(["feeds", "add", WIRE]);
    await h.cli(["feeds", "add", PAPER]);
    const { logger, lines } = memoryLogger("info");
    expect(await ingest(logger)).toEqual({
      code: 0,
      stdout: `#1 first fetch: 2 stories stored, ${FIRST_FETCH}\n#2 first fetch: 1 story stored, ${FIRST_FETCH}\n2 feeds, 3 new articles, 0 failed\n`,
      stderr: "",
    });
    expect(lines).toEqual([]);

    clock.advance(5 * 60_000);
    serve(WIRE, rss([story(4), story(1), story(2)], "Wire"));
    expect(await ingest(logger)).toEqual({ code: 0, stdout: "#1 ok: 1 new, 0 skipped\n#2 ok: 0 new, 0 skipped\n2 feeds, 1 new article, 0 failed\n", stderr: "" });
    expect(lines).toEqual([]);

    // Asked for, the job's own lines are there.
    clock.advance(5 * 60_000);
    const debug = memoryLogger("debug");
    await ingest(debug.logger);
    expect(debug.lines.filter((l) => l.msg === "feed ingested").map((l) => l.feedId)).toEqual(expect.arrayContaining([1, 2]));
    expect(debug.lines.filter((l) => l.msg === "ingest finished")).toHaveLength(1);
  });

  it("exits 0 when some feeds failed, 1 when every feed failed, and logs only the failures", async () => {
    serve(WIRE, rss([story(1)], "Wire"));
    serve(PAPER, rss([story(2)], "Paper"));
    await h.cli(["feeds", "add", WIRE]);
    await h.cli(["feeds", "add", PAPER]);
    server.use(http.get(PAPER, () => new HttpResponse("Oops", { status: 500, statusText: "Internal Server Error" })));
    const partly = memoryLogger("info");
    expect(await ingest(partly.logger)).toEqual({
      code: 0,
      stdout: `#1 first fetch: 1 story stored, ${FIRST_FETCH}\n#2 failed: ${PAPER} answered 500 Internal Server Error\n2 feeds, 1 new article, 1 failed\n`,
      stderr: "",
    });
    expect(partly.lines.map((l) => [l.level, l.msg, l.feedId])).toEqual([[40, "feed failed", 2]]);

    server.use(http.get(WIRE, () => HttpResponse.text("", { status: 503, statusText: "Service Unavailable" })));
    clock.advance(60 * 60_000);
    expect(await ingest()).toEqual({
      code: 1,
      stdout:
        `#1 failed: ${WIRE} answered 503 Service Unavailable\n` +
        `#2 failed: ${PAPER} answered 500 Internal Server Error\n` +
        "2 feeds, 0 new articles, 2 failed\n",
      stderr: "",
    });
  });

  it("says when no feed is due (paused or backing off), and exits 0", async () => {
    server.use(http.get(WIRE, () => new HttpResponse("Gone", { status: 410, statusText: "Gone" })));
    await h.cli(["feeds", "add", WIRE, "--force"]);
    expect((await ingest()).code).toBe(1);
    expect(await ingest()).toEqual({ code: 0, stdout: "no feed is due: 1 feed is paused or waiting to retry (see `feeds list`)\n", stderr: "" });
  });

  it("fetches every feed whatever its poll schedule, and with --due only the feeds the bot's tick would", async () => {
    const wire = serve(WIRE, rss([story(1)], "Wire"));
    const paper = serve(PAPER, rss([story(2)], "Paper"));
    await h.cli(["feeds", "add", WIRE]);
    await h.cli(["feeds", "add", PAPER]);
    await ingest();
    const [wireChecks, paperChecks] = [wire.count, paper.count];

    // Half a minute later neither is due: a new feed is polled every minute at first.
    clock.advance(30_000);
    const due = () => h.cli(["ingest", "--due"], { now: clock.now });
    expect(await due()).toEqual({ code: 0, stdout: "no feed is due: 2 feeds are paused or not due yet (see `feeds list`)\n", stderr: "" });
    expect([wire.count, paper.count]).toEqual([wireChecks, paperChecks]);
    expect((await ingest()).stdout).toBe("#1 ok: 0 new, 0 skipped\n#2 ok: 0 new, 0 skipped\n2 feeds, 0 new articles, 0 failed\n");

    clock.advance(60_000);
    expect((await due()).stdout).toBe("#1 ok: 0 new, 0 skipped\n#2 ok: 0 new, 0 skipped\n2 feeds, 0 new articles, 0 failed\n");
  });
});
