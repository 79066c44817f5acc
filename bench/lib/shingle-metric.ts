// The scrapinghub article-extraction-benchmark metric, written to match its README exactly so our
// numbers compare with the published ones.

/** Per-page overlap of predicted and true shingles, each divided by TP+FP+FN. */
export interface PageScore {
  tp: number;
  fp: number;
  fn: number;
}

/** Mean precision, mean recall and the harmonic mean of the two over a set of pages. */
export interface ShingleSummary {
  f1: number;
  precision: number;
  recall: number;
  pages: number;
}

const TOKEN = /[\p{L}\p{N}_]+/gu;
const SHINGLE_SIZE = 4;

/** Splits text into runs of Unicode word characters, as Python's `\w+` does. */
export function tokenize(text: string): string[] {
  return text.match(TOKEN) ?? [];
}

/** Counts overlapping 4-grams of tokens; 1–3 tokens make one shorter shingle, none make none. */
export function countShingles(text: string): Map<string, number> {
  const tokens = tokenize(text);
  const counts = new Map<string, number>();
  const last = Math.max(0, tokens.length - SHINGLE_SIZE);
  if (tokens.length === 0) return counts;
  for (let i = 0; i <= last; i++) {
    const key = tokens.slice(i, i + SHINGLE_SIZE).join("\u0000");
    counts.set(key, (counts.get(key) ?? 0) + 1);
  }
  return counts;
}

/** Scores one page: multiset overlap of shingles, normalised so every page weighs the same. */
export function scorePage(predicted: string, truth: string): PageScore {
  const pred = countShingles(predicted);
  const gold = countShingles(truth);
  let tp = 0;
  let predTotal = 0;
  let goldTotal = 0;
  for (const [key, n] of pred) {
    predTotal += n;
    tp += Math.min(n, gold.get(key) ?? 0);
  }
  for (const n of gold.values()) goldTotal += n;
  const fp = predTotal - tp;
  const fn = goldTotal - tp;
  const total = tp + fp + fn;
  if (total === 0) return { tp: 0, fp: 0, fn: 0 };
  return { tp: tp / total, fp: fp / total, fn: fn / total };
}

/** Averages precision over pages with TP+FP>0 and recall over pages with TP+FN>0, then F1. */
export function summarizeScores(scores: readonly PageScore[]): ShingleSummary {
  let precisionSum = 0;
  let precisionPages = 0;
  let recallSum = 0;
  let recallPages = 0;
  for (const { tp, fp, fn } of scores) {
    if (tp + fp > 0) {
      precisionSum += tp / (tp + fp);
      precisionPages++;
    }
    if (tp + fn > 0) {
      recallSum += tp / (tp + fn);
      recallPages++;
    }
  }
  const precision = precisionPages > 0 ? precisionSum / precisionPages : 0;
  const recall = recallPages > 0 ? recallSum / recallPages : 0;
  const f1 = precision + recall > 0 ? (2 * precision * recall) / (precision + recall) : 0;
  return { f1, precision, recall, pages: scores.length };
}
