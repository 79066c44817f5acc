/**
 * Hostile input: one ingest run over the worst pages and feed items we can build (brace runs,
 * slash runs, a 5 MiB single line, deep nesting, unclosed comments and scripts, stray "<"), beside
 * a healthy feed, through the real path (guarded fetcher, ingestAllFeeds, the real repositories on
 * SQLite). Prints the longest event-loop delay while it runs (what a reader's /latest would have
 * waited at worst), the total time, and what became of every page.
 *
 *   npx tsx bench/hostile.ts [--timeout-ms 15000]
 */
import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import { monitorEventLoopDelay } from "node:perf_hooks";
import { Writable } from "node:stream";

import type { AdminNotifier } from "../src/ops/admin-notifier.js";
import { createConfig } from "../src/config.js";
import { createIngestDeps } from "../src/app/create-jobs.js";
import { ingestAllFeeds } from "../src/ingest/ingest-feeds.js";
import { createLogger } from "../src/logger.js";
import { createServices } from "../src/app/create-services.js";
import { createTestDatabase } from "../test/support/database.js";
import { HOSTILE_ITEMS, HOSTILE_PAGES } from "./lib/hostile-pages.js";

const timeoutArg = process.argv.indexOf("--timeout-ms");
const timeoutMs = timeoutArg >= 0 ? (process.argv[timeoutArg + 1] ?? "15000") : "15000";

const escapeXml = (s: string) => s.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;");

function rss(base: string, items: { title: string; link: string; description: string }[]): string {
  const body = items
    .map((i) => `<item><title>${escapeXml(i.title)}</title><link>${i.link}</link><description>${escapeXml(i.description)}</description></item>`)
    .join("");
  return `<?xml version="1.0" encoding="UTF-8"?><rss version="2.0"><channel><title>Hostile</title><link>${base}/</link>${body}</channel></rss>`;
}

async function startSite() {
  let base = "";
  // Bodies are encoded once, up front: encoding 5 MiB per request would stall this process's
  // loop and be counted against the ingest.
  const bodies = new Map<string, { type: string; body: Buffer }>();
  const add = (path: string, type: string, body: string) => bodies.set(path, { type, body: Buffer.from(body) });
  const server = createServer((req, res) => {
    const found = bodies.get(req.url ?? "");
    if (!found) return void res.writeHead(404).end();
    res.writeHead(200, { "content-type": found.type }).end(found.body);
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  base = `http://hostile.bench.test:${(server.address() as AddressInfo).port}`;
  // Title-only items: every page is fetched and extracted.
  add("/pages.xml", "application/rss+xml", rss(base, HOSTILE_PAGES.map((p) => ({ title: p.name, link: `${base}${p.path}`, description: "" }))));
  add(
    "/items.xml",
    "application/rss+xml",
    rss(base, HOSTILE_ITEMS.map((item, i) => ({ title: item.title, link: `${base}/item-${i}`, description: item.description }))),
  );
  add(
    "/healthy.xml",
    "application/rss+xml",
    rss(base, [
      {
        title: "Ceasefire talks resume in Cairo",
        link: `${base}/ceasefire`,
        description: "Negotiators returned to Cairo on Monday for a new round of ceasefire talks, mediators said, after a week-long pause.",
      },
    ]),
  );
  for (const p of HOSTILE_PAGES) add(p.path, "text/html; charset=utf-8", p.html());
  return { base, close: () => new Promise<void>((resolve) => server.close(() => resolve())) };
}

const site = await startSite();
const database = await createTestDatabase("sqlite");
const warnings: string[] = [];
const logger = createLogger({
  level: "warn",
  destination: new Writable({
    write(chunk: Buffer, _encoding, done) {
      const line = JSON.parse(chunk.toString()) as { msg: string; url?: string; reason?: string };
      warnings.push(`${line.msg}${line.url ? ` ${line.url}` : ""}${line.reason ? `: ${line.reason}` : ""}`);
      done();
    },
  }),
});
const db = await database.open();
const config = createConfig(
  { DATABASE_URL: database.url, ALLOW_PRIVATE_URLS: "true", LOG_LEVEL: "warn", EXTRACT_TIMEOUT_MS: timeoutMs, FEED_MAX_BYTES: String(16 * 1024 * 1024) },
  "cli",
);
const services = createServices({ config, logger, db, fetcherDeps: { lookup: () => Promise.resolve([{ address: "127.0.0.1", family: 4 }]) } });
const admin: AdminNotifier = { notify: () => Promise.resolve(false) };
try {
  for (const feed of ["/pages.xml", "/items.xml", "/healthy.xml"]) await services.feeds.add({ url: `${site.base}${feed}` });
  const delay = monitorEventLoopDelay({ resolution: 10 });
  delay.enable();
  const started = performance.now();
  const report = await ingestAllFeeds(createIngestDeps({ services, admin, logger }));
  const seconds = (performance.now() - started) / 1000;
  delay.disable();
  const stored = await db.prisma.article.findMany({ select: { url: true, body: true } });
  const pages = HOSTILE_PAGES.length + HOSTILE_ITEMS.length + 1;
  console.log(`hostile: ${pages} pages and items in ${report.feeds} feeds, EXTRACT_TIMEOUT_MS ${config.extract.timeoutMs}`);
  for (const p of HOSTILE_PAGES) {
    const article = stored.find((a) => a.url === `${site.base}${p.path}`);
    console.log(`  ${p.name}: ${article ? `stored, body ${article.body.length} chars` : "not stored"}`);
  }
  for (const warning of warnings) console.log(`  logged: ${warning.slice(0, 160)}`);
  console.log(
    `hostile: longest event-loop delay ${(delay.max / 1e6).toFixed(0)} ms (p99 ${(delay.percentile(99) / 1e6).toFixed(0)} ms); ` +
      `ingest ${seconds.toFixed(1)} s; stored ${stored.length} of ${pages}; failed feeds ${report.failed}; ` +
      `peak RSS ${Math.round(process.resourceUsage().maxRSS / 1024)} MB`,
  );
} finally {
  await services.fetcher.close();
  await services.extractor.close();
  await db.close();
  await database.drop();
  await site.close();
}
