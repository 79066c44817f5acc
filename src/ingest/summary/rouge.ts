/** Precision, recall and F-measure of one candidate against one reference. */
export interface RougeScore {
  precision: number;
  recall: number;
  f1: number;
}

/**
 * ROUGE-1 (Lin, 2004): unigram overlap between a candidate summary and a
 * reference, with each word counted at most as often as it appears in both
 * (clipped counts). Tokens are lower-cased runs of letters and digits
 * (\p{L}\p{N}); no stemming and no stop-word removal. Empty sides score 0.
 */
export function rouge1(candidate: string, reference: string): RougeScore {
  const candidateCounts = countTokens(candidate);
  const referenceCounts = countTokens(reference);
  const candidateTotal = sum(candidateCounts);
  const referenceTotal = sum(referenceCounts);
  if (candidateTotal === 0 || referenceTotal === 0) return { precision: 0, recall: 0, f1: 0 };

  let overlap = 0;
  for (const [token, count] of candidateCounts) {
    overlap += Math.min(count, referenceCounts.get(token) ?? 0);
  }
  const precision = overlap / candidateTotal;
  const recall = overlap / referenceTotal;
  const f1 = overlap === 0 ? 0 : (2 * precision * recall) / (precision + recall);
  return { precision, recall, f1 };
}

function countTokens(text: string): Map<string, number> {
  const counts = new Map<string, number>();
  for (const token of text.toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? []) {
    counts.set(token, (counts.get(token) ?? 0) + 1);
  }
  return counts;
}

function sum(counts: Map<string, number>): number {
  let total = 0;
  for (const count of counts.values()) total += count;
  return total;
}
