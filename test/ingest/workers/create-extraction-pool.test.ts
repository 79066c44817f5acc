/**
 * The extraction pool does the reading in worker threads: the same article as in-thread
 * extraction, a page past the time limit aborted with a reason naming EXTRACT_TIMEOUT_MS, the
 * pool still working afterwards on a fresh thread, and idle threads ended.
 */
import { execFile } from "node:child_process";
import { readFileSync } from "node:fs";
import { setTimeout as sleep } from "node:timers/promises";
import { fileURLToPath } from "node:url";
import { promisify } from "node:util";

import { afterEach, describe, expect, it } from "vitest";

import { buildArticleFrom, readFeed } from "../../../src/ingest/workers/extraction-tasks.js";
import { createExtractionPool, ExtractionTimeoutError, type Extractor } from "../../../src/ingest/workers/create-extraction-pool.js";
import { FeedParseError } from "../../../src/ingest/feeds/feed-parse-error.js";
import type { FeedItem } from "../../../src/ingest/feeds/feed-item.js";
import { HANG_MARKER } from "./hanging-extraction-worker.js";

const PAGE_URL = "https://news.example.com/asia/kim-to-visit-russia";
const PARAGRAPH =
  "North Korean leader Kim Jong Un will soon visit Russia to meet President Vladimir Putin, the two countries confirmed on Monday.";
const page = (extra = "") =>
  `<html><head><title>Kim to visit Russia | News</title></head><body><article><h1>Kim to visit Russia</h1>${extra}` +
  `<p>${PARAGRAPH}</p><p>${PARAGRAPH}</p></article></body></html>`;
const context = { now: new Date("2026-03-02T09:00:00Z"), summaryMaxChars: 400, feedDefaultTopic: null, rules: [{ slug: "russia", phrases: ["Russia"] }] };
const FEED = `<?xml version="1.0"?><rss version="2.0"><channel><title>News</title>
<item><title>Kim to visit Russia</title><link>${PAGE_URL}</link><description>Read more…</description></item>
<item><title>Budget approved</title><link>https://news.example.com/budget</link><description>${PARAGRAPH} The vote was close.</description></item>
</channel></rss>`;

const hanging = new URL("./hanging-extraction-worker.ts", import.meta.url);
const threadIdWorker = new URL("./thread-id-worker.ts", import.meta.url);

describe("the extraction pool", () => {
  let pool: Extractor | null = null;
  afterEach(async () => {
    await pool?.close();
    pool = null;
  });

  it("builds the same article in a worker as in the thread", async () => {
    pool = createExtractionPool({ timeoutMs: 15_000, workers: 1 });
    const source = { html: page(), pageUrl: PAGE_URL };
    expect(await pool.extract(source, context)).toEqual(buildArticleFrom(source, context));
  });

  it("reads a feed in a worker: items with their text, screened by the filter and page need", async () => {
    pool = createExtractionPool({ timeoutMs: 15_000, workers: 1 });
    const screen = { filter: { include: [], exclude: ["budget"] }, fullPage: false };
    const read = await pool.readFeed(FEED, "https://news.example.com/rss", screen);
    expect(read).toEqual(readFeed(FEED, "https://news.example.com/rss", screen));
    expect(read.items.map(({ item, passesFilter, needsPage }) => ({ title: item.title, html: item.descriptionHtml, passesFilter, needsPage }))).toEqual([
      { title: "Kim to visit Russia", html: null, passesFilter: true, needsPage: true },
      { title: "Budget approved", html: null, passesFilter: false, needsPage: false },
    ]);
  });

  it("rejects a text that is not a feed with the parser's refusal, as in the thread", async () => {
    pool = createExtractionPool({ timeoutMs: 15_000, workers: 1 });
    const screen = { filter: { include: [], exclude: [] }, fullPage: false };
    const refused = pool.readFeed("<!doctype html><html><body>Our feed moved.</body></html>", "https://news.example.com/rss", screen);
    await expect(refused).rejects.toBeInstanceOf(FeedParseError);
    await expect(refused).rejects.toThrow("the document is HTML, not a feed");
  });

  it("builds a feed's items in one task, in their order, with an item that fails in its place", async () => {
    pool = createExtractionPool({ timeoutMs: 15_000, workers: 1 });
    const read = readFeed(FEED, "https://news.example.com/rss", { filter: { include: [], exclude: [] }, fullPage: false });
    const sources = [
      { item: read.items[1]?.item ?? null, pageUrl: "https://news.example.com/budget" },
      // Not a feed item the parser would give: building it throws.
      { item: { title: "Broken", categories: 5 } as unknown as FeedItem, pageUrl: "https://news.example.com/broken" },
      { html: page(), pageUrl: PAGE_URL },
    ];
    const built = await pool.extractMany(sources, context);
    expect(built.map((b) => ("article" in b ? b.article?.headline : "failed"))).toEqual(["Budget approved", "failed", "Kim to visit Russia"]);
    expect(built[0]).toEqual({ article: buildArticleFrom(sources[0] ?? { pageUrl: "" }, context) });
    expect("error" in (built[1] ?? {}) && (built[1] as { error: unknown }).error).toBeInstanceOf(Error);
  });

  it("aborts a batch past EXTRACT_TIMEOUT_MS as a whole", async () => {
    pool = createExtractionPool({ timeoutMs: 1_000, workers: 1, workerUrl: hanging });
    const stuck = pool.extractMany([{ html: page(), pageUrl: PAGE_URL }, { html: page(HANG_MARKER), pageUrl: PAGE_URL }], context);
    await expect(stuck).rejects.toThrow("building the feed's articles took longer than EXTRACT_TIMEOUT_MS (1000 ms)");
  });

  it("aborts a page past EXTRACT_TIMEOUT_MS with that reason, then extracts the next page on a fresh thread", async () => {
    pool = createExtractionPool({ timeoutMs: 1_000, workers: 1, workerUrl: hanging });
    const stuck = pool.extract({ html: page(HANG_MARKER), pageUrl: PAGE_URL }, context);
    await expect(stuck).rejects.toThrow(ExtractionTimeoutError);
    await expect(stuck).rejects.toThrow("extraction took longer than EXTRACT_TIMEOUT_MS (1000 ms)");
    expect((await pool.extract({ html: page(), pageUrl: PAGE_URL }, context))?.headline).toBe("Kim to visit Russia");
  });

  it("keeps a task waiting for a busy thread off the clock", async () => {
    pool = createExtractionPool({ timeoutMs: 1_000, workers: 1, workerUrl: hanging });
    const stuck = pool.extract({ html: page(HANG_MARKER), pageUrl: PAGE_URL }, context);
    // Queued behind the stuck page for a whole time limit, yet only its own work counts.
    const next = pool.extract({ html: page(), pageUrl: PAGE_URL }, context);
    await expect(stuck).rejects.toThrow(ExtractionTimeoutError);
    expect((await next)?.headline).toBe("Kim to visit Russia");
  });

  it("ends its threads after idleMs without a task and starts a fresh one for the next task", async () => {
    pool = createExtractionPool({ timeoutMs: 15_000, workers: 1, workerUrl: threadIdWorker, idleMs: 200 });
    const screen = { filter: { include: [], exclude: [] }, fullPage: false };
    const threadOfNextTask = async () => (await pool!.readFeed(FEED, "https://news.example.com/rss", screen)) as unknown as number;
    const first = await threadOfNextTask();
    expect(await threadOfNextTask()).toBe(first);
    await sleep(1_000);
    expect(await threadOfNextTask()).not.toBe(first);
  });

  it("starts its threads in a process run with `npm start`'s node flags", async () => {
    const start = (JSON.parse(readFileSync(new URL("../../../package.json", import.meta.url), "utf8")) as { scripts: { start: string } }).scripts.start;
    const nodeFlags = start.split(/\s+/).filter((word) => word.startsWith("--"));
    const tsx = fileURLToPath(new URL("../../../node_modules/tsx/dist/loader.mjs", import.meta.url));
    const script = fileURLToPath(new URL("./read-one-feed.ts", import.meta.url));
    const { stdout } = await promisify(execFile)(process.execPath, [...nodeFlags, "--import", tsx, script]);
    expect(stdout).toBe("Budget approved");
  });

  it("rejects what is still running when closed", async () => {
    pool = createExtractionPool({ timeoutMs: 60_000, workers: 1, workerUrl: hanging });
    const stuck = expect(pool.extract({ html: page(HANG_MARKER), pageUrl: PAGE_URL }, context)).rejects.toThrow("the extraction pool is closed");
    await pool.close();
    pool = null;
    await stuck;
  });
});
