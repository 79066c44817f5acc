/**
 * Ingest throughput: 10,000 items across 100 RSS feeds go through the real path —
 * fetch (the guarded fetcher), parse, normalise, dedupe (URL and same story), store
 * (the real repositories) — by `ingestAllFeeds`, on SQLite and PostgreSQL.
 *
 * What is measured is the compiled code, as production runs it: this script (under tsx) only
 * serves the feeds, generates their data and prepares the databases; the run itself happens in
 * a child process, `node` on bench/lib/ingest-runner.ts transpiled to plain JavaScript, which
 * loads everything from dist/ and reports its own time and peak RSS (main thread and extraction
 * threads). So run `npm run build` first: a stale dist/ measures stale code.
 *
 * The feeds are served by a local HTTP server on 127.0.0.1 (not msw), with
 * ALLOW_PRIVATE_URLS=true; each feed has its own host name (feed7.bench.test, resolved
 * to 127.0.0.1 by an injected lookup) so the fetcher's per-host politeness limit does
 * not serialise them, as it would not for 100 real publishers. Every item has a long
 * enough description that no article page is fetched. 5% of the items repeat another
 * feed's story (half under the same URL with tracking parameters, half under their own URL with
 * the headline reworded), so both kinds of deduplication have work to do: 9,505 are stored.
 *
 *   npm run build && npx tsx bench/ingest.ts [--providers sqlite,postgresql] [--feeds 100] [--items 100]
 *     [--node-flags "--cpu-prof --cpu-prof-dir=tmp/prof"]   (flags for the measured process)
 *     [--dist path/to/another/dist]                          (another build, for a before/after)
 *     [--plain]                        (without `npm start`'s environment and node flags, which are the default)
 */
import { spawn } from "node:child_process";
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import { loadavg, tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";

import ts from "typescript";

import { createConfig } from "../src/config.js";
import type { Provider } from "../src/db/schema-files.js";
import { createLogger } from "../src/logger.js";
import { createServices } from "../src/app/create-services.js";
import { createTestDatabase } from "../test/support/database.js";
import { createRandom } from "./lib/create-random.js";
import { parseStartCommand, readStartScript } from "./lib/start-script.js";
import { useBenchPostgres } from "./lib/use-bench-postgres.js";

function arg(name: string, fallback: string): string {
  const index = process.argv.indexOf(`--${name}`);
  return index >= 0 ? (process.argv[index + 1] ?? fallback) : fallback;
}

const providers = arg("providers", "sqlite,postgresql").split(",") as Provider[];
const feedCount = Number(arg("feeds", "100"));
const itemsPerFeed = Number(arg("items", "100"));
const extraFlags = arg("node-flags", "").split(" ").filter((flag) => flag !== "");
// The ingest runs inside the bot in production, so the measured process gets `npm start`'s
// environment and node flags (`--plain` leaves them out, to see what they change).
const start = process.argv.includes("--plain") ? { env: {}, nodeFlags: [] } : parseStartCommand(readStartScript(fileURLToPath(new URL("..", import.meta.url))));
const nodeFlags = [...start.nodeFlags, ...extraFlags];

/**
 * Made-up words, 4,000 of them, the common ones picked far more often than the rare ones: like
 * real headlines, two stories seldom share more than a word or two. (This benchmark used to draw
 * on 100 words, which made every story look like many others to the same-story check; numbers
 * from before and after that change are not comparable.)
 */
const VOCABULARY = (() => {
  const random = createRandom(7);
  const syllables = "ba be bi bo bu da de di do du ka ke ki ko ku la le li lo lu ma me mi mo mu na ne ni no nu ra re ri ro ru sa se si so su ta te ti to tu va ve vi vo vu za ze zi zo zu".split(" ");
  const words = new Set<string>();
  while (words.size < 4000) {
    const length = 2 + Math.floor(random() * 3);
    words.add(Array.from({ length }, () => syllables[Math.floor(random() * syllables.length)]!).join("") + "n");
  }
  return [...words];
})();

const escapeXml = (s: string) => s.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;");

const capitalise = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);

/**
 * Story `i` of feed `f`: always the same headline (eight words) and description (forty, one
 * capitalised sentence: a description that starts in lower case reads as a cut-off teaser, and
 * its page would be fetched).
 */
function story(f: number, i: number): { title: string; description: string } {
  const random = createRandom(f * 100_003 + i + 1);
  const pick = () => VOCABULARY[Math.floor(random() ** 2 * VOCABULARY.length)]!;
  return { title: capitalise(Array.from({ length: 8 }, pick).join(" ")), description: capitalise(Array.from({ length: 40 }, pick).join(" ")) + "." };
}

/**
 * Feed `f`'s RSS: `itemsPerFeed` items. Every 20th repeats feed f-1's previous story: on odd feeds
 * under the same URL with tracking parameters (a URL duplicate), on even feeds under its own URL
 * with the headline reworded (one word dropped, two added, the order changed: a same-story duplicate).
 */
function feedXml(f: number, port: number): string {
  const now = Date.now();
  const items: string[] = [];
  for (let i = 0; i < itemsPerFeed; i++) {
    const repeat = i % 20 === 19 && f > 0;
    let link = `http://feed${f}.bench.test:${port}/story/${f}-${i}`;
    let { title, description } = story(f, i);
    if (repeat) {
      const original = story(f - 1, i - 1);
      description = original.description;
      if (f % 2 === 1) {
        link = `http://feed${f - 1}.bench.test:${port}/story/${f - 1}-${i - 1}?utm_source=feed${f}&utm_medium=rss`;
        title = original.title;
      } else {
        title = capitalise([VOCABULARY[f]!, ...original.title.split(" ").slice(1).reverse(), VOCABULARY[i]!].join(" "));
      }
    }
    items.push(
      `<item><title>${escapeXml(title)}</title><link>${escapeXml(link)}</link><guid>${escapeXml(link)}</guid>` +
        `<description>${escapeXml(description)}</description><pubDate>${new Date(now - (i + 1) * 60_000).toUTCString()}</pubDate>` +
        `<category>${VOCABULARY[i]!}</category></item>`,
    );
  }
  return `<?xml version="1.0" encoding="UTF-8"?><rss version="2.0"><channel><title>Feed ${f}</title><link>http://feed${f}.bench.test/</link><description>Bench feed</description>${items.join("")}</channel></rss>`;
}

/** Requests for anything but a feed (article pages): the benchmark means there to be none. */
let otherRequests = 0;

async function startFeedServer() {
  let port = 0;
  const cache = new Map<number, string>();
  const server = createServer((req, res) => {
    const f = Number(/^feed(\d+)\./.exec(req.headers.host ?? "")?.[1] ?? -1);
    if (f < 0 || f >= feedCount || req.url !== "/rss.xml") {
      otherRequests++;
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

// --dist: another build to measure (e.g. an older commit's, compiled elsewhere, for a before/after).
const distArg = arg("dist", "");
const dist = distArg ? pathToFileURL(`${resolve(distArg)}/`) : new URL("../dist/", import.meta.url);
if (!existsSync(new URL("ingest/ingest-feeds.js", dist))) throw new Error("no dist/: run `npm run build` first");

/** The runner as plain JavaScript in a temporary directory (it loads the application from dist/ by absolute URL). */
function writeRunner(): { file: string; remove: () => void } {
  const source = readFileSync(fileURLToPath(new URL("./lib/ingest-runner.ts", import.meta.url)), "utf8");
  const { outputText } = ts.transpileModule(source, { compilerOptions: { module: ts.ModuleKind.ESNext, target: ts.ScriptTarget.ES2022 } });
  const dir = mkdtempSync(join(tmpdir(), "newsdesk-ingest-bench-"));
  const file = join(dir, "ingest-runner.mjs");
  writeFileSync(file, outputText);
  return { file, remove: () => rmSync(dir, { recursive: true, force: true }) };
}

interface RunnerResult {
  seconds: number;
  cpuSeconds: number;
  failed: number;
  stored: number;
  errors: string[];
  peakRssMb: number;
}

/** Runs the compiled ingest in a child process; its stderr goes to ours. */
function runChild(runner: string, databaseUrl: string): Promise<RunnerResult> {
  const env: NodeJS.ProcessEnv = { ...start.env, PATH: process.env.PATH, DATABASE_URL: databaseUrl, DIST_URL: dist.href };
  for (const key of ["EXTRACT_WORKERS", "TZ"]) if (process.env[key] !== undefined) env[key] = process.env[key];
  const child = spawn(process.execPath, [...nodeFlags, runner], { env, stdio: ["ignore", "pipe", "inherit"] });
  let out = "";
  child.stdout.setEncoding("utf8").on("data", (chunk: string) => (out += chunk));
  return new Promise((resolve, reject) => {
    child.on("error", reject);
    child.on("close", (code) => {
      const line = out.trim().split("\n").at(-1) ?? "";
      if (code !== 0 || !line.startsWith("{")) reject(new Error(`the ingest runner exited with ${code}: ${out}`));
      else resolve(JSON.parse(line) as RunnerResult);
    });
  });
}

async function run(provider: Provider, port: number, runner: string) {
  const database = await createTestDatabase(provider);
  try {
    // Migrated and given its feeds here, so the measured process only ingests.
    const db = await database.open();
    try {
      const config = createConfig({ DATABASE_URL: database.url, ALLOW_PRIVATE_URLS: "true", LOG_LEVEL: "silent" }, "cli");
      const services = createServices({ config, logger: createLogger({ level: "silent" }), db });
      for (let f = 0; f < feedCount; f++) await services.feeds.add({ url: `http://feed${f}.bench.test:${port}/rss.xml` });
    } finally {
      await db.close();
    }
    return { provider, ...(await runChild(runner, database.url)) };
  } finally {
    await database.drop();
  }
}

const items = feedCount * itemsPerFeed;
const server = await startFeedServer();
const postgres = await useBenchPostgres(providers);
const runner = writeRunner();
const lines: string[] = [];
try {
  console.log(`ingest bench: ${items} items across ${feedCount} feeds from a local HTTP server (127.0.0.1), compiled code (dist/) in a child process run as ${nodeFlags.length > 0 || Object.keys(start.env).length > 0 ? `\`${[...Object.entries(start.env).map(([k, v]) => `${k}=${v}`), "node", ...nodeFlags].join(" ")}\`` : "plain `node`"}`);
  for (const provider of providers) {
    const r = await run(provider, server.port, runner.file);
    const rate = items / r.seconds;
    console.log(
      `${r.provider}: ${items} items in ${r.seconds.toFixed(1)} s = ${rate.toFixed(0)} items/s (${r.cpuSeconds.toFixed(1)} s of CPU); ` +
        `stored ${r.stored}, failed feeds ${r.failed}, peak RSS of the ingesting process ${r.peakRssMb} MB`,
    );
    const errors = new Map<string, number>();
    for (const error of r.errors) {
      // Prisma's messages start with the call site; the cause is the last line.
      const cause = error.split("\n").filter((line) => line.trim() !== "").at(-1)?.trim().slice(0, 200);
      if (cause) errors.set(cause, (errors.get(cause) ?? 0) + 1);
    }
    for (const [error, count] of errors) console.log(`  ${count} feed(s) failed: ${error}`);
    if (otherRequests > 0) console.log(`  ${otherRequests} requests for article pages (answered 404): the items' text was not enough`);
    otherRequests = 0;
    lines.push(`${r.provider} ${rate.toFixed(0)} items/s (${r.cpuSeconds.toFixed(1)} s CPU), peak RSS ${r.peakRssMb} MB (${r.stored} stored, ${r.failed} feeds failed)`);
  }
} finally {
  runner.remove();
  await server.close();
  await postgres.stop();
}
const load = loadavg().map((n) => n.toFixed(2)).join(" ");
console.log(`ingest: ${lines.join("; ")}; load average ${load}`);
