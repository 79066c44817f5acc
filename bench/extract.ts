// Article-extraction benchmark: F1 on the scrapinghub pages (see the data's README for the metric),
// extraction speed on one core and peak memory. Data: $NEWSDESK_BENCH_DATA or
// ../shared/bench/article-extraction.
import { spawnSync } from "node:child_process";
import { existsSync, readFileSync, readdirSync, writeFileSync } from "node:fs";
import { availableParallelism } from "node:os";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { gunzipSync } from "node:zlib";

import { extractArticle } from "../src/ingest/extract/extract-article.js";
import { scorePage, summarizeScores, type PageScore } from "./lib/shingle-metric.js";

interface Truth {
  articleBody: string;
  url: string;
}

const repoRoot = resolve(dirname(fileURLToPath(import.meta.url)), "..");
const dataDir = resolve(repoRoot, process.env.NEWSDESK_BENCH_DATA ?? "../shared/bench/article-extraction");
const truthPath = join(dataDir, "ground-truth.json");

if (!existsSync(truthPath)) {
  console.log(`bench:extract skipped: no benchmark data at ${dataDir} (set NEWSDESK_BENCH_DATA)`);
  process.exit(0);
}

// The target is pages per second on one core: on Linux the benchmark re-runs itself pinned to
// one CPU, so garbage-collector threads share that core instead of using a second one.
if (availableParallelism() > 1 && process.platform === "linux" && hasTaskset()) {
  const pinned = spawnSync("taskset", ["-c", "0", process.execPath, ...process.execArgv, ...process.argv.slice(1)], {
    stdio: "inherit",
  });
  process.exit(pinned.status ?? 1);
}

const truth = JSON.parse(readFileSync(truthPath, "utf8")) as Record<string, Truth>;
const files = new Set(readdirSync(join(dataDir, "html")));
const ids = Object.keys(truth)
  .filter((id) => files.has(`${id}.html.gz`))
  .sort();
const pages = ids.map((id) => ({
  id,
  url: truth[id]!.url,
  expected: truth[id]!.articleBody,
  html: gunzipSync(readFileSync(join(dataDir, "html", `${id}.html.gz`))).toString("utf8"),
}));

const verbose = process.argv.includes("--verbose");
const dump = process.argv.find((arg) => arg.startsWith("--dump="))?.slice("--dump=".length);
const scores: PageScore[] = [];
const rows: { id: string; url: string; precision: number; recall: number }[] = [];
const predictions: Record<string, string> = {};
let empty = 0;
let extractMs = 0;

for (const page of pages) {
  let body = "";
  const started = performance.now();
  try {
    body = extractArticle(page.html, page.url).body;
  } catch {
    body = "";
  }
  extractMs += performance.now() - started;
  if (body.trim() === "") empty++;
  predictions[page.id] = body;
  const score = scorePage(body, page.expected);
  scores.push(score);
  rows.push({
    id: page.id,
    url: page.url,
    precision: score.tp + score.fp > 0 ? score.tp / (score.tp + score.fp) : 0,
    recall: score.tp + score.fn > 0 ? score.tp / (score.tp + score.fn) : 0,
  });
}

if (verbose) {
  for (const row of rows.sort((a, b) => a.precision + a.recall - (b.precision + b.recall))) {
    console.log(`${row.precision.toFixed(3)} ${row.recall.toFixed(3)} ${row.id.slice(0, 12)} ${row.url}`);
  }
}
if (dump) writeFileSync(dump, JSON.stringify(predictions, null, 1));

// A second pass, timed only: the bot extracts all day, so this is its steady speed once the JIT
// has warmed up. The reported figure stays the first, colder pass.
const warmStarted = performance.now();
for (const page of pages) {
  try {
    extractArticle(page.html, page.url);
  } catch {
    // Counted in the first pass.
  }
}
const warmPagesPerSecond = pages.length / ((performance.now() - warmStarted) / 1000);

const summary = summarizeScores(scores);
const pagesPerSecond = pages.length / (extractMs / 1000);
// maxRSS is in kilobytes.
const peakRssMb = process.resourceUsage().maxRSS / 1024;
console.log(`pages ${pages.length}, data ${dataDir}, cores ${availableParallelism()}`);
console.log(`pages/s: first pass ${Math.round(pagesPerSecond)} (reported below), second pass ${Math.round(warmPagesPerSecond)}`);
console.log(
  `F1 ${summary.f1.toFixed(3)} precision ${summary.precision.toFixed(3)} recall ${summary.recall.toFixed(3)} ` +
    `empty ${empty} pages/s ${Math.round(pagesPerSecond)} peak-rss ${Math.round(peakRssMb)} MB`,
);

function hasTaskset(): boolean {
  return spawnSync("taskset", ["-c", "0", "true"]).status === 0;
}
