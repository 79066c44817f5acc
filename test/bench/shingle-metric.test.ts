import { describe, expect, it } from "vitest";

import { countShingles, scorePage, summarizeScores, tokenize } from "../../bench/lib/shingle-metric.js";

describe("the benchmark's shingle metric", () => {
  it("tokenises runs of Unicode word characters, like Python's \\w+", () => {
    expect(tokenize("Kim’s train — 18 months, São_Paulo!")).toEqual(["Kim", "s", "train", "18", "months", "São_Paulo"]);
  });

  it("makes overlapping 4-grams, one shorter shingle for 1–3 tokens and none for empty text", () => {
    expect([...countShingles("a b c d e").values()]).toEqual([1, 1]);
    expect(countShingles("a b").size).toBe(1);
    expect(countShingles("  ").size).toBe(0);
  });

  it("normalises a page's TP/FP/FN by their sum so every page weighs the same", () => {
    // Truth has shingles abcd, bcde; the prediction has abcd, bcdx.
    expect(scorePage("a b c d x", "a b c d e")).toEqual({ tp: 1 / 3, fp: 1 / 3, fn: 1 / 3 });
    expect(scorePage("", "")).toEqual({ tp: 0, fp: 0, fn: 0 });
  });

  it("counts repeated shingles as a multiset", () => {
    const score = scorePage("a b c d a b c d", "a b c d");
    // Predicted: abcd ×2, bcda, cdab, dabc; truth: abcd ×1.
    expect(score.tp).toBeCloseTo(1 / 5);
    expect(score.fp).toBeCloseTo(4 / 5);
    expect(score.fn).toBe(0);
  });

  it("leaves an empty answer out of precision but counts it against recall", () => {
    const summary = summarizeScores([scorePage("a b c d", "a b c d"), scorePage("", "a b c d")]);
    expect(summary.precision).toBe(1);
    expect(summary.recall).toBe(0.5);
    expect(summary.f1).toBeCloseTo(2 / 3);
    expect(summary.pages).toBe(2);
  });
});
