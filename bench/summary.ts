/**
 * Extractive summary benchmark: ROUGE-1 of `summarise` against reference summaries, next to the
 * Lead-3 baseline (the body's first three sentences, cut to the same length with cutAtSentence).
 *
 *   npx tsx bench/summary.ts [--max-chars 400] [--verbose]
 *
 * The articles are 36 ordinary news stories (politics, business, sport, science, crime) among the
 * real pages of ../shared/bench/article-extraction (or $NEWSDESK_BENCH_DATA): their human-checked
 * bodies, and the headline and meta description our extractor reads from the saved page. The
 * reference summaries in bench/data/summaries/references.json were written for this benchmark, as a
 * wire editor's two or three sentences of at most 400 characters, by writers who had not seen the
 * summariser. Skipped when the page data is absent.
 *
 * The articles are split in two by their id: a tuning split (ids starting 0–7), printed article by
 * article, and a held-out split (ids starting 8–f), printed only as totals. Look at the tuning
 * split while changing the summariser; the held-out figure is the one to believe. The split was
 * made on 2026-12-07, after earlier tuning had seen all 36 articles, so it is held out only for
 * changes made since.
 */
import { existsSync, readFileSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { gunzipSync } from "node:zlib";

import { z } from "zod";

import { extractArticle } from "../src/ingest/extract/extract-article.js";
import { type RougeScore, rouge1 } from "../src/ingest/summary/rouge.js";
import { splitSentences } from "../src/ingest/summary/split-sentences.js";
import { cutAtSentence, summarise } from "../src/ingest/summary/summarise.js";

const References = z.record(z.string(), z.object({ url: z.string(), reference: z.string().min(1) }));
const GroundTruth = z.record(z.string(), z.object({ articleBody: z.string(), url: z.string() }));

interface Article {
  id: string;
  headline: string;
  /** The page's meta description: what a feed's own description usually is. */
  standfirst: string | null;
  body: string;
  reference: string;
}

const SYSTEMS: Record<string, (article: Article, maxChars: number) => string> = {
  ours: (article, maxChars) =>
    summarise({ body: article.body, standfirst: article.standfirst, headline: article.headline, maxChars }),
  "ours-body-only": (article, maxChars) => summarise({ body: article.body, headline: article.headline, maxChars }),
  lead3: (article, maxChars) => cutAtSentence(splitSentences(article.body).slice(0, 3).join(" "), maxChars),
};

function loadArticles(dataDir: string): Article[] {
  const here = dirname(fileURLToPath(import.meta.url));
  const references = References.parse(JSON.parse(readFileSync(join(here, "data", "summaries", "references.json"), "utf8")));
  const truth = GroundTruth.parse(JSON.parse(readFileSync(join(dataDir, "ground-truth.json"), "utf8")));
  return Object.entries(references).map(([id, { url, reference }]) => {
    const page = truth[id];
    if (!page) throw new Error(`page ${id} is not in ${dataDir}`);
    const html = gunzipSync(readFileSync(join(dataDir, "html", `${id}.html.gz`))).toString("utf8");
    const { headline, description } = extractArticle(html, url);
    return { id, headline, standfirst: description, body: page.articleBody, reference };
  });
}

function main(): void {
  const args = process.argv.slice(2);
  const maxIndex = args.indexOf("--max-chars");
  const maxChars = maxIndex >= 0 ? Number(args[maxIndex + 1]) : 400;
  const verbose = args.includes("--verbose");

  const repoRoot = resolve(dirname(fileURLToPath(import.meta.url)), "..");
  const dataDir = resolve(repoRoot, process.env.NEWSDESK_BENCH_DATA ?? "../shared/bench/article-extraction");
  if (!existsSync(join(dataDir, "ground-truth.json"))) {
    console.log(`bench/summary.ts skipped: no article pages at ${dataDir} (set NEWSDESK_BENCH_DATA)`);
    return;
  }
  const articles = loadArticles(dataDir);

  const tuning = articles.filter((article) => !isHeldOut(article));
  const heldOut = articles.filter(isHeldOut);

  console.log(`${"article".padEnd(14)} ${Object.keys(SYSTEMS).map((name) => name.padStart(15)).join(" ")}`);
  const tuningTotals = score(tuning, maxChars, (article, row, summaries) => {
    if (verbose) for (const [name, summary] of summaries) console.log(`  [${name}] ${summary}`);
    console.log(`${article.id.slice(0, 12).padEnd(14)} ${row.join(" ")}`);
  });
  const heldOutTotals = score(heldOut, maxChars, () => {});

  for (const [split, totals, n] of [["tuning", tuningTotals, tuning.length], ["held-out", heldOutTotals, heldOut.length]] as const) {
    console.log(`\n${split} split, ${n} articles`);
    for (const [name, total] of totals) {
      console.log(
        `${name.padEnd(15)} ROUGE-1 P ${(total.precision / n).toFixed(3)} R ${(total.recall / n).toFixed(3)} F ${(total.f1 / n).toFixed(3)}`,
      );
    }
  }
  const mean = (totals: Map<string, RougeScore>, n: number, name: string): string => (totals.get(name)!.f1 / n).toFixed(3);
  console.log(
    `\nROUGE-1 tuning: ours ${mean(tuningTotals, tuning.length, "ours")} lead3 ${mean(tuningTotals, tuning.length, "lead3")} (${tuning.length} articles); ` +
      `held-out: ours ${mean(heldOutTotals, heldOut.length, "ours")} lead3 ${mean(heldOutTotals, heldOut.length, "lead3")} (${heldOut.length} articles)`,
  );
}

function isHeldOut(article: Article): boolean {
  return /^[89a-f]/i.test(article.id);
}

/** Sums each system's ROUGE-1 over the articles; `onArticle` sees each article's F1 column and summaries. */
function score(
  articles: Article[],
  maxChars: number,
  onArticle: (article: Article, row: string[], summaries: Array<[string, string]>) => void,
): Map<string, RougeScore> {
  const totals = new Map<string, RougeScore>(Object.keys(SYSTEMS).map((name) => [name, { precision: 0, recall: 0, f1: 0 }]));
  for (const article of articles) {
    const row: string[] = [];
    const summaries: Array<[string, string]> = [];
    for (const [name, system] of Object.entries(SYSTEMS)) {
      const summary = system(article, maxChars);
      if (summary.length > maxChars) throw new Error(`${name} exceeded ${maxChars} chars on ${article.id}`);
      const result = rouge1(summary, article.reference);
      const total = totals.get(name)!;
      total.precision += result.precision;
      total.recall += result.recall;
      total.f1 += result.f1;
      row.push(result.f1.toFixed(3).padStart(15));
      summaries.push([name, summary]);
    }
    onArticle(article, row, summaries);
  }
  return totals;
}

main();
