/**
 * Freshness: the delay from a story's publication at its source to its post in the channel,
 * before (fixed crons: every feed fetched every 5 minutes, a post every 10) and after
 * (adaptive polling on a one-minute ingest tick, a one-minute publish tick that follows the
 * same minute's ingest).
 *
 * Time is simulated: a clock the app reads jumps from tick to tick (a minute), so hours pass in
 * seconds. A local HTTP server on 127.0.0.1 (not msw) serves each feed as it stands at the
 * simulated time (with an ETag, so unchanged feeds answer 304): busy feeds publish a story
 * every 10 minutes on average, quiet ones every 6 hours, at random (seeded) times. Ingest goes
 * through the real path (the guarded fetcher, the extraction pool, SQLite); the outbox posts
 * the best waiting story to a fake Bot API (an object recording the simulated time of each
 * post). Ticks run in the scheduler's order: ingest, then publish. Delays are counted for the
 * stories that were posted; the count says how many were.
 *
 *   npx tsx bench/freshness.ts [--hours 3] [--busy 2] [--quiet 6]
 */
import { createServer } from "node:http";
import type { AddressInfo } from "node:net";

import type { Api } from "grammy";

import { createIngestDeps, createOutboxDeps } from "../src/app/create-jobs.js";
import { createServices } from "../src/app/create-services.js";
import { createConfig } from "../src/config.js";
import { ingestAllFeeds } from "../src/ingest/ingest-feeds.js";
import { createLogger } from "../src/logger.js";
import type { AdminNotifier } from "../src/ops/admin-notifier.js";
import { publishNextPost } from "../src/publish/outbox.js";
import { createTestDatabase } from "../test/support/database.js";
import { testPostStyle } from "../test/support/post-style.js";
import { virtualTimeBudget } from "../test/support/send-budget.js";
import { createRandom } from "./lib/create-random.js";

function arg(name: string, fallback: string): string {
  const index = process.argv.indexOf(`--${name}`);
  return index >= 0 ? (process.argv[index + 1] ?? fallback) : fallback;
}

const hours = Number(arg("hours", "3"));
const busyFeeds = Number(arg("busy", "2"));
const quietFeeds = Number(arg("quiet", "6"));
const MINUTE = 60_000;
const BUSY_GAP_MIN = 10;
const QUIET_GAP_MIN = 6 * 60;

const WORDS = (
  "council budget river bridge school hospital election court minister storm harbour factory museum festival railway airport " +
  "tariff vaccine drought flood wildfire strike union merger bank market pension housing energy grid solar climate summit treaty"
).split(" ");

interface Story {
  feed: number;
  n: number;
  at: number;
  headline: string;
}

/** Every feed's stories over the run: exponential gaps, so publication times are random. */
function planStories(start: number, end: number): Story[][] {
  const random = createRandom(7);
  const pick = () => WORDS[Math.floor(random() * WORDS.length)]!;
  return Array.from({ length: busyFeeds + quietFeeds }, (_, feed) => {
    const meanGap = (feed < busyFeeds ? BUSY_GAP_MIN : QUIET_GAP_MIN) * MINUTE;
    const stories: Story[] = [];
    for (let at = start - Math.log(1 - random()) * meanGap, n = 0; at < end; at -= Math.log(1 - random()) * meanGap, n++) {
      stories.push({ feed, n, at: Math.floor(at / 1000) * 1000, headline: `${pick()} ${pick()} ${pick()} ${pick()} ${pick()} story ${feed}-${n}` });
    }
    return stories;
  });
}

const escapeXml = (s: string) => s.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;");

async function startFeedServer(stories: Story[][], now: () => number) {
  let port = 0;
  const counts = { requests: 0, notModified: 0 };
  const server = createServer((req, res) => {
    const f = Number(/^feed(\d+)\./.exec(req.headers.host ?? "")?.[1] ?? -1);
    const all = stories[f];
    if (!all) return void res.writeHead(404).end();
    counts.requests++;
    // A back-catalogue item (before the run) and the stories published by now, newest first.
    const visible = all.filter((s) => s.at <= now()).reverse();
    const etag = `"${f}-${visible.length}"`;
    if (req.headers["if-none-match"] === etag) {
      counts.notModified++;
      return void res.writeHead(304, { etag }).end();
    }
    const item = (s: { headline: string; n: number; at: number }) =>
      `<item><title>${escapeXml(s.headline)}</title><link>http://feed${f}.bench.test:${port}/story/${s.n}</link>` +
      `<description>${escapeXml(`${s.headline}: what happened, who said what, and what comes next, from our correspondents on the scene.`)}</description>` +
      `<pubDate>${new Date(s.at).toUTCString()}</pubDate></item>`;
    const old = { headline: `archive ${f} ${WORDS[f % WORDS.length]} report`, n: -1, at: now() - 2 * 24 * 60 * MINUTE };
    const body = `<?xml version="1.0"?><rss version="2.0"><channel><title>Feed ${f}</title><link>http://feed${f}.bench.test/</link><description>Bench</description>${[...visible, old].map(item).join("")}</channel></rss>`;
    res.writeHead(200, { "content-type": "application/rss+xml; charset=utf-8", etag }).end(body);
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  port = (server.address() as AddressInfo).port;
  return { port, counts, close: () => new Promise<void>((resolve) => server.close(() => resolve())) };
}

/** One simulated run; `adaptive` false is the old behaviour (fixed crons, every feed every run). */
async function simulate(adaptive: boolean) {
  // Hours before the wall clock, so no story is ever "in the future" for any check that reads it.
  const start = Math.floor(Date.now() / MINUTE) * MINUTE - (hours + 2) * 60 * MINUTE;
  const end = start + hours * 60 * MINUTE;
  let clock = start;
  const stories = planStories(start + MINUTE, end);
  const feedServer = await startFeedServer(stories, () => clock);
  const database = await createTestDatabase("sqlite");
  const db = await database.open();
  const logger = createLogger({ level: "silent" });
  const config = createConfig({ DATABASE_URL: database.url, ALLOW_PRIVATE_URLS: "true", LOG_LEVEL: "silent", CHANNEL_ID: "-1001" }, "cli");
  const now = () => new Date(clock);
  const services = createServices({ config, logger, db, now, fetcherDeps: { lookup: () => Promise.resolve([{ address: "127.0.0.1", family: 4 }]) } });
  const admin: AdminNotifier = { notify: () => Promise.resolve(false) };
  const posted = new Map<string, number>();
  let messageId = 0;
  const record = (text: string) => {
    const headline = /<b>(.*?)<\/b>/.exec(text)?.[1] ?? text;
    posted.set(headline, clock);
    return Promise.resolve({ message_id: ++messageId });
  };
  const api = {
    sendMessage: (_chat: unknown, text: string) => record(text),
    sendPhoto: (_chat: unknown, _photo: unknown, options?: { caption?: string }) => record(options?.caption ?? ""),
  } as unknown as Pick<Api, "sendMessage" | "sendPhoto">;
  const ingest = createIngestDeps({ services, admin, logger });
  const outbox = createOutboxDeps({ services, api, budget: virtualTimeBudget(start), admin, logger, style: testPostStyle({ media: "text" }) });
  try {
    for (let f = 0; f < stories.length; f++) await services.feeds.add({ url: `http://feed${f}.bench.test:${feedServer.port}/rss.xml` });
    for (let minute = 0; clock <= end + 30 * MINUTE; minute++, clock += MINUTE) {
      if (adaptive) await ingestAllFeeds(ingest, { due: true });
      else if (minute % 5 === 0) await ingestAllFeeds(ingest);
      if (adaptive || minute % 10 === 0) await publishNextPost(outbox);
    }
  } finally {
    await services.fetcher.close();
    await services.extractor.close();
    await db.close();
    await database.drop();
    await feedServer.close();
  }
  const delays = (which: Story[]) =>
    which.flatMap((s) => (posted.has(s.headline) ? [(posted.get(s.headline)! - s.at) / 1000] : [])).sort((a, b) => a - b);
  const all = stories.flat();
  return { busy: summarise(delays(stories.slice(0, busyFeeds).flat()), stories.slice(0, busyFeeds).flat().length), all: summarise(delays(all), all.length), requests: feedServer.counts };
}

function summarise(delays: number[], published: number) {
  const at = (q: number) => delays[Math.min(delays.length - 1, Math.floor(q * delays.length))] ?? NaN;
  return { posted: delays.length, published, median: at(0.5), p90: at(0.9) };
}

const line = (name: string, r: Awaited<ReturnType<typeof simulate>>) =>
  `${name}: busy feeds median ${r.busy.median.toFixed(0)} s, p90 ${r.busy.p90.toFixed(0)} s (${r.busy.posted}/${r.busy.published} posted); ` +
  `all feeds median ${r.all.median.toFixed(0)} s, p90 ${r.all.p90.toFixed(0)} s (${r.all.posted}/${r.all.published} posted); ` +
  `${r.requests.requests} feed requests (${r.requests.notModified} answered 304)`;

console.log(`freshness bench: ${busyFeeds} busy feeds (a story every ~${BUSY_GAP_MIN} min) and ${quietFeeds} quiet ones (~${QUIET_GAP_MIN / 60} h), ${hours} simulated hours, SQLite`);
console.log(line("before (INGEST_CRON */5, POST_CRON */10)", await simulate(false)));
console.log(line("after (adaptive polling, 1-minute ticks)", await simulate(true)));
