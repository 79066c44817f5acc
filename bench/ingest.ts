/**
 * Ingest throughput: 10,000 items across 100 RSS feeds go through the real path —
 * fetch (the guarded fetcher), parse, normalise, dedupe (URL and same story), store
 * (the real repositories) — by `ingestAllFeeds`, on SQLite and PostgreSQL.
 *
 * The feeds are served by a local HTTP server on 127.0.0.1 (not msw), with
 * ALLOW_PRIVATE_URLS=true; each feed has its own host name (feed7.bench.test, resolved
 * to 127.0.0.1 by an injected lookup) so the fetcher's per-host politeness limit does
 * not serialise them, as it would not for 100 real publishers. Every item has a long
 * enough description that no article page is fetched. 5% of the items repeat another
 * feed's story (the same URL with tracking parameters), so deduplication has work to do.
 *
 *   npx tsx bench/ingest.ts [--providers sqlite,postgresql] [--feeds 100] [--items 100]
 */
import { createServer } from "node:http";
import type { AddressInfo } from "node:net";

import type { AdminNotifier } from "../src/ops/admin-notifier.js";
import { createConfig } from "../src/config.js";
import type { Provider } from "../src/db/schema-files.js";
import { createIngestDeps } from "../src/app/create-jobs.js";
import { ingestAllFeeds } from "../src/ingest/ingest-feeds.js";
import { createLogger } from "../src/logger.js";
import { createServices } from "../src/app/create-services.js";
import { createTestDatabase } from "../test/support/database.js";
import { createRandom } from "./lib/create-random.js";
import { useBenchPostgres } from "./lib/use-bench-postgres.js";

function arg(name: string, fallback: string): string {
  const index = process.argv.indexOf(`--${name}`);
  return index >= 0 ? (process.argv[index + 1] ?? fallback) : fallback;
}

const providers = arg("providers", "sqlite,postgresql").split(",") as Provider[];
const feedCount = Number(arg("feeds", "100"));
const itemsPerFeed = Number(arg("items", "100"));

const WORDS = (
  "council budget river bridge school hospital election court minister storm harbour factory museum festival " +
  "railway airport tariff vaccine drought flood wildfire strike union merger bank market shares pension housing " +
  "rent energy grid solar wind nuclear climate summit treaty border ceasefire refugee police trial verdict jury " +
  "senate parliament mayor governor province village coast mountain forest desert island satellite rocket launch " +
  "telescope discovery fossil species whale orchard harvest wheat coffee cocoa copper lithium battery chip robot " +
  "startup layoffs profit inflation rates currency export import shipping port canal pipeline refinery reactor"
).split(" ");

const escapeXml = (s: string) => s.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;");

/** Feed `f`'s RSS: `itemsPerFeed` items, every 20th repeating feed f-1's story under a tracking URL. */
function feedXml(f: number, port: number): string {
  const random = createRandom(f + 1);
  const pick = () => WORDS[Math.floor(random() * WORDS.length)]!;
  const now = Date.now();
  const items: string[] = [];
  for (let i = 0; i < itemsPerFeed; i++) {
    const repeat = i % 20 === 19 && f > 0;
    const source = repeat ? f - 1 : f;
    const link = repeat
      ? `http://feed${source}.bench.test:${port}/story/${source}-${i}?utm_source=feed${f}&utm_medium=rss`
      : `http://feed${f}.bench.test:${port}/story/${f}-${i}`;
    const title = repeat ? `Syndicated: story ${source}-${i}` : `${pick()} ${pick()} ${pick()} ${pick()} ${pick()} ${pick()} ${pick()} ${f}-${i}`;
    const description = Array.from({ length: 40 }, pick).join(" ") + ".";
    items.push(
      `<item><title>${escapeXml(title)}</title><link>${escapeXml(link)}</link><guid>${escapeXml(link)}</guid>` +
        `<description>${escapeXml(description)}</description><pubDate>${new Date(now - (i + 1) * 60_000).toUTCString()}</pubDate>` +
        `<category>${pick()}</category></item>`,
    );
  }
  return `<?xml version="1.0" encoding="UTF-8"?><rss version="2.0"><channel><title>Feed ${f}</title><link>http://feed${f}.bench.test/</link><description>Bench feed</description>${items.join("")}</channel></rss>`;
}

async function startFeedServer() {
  let port = 0;
  const cache = new Map<number, string>();
  const server = createServer((req, res) => {
    const f = Number(/^feed(\d+)\./.exec(req.headers.host ?? "")?.[1] ?? -1);
    if (f < 0 || f >= feedCount || req.url !== "/rss.xml") {
      res.writeHead(404).end();
      return;
    }
    let body = cache.get(f);
    if (!body) cache.set(f, (body = feedXml(f, port)));
    res.writeHead(200, { "content-type": "application/rss+xml; charset=utf-8" }).end(body);
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  port = (server.address() as AddressInfo).port;
  return { port, close: () => new Promise<void>((resolve) => server.close(() => resolve())) };
}

async function run(provider: Provider, port: number) {
  const database = await createTestDatabase(provider);
  const logger = createLogger({ level: "silent" });
  const db = await database.open();
  const config = createConfig({ DATABASE_URL: database.url, ALLOW_PRIVATE_URLS: "true", LOG_LEVEL: "silent" }, "cli");
  const services = createServices({ config, logger, db, fetcherDeps: { lookup: () => Promise.resolve([{ address: "127.0.0.1", family: 4 }]) } });
  const admin: AdminNotifier = { notify: () => Promise.resolve(false) };
  try {
    for (let f = 0; f < feedCount; f++) await services.feeds.add({ url: `http://feed${f}.bench.test:${port}/rss.xml` });
    const started = performance.now();
    const report = await ingestAllFeeds(createIngestDeps({ services, admin, logger }));
    const seconds = (performance.now() - started) / 1000;
    const stored = await db.prisma.article.count();
    return { provider, seconds, report, stored };
  } finally {
    await services.fetcher.close();
    await services.extractor.close();
    await db.close();
    await database.drop();
  }
}

const items = feedCount * itemsPerFeed;
const server = await startFeedServer();
const postgres = await useBenchPostgres(providers);
const lines: string[] = [];
try {
  console.log(`ingest bench: ${items} items across ${feedCount} feeds from a local HTTP server (127.0.0.1)`);
  for (const provider of providers) {
    const r = await run(provider, server.port);
    const rate = items / r.seconds;
    console.log(
      `${r.provider}: ${items} items in ${r.seconds.toFixed(1)} s = ${rate.toFixed(0)} items/s; ` +
        `stored ${r.stored}, failed feeds ${r.report.failed}, peak RSS so far ${Math.round(process.resourceUsage().maxRSS / 1024)} MB`,
    );
    const errors = new Map<string, number>();
    for (const result of r.report.results) {
      // Prisma's messages start with the call site; the cause is the last line.
      const cause = result.error?.split("\n").filter((line) => line.trim() !== "").at(-1)?.trim().slice(0, 200);
      if (cause) errors.set(cause, (errors.get(cause) ?? 0) + 1);
    }
    for (const [error, count] of errors) console.log(`  ${count} feed(s) failed: ${error}`);
    lines.push(`${r.provider} ${rate.toFixed(0)} items/s (${r.stored} stored, ${r.report.failed} feeds failed)`);
  }
} finally {
  await server.close();
  await postgres.stop();
}
// maxRSS is in kilobytes, for the whole process (both providers, the server and the data).
console.log(`ingest: ${lines.join("; ")}; peak RSS ${Math.round(process.resourceUsage().maxRSS / 1024)} MB`);
