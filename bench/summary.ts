/**
 * Extractive summary benchmark: ROUGE-1 of `summarise` against hand-written
 * reference summaries, next to the Lead-3 baseline (the body's first three
 * sentences, cut to the same length with cutAtSentence).
 *
 *   npx tsx bench/summary.ts [--max-chars 400] [--verbose]
 *
 * The articles in bench/data/summaries/*.json are fictional wire-style stories
 * written for this benchmark, with the mess real feeds carry (datelines,
 * bylines, captions, promotions); see each file's "provenance" and "mess".
 */
import { readdirSync, readFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

import { z } from "zod";

import { type RougeScore, rouge1 } from "../src/ingest/summary/rouge.js";
import { splitSentences } from "../src/ingest/summary/split-sentences.js";
import { cutAtSentence, summarise } from "../src/ingest/summary/summarise.js";

const Article = z.object({
  id: z.string(),
  headline: z.string(),
  standfirst: z.string().nullable().optional(),
  body: z.array(z.string()).min(1),
  reference: z.string().min(1),
});
type Article = z.infer<typeof Article>;

const SYSTEMS: Record<string, (article: Article, maxChars: number) => string> = {
  ours: (article, maxChars) =>
    summarise({ body: article.body.join("\n\n"), standfirst: article.standfirst, headline: article.headline, maxChars }),
  "ours-body-only": (article, maxChars) =>
    summarise({ body: article.body.join("\n\n"), headline: article.headline, maxChars }),
  lead3: (article, maxChars) =>
    cutAtSentence(splitSentences(article.body.join("\n\n")).slice(0, 3).join(" "), maxChars),
};

function main(): void {
  const args = process.argv.slice(2);
  const maxIndex = args.indexOf("--max-chars");
  const maxChars = maxIndex >= 0 ? Number(args[maxIndex + 1]) : 400;
  const verbose = args.includes("--verbose");

  const dir = join(dirname(fileURLToPath(import.meta.url)), "data", "summaries");
  const articles = readdirSync(dir)
    .filter((name) => name.endsWith(".json"))
    .sort()
    .map((name) => Article.parse(JSON.parse(readFileSync(join(dir, name), "utf8"))));

  const totals = new Map<string, RougeScore>(Object.keys(SYSTEMS).map((name) => [name, { precision: 0, recall: 0, f1: 0 }]));
  console.log(`${"article".padEnd(18)} ${Object.keys(SYSTEMS).map((name) => name.padStart(15)).join(" ")}`);
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
    console.log(`${article.id.padEnd(18)} ${row.join(" ")}`);
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
