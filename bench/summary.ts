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

  const totals = new Map<string, RougeScore>(Object.keys(SYSTEMS).map((name) => [name, { precision: 0, recall: 0, f1: 0 }]));
  console.log(`${"article".padEnd(14)} ${Object.keys(SYSTEMS).map((name) => name.padStart(15)).join(" ")}`);
  for (const article of articles) {
    const row: string[] = [];
    for (const [name, system] of Object.entries(SYSTEMS)) {
      const summary = system(article, maxChars);
      if (summary.length > maxChars) throw new Error(`${name} exceeded ${maxChars} chars on ${article.id}`);
      const score = rouge1(summary, article.reference);
      const total = totals.get(name)!;
      total.precision += score.precision;
      total.recall += score.recall;
      total.f1 += score.f1;
      row.push(score.f1.toFixed(3).padStart(15));
      if (verbose) console.log(`  [${name}] ${summary}`);
    }
    console.log(`${article.id.slice(0, 12).padEnd(14)} ${row.join(" ")}`);
  }

  const n = articles.length;
  console.log("");
  for (const [name, total] of totals) {
    console.log(
      `${name.padEnd(15)} ROUGE-1 P ${(total.precision / n).toFixed(3)} R ${(total.recall / n).toFixed(3)} F ${(total.f1 / n).toFixed(3)}`,
    );
  }
  const mean = (name: string): string => (totals.get(name)!.f1 / n).toFixed(3);
  console.log(`ROUGE-1 ours ${mean("ours")} lead3 ${mean("lead3")} articles ${n}`);
}

main();
