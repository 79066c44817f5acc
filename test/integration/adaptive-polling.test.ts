/**
 * Freshness: the ingest tick fetches only the feeds that are due. A feed with new stories is
 * fetched every minute, a quiet one backs off to hourly; a server's Cache-Control max-age and
 * Retry-After are honoured, 304s count as quiet; and a fresh story goes out at the same
 * minute's publish tick. Through the bot's own jobs, on a clock the test sets, on SQLite and
 * on PostgreSQL.
 */
import { http, HttpResponse } from "msw";
import { describe, expect, it } from "vitest";

import { CHANNEL_ID } from "../support/config.js";
import { TEST_PROVIDERS } from "../support/database.js";
import { server } from "../support/msw.js";
import { rss } from "../support/web.js";
import { useAppOnClock } from "../support/app-on-clock.js";

const T0 = new Date("2026-11-30T09:00:00Z");
const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const BUSY = "https://busy.example.com/rss.xml";
const QUIET = "https://quiet.example.org/rss.xml";

const WORDS = "harbour budget rail museum storm council school bridge market court river airport festival vaccine election".split(" ");
/** Story n's headline: three words of its own, so no two stories read as the same one. */
const headline = (n: number) => `${WORDS[n % 15]} ${WORDS[Math.floor(n / 15) % 15]} ${WORDS[(n * 7 + 3) % 15]} news ${n}`;
const story = (site: string, n: number, publishedAt: Date) => ({
  title: headline(n),
  link: `${new URL(site).origin}/story-${n}`,
  description: `Story ${n}: what happened, who said what, and what happens next in the days ahead, from our correspondents.`,
  pubDate: publishedAt,
});

describe.each(TEST_PROVIDERS)("adaptive polling on %s", (provider) => {
  const t = useAppOnClock(provider, T0, { TIMEZONE: "UTC" });
  const minutesSinceT0 = () => (t.clock.getTime() - T0.getTime()) / MINUTE;

  /** A feed whose items the test sets; it records the minute (since T0) of every request. */
  const feed = (url: string, answer?: (request: Request) => Response | undefined) => {
    const state = { items: [] as ReturnType<typeof story>[], fetchedAt: [] as number[], headers: {} as Record<string, string> };
    server.use(
      http.get(url, ({ request }) => {
        state.fetchedAt.push(minutesSinceT0());
        return answer?.(request) ?? new HttpResponse(rss(state.items), { headers: { "content-type": "application/rss+xml", ...state.headers } });
      }),
    );
    return state;
  };
  const tick = () => t.app.scheduler.runNow("ingest");
  const tickAt = async (minute: number) => {
    t.clock = new Date(T0.getTime() + minute * MINUTE);
    await tick();
  };
  const gaps = (minutes: number[]) => minutes.slice(1).map((m, i) => m - minutes[i]!);

  it("fetches a feed with new stories every minute, and a quiet one less and less often, down to once an hour", async () => {
    await t.start();
    const busy = feed(BUSY);
    const quiet = feed(QUIET);
    quiet.items = [story(QUIET, 1, new Date(T0.getTime() - 5 * HOUR))];
    await t.app.services.feeds.add({ url: BUSY });
    await t.app.services.feeds.add({ url: QUIET });
    for (let minute = 0; minute <= 30; minute++) {
      busy.items = [story(BUSY, minute, new Date(T0.getTime() + minute * MINUTE - 20_000)), ...busy.items];
      await tickAt(minute);
    }
    expect(busy.fetchedAt).toEqual(Array.from({ length: 31 }, (_, m) => m));
    // Quiet from its first fetch: every minute for a while, then a tenth of its quiet time.
    expect(gaps(quiet.fetchedAt)).toEqual([...Array.from({ length: 15 }, () => 1), 2, 2, 2, 2, 2, 3]);

    // Twelve quiet hours later, it is fetched once an hour. (Only the ticks at which a feed is
    // due are taken: the others fetch nothing.)
    busy.items = [];
    for (let minute = 31; minute <= 12 * 60; ) {
      await tickAt(minute);
      const next = Math.min(...(await t.app.services.feeds.list()).map((f) => f.nextFetchAt?.getTime() ?? 0));
      minute = Math.ceil((next - T0.getTime()) / MINUTE);
    }
    expect(gaps(quiet.fetchedAt).slice(-2)).toEqual([60, 60]);
    expect(gaps(busy.fetchedAt).at(-1)).toBe(60);
  }, 180_000);

  it("counts 304 Not Modified as quiet, sending the validators every time", async () => {
    await t.start();
    const conditional: (string | null)[] = [];
    const quiet = feed(QUIET, (request) => {
      conditional.push(request.headers.get("if-none-match"));
      if (request.headers.get("if-none-match") === '"v1"') return new HttpResponse(null, { status: 304 });
      return undefined;
    });
    quiet.headers = { etag: '"v1"' };
    quiet.items = [story(QUIET, 1, new Date(T0.getTime() - HOUR))];
    await t.app.services.feeds.add({ url: QUIET });
    for (let minute = 0; minute <= 40; minute++) await tickAt(minute);
    expect(conditional).toEqual([null, ...Array.from({ length: quiet.fetchedAt.length - 1 }, () => '"v1"')]);
    expect(gaps(quiet.fetchedAt).slice(-3)).toEqual([3, 3, 3]);
    expect(await t.app.services.feeds.get(1)).toMatchObject({ lastError: null, consecutiveFailures: 0, lastNewStoryAt: null });
  });

  it("never fetches sooner than the feed's Cache-Control max-age says, and at least hourly", async () => {
    await t.start();
    const busy = feed(BUSY);
    busy.headers = { "cache-control": "public, max-age=600" };
    const quiet = feed(QUIET);
    quiet.headers = { "cache-control": "max-age=86400" };
    await t.app.services.feeds.add({ url: BUSY });
    await t.app.services.feeds.add({ url: QUIET });
    for (let minute = 0; minute <= 130; minute++) {
      busy.items = [story(BUSY, minute, new Date(T0.getTime() + minute * MINUTE - 20_000)), ...busy.items];
      await tickAt(minute);
    }
    expect(gaps(busy.fetchedAt)).toEqual(Array.from({ length: 13 }, () => 10));
    expect(quiet.fetchedAt).toEqual([0, 60, 120]);
  }, 60_000);

  it("waits as long as a 429's or a 503's Retry-After asks, in seconds or as a date", async () => {
    await t.start();
    let busyDown = true;
    const busy = feed(BUSY, () => (busyDown ? new HttpResponse("slow down", { status: 429, headers: { "retry-after": "7200" } }) : undefined));
    let quietDown = true;
    // An HTTP date three hours and a half-minute ahead (of the wall clock the fetcher reads it against).
    const threeHours = new Date(Date.now() + 3 * HOUR + 30_000).toUTCString();
    const quiet = feed(QUIET, () => (quietDown ? new HttpResponse("maintenance", { status: 503, headers: { "retry-after": threeHours } }) : undefined));
    await t.app.services.feeds.add({ url: BUSY });
    await t.app.services.feeds.add({ url: QUIET });
    await tickAt(0);
    busyDown = false;
    quietDown = false;
    for (let minute = 1; minute <= 3 * 60 + 1; minute++) await tickAt(minute);
    expect(busy.fetchedAt.slice(0, 2)).toEqual([0, 120]);
    expect(quiet.fetchedAt.slice(0, 2)).toEqual([0, 181]);
    expect(await t.app.services.feeds.get(1)).toMatchObject({ lastError: null, consecutiveFailures: 0 });
  }, 60_000);

  it("posts a fresh story that needs no review at the same minute's publish tick", async () => {
    await t.start();
    const busy = feed(BUSY);
    busy.items = [story(BUSY, 1, new Date(T0.getTime() - HOUR))];
    await t.app.services.feeds.add({ url: BUSY });
    await tickAt(0);
    expect(await t.app.scheduler.runNow("publish")).toBe(true);
    expect(t.telegram.callsTo("sendMessage").filter((c) => c.payload.chat_id === CHANNEL_ID)).toEqual([]);

    busy.items = [story(BUSY, 2, new Date(T0.getTime() + 30_000)), ...busy.items];
    t.clock = new Date(T0.getTime() + MINUTE);
    // The scheduler starts both at the minute; the publish tick waits for the ingest run in progress.
    await Promise.all([t.app.scheduler.runNow("ingest"), t.app.scheduler.runNow("publish")]);
    const posts = t.telegram.callsTo("sendMessage").filter((c) => c.payload.chat_id === CHANNEL_ID);
    expect(posts.map((c) => /<b>(.*?)<\/b>/.exec(String(c.payload.text))?.[1])).toEqual([headline(2)]);
  });
});
