import { describe, expect, it } from "vitest";

import { rouge1 } from "../../../src/ingest/summary/rouge.js";

describe("rouge1", () => {
  it("scores identical texts 1 regardless of case and punctuation", () => {
    expect(rouge1("The cat sat.", "the CAT, sat!")).toEqual({ precision: 1, recall: 1, f1: 1 });
  });

  it("computes precision, recall and F1 from unigram overlap", () => {
    // candidate 4 tokens, reference 6 tokens, overlap 3 ("the", "cat", "sat")
    const score = rouge1("the cat sat down", "the big cat sat on mats");
    expect(score.precision).toBeCloseTo(3 / 4);
    expect(score.recall).toBeCloseTo(3 / 6);
    expect(score.f1).toBeCloseTo((2 * 0.75 * 0.5) / 1.25);
  });

  it("clips repeated words to their count in the reference", () => {
    const score = rouge1("the the the the", "the cat");
    expect(score.precision).toBeCloseTo(1 / 4);
    expect(score.recall).toBeCloseTo(1 / 2);
  });

  it("counts letters and digits in any script as tokens", () => {
    expect(rouge1("Zürich 3.5 Überraschung", "zürich 3 5 überraschung").f1).toBe(1);
    expect(rouge1("Москва 2024", "москва").recall).toBe(1);
  });

  it("scores 0 when either side is empty or nothing overlaps", () => {
    expect(rouge1("", "reference").f1).toBe(0);
    expect(rouge1("candidate", "").f1).toBe(0);
    expect(rouge1("apples", "pears").f1).toBe(0);
  });
});
