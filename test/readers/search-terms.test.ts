import { describe, expect, it } from "vitest";

import { likeContains, MAX_SEARCH_WORD_LENGTH, MAX_SEARCH_WORDS, searchWords } from "../../src/readers/search-terms.js";

describe("searchWords", () => {
  it("splits on white space and drops repeated words in any case", () => {
    expect(searchWords("  Election   results\tELECTION  ")).toEqual(["Election", "results"]);
    expect(searchWords("   ")).toEqual([]);
  });

  it("bounds the number and the length of words", () => {
    expect(searchWords("a b c d e f g h i j")).toHaveLength(MAX_SEARCH_WORDS);
    expect(searchWords("x".repeat(100))).toEqual(["x".repeat(MAX_SEARCH_WORD_LENGTH)]);
    // Cut by characters, not UTF-16 units: an emoji is never split in half.
    expect(searchWords("😀".repeat(50))[0]).toBe("😀".repeat(MAX_SEARCH_WORD_LENGTH));
  });
});

describe("likeContains", () => {
  it("wraps the word in wildcards and escapes the reader's own % _ and \\", () => {
    expect(likeContains("rain")).toBe("%rain%");
    expect(likeContains("50%")).toBe("%50\\%%");
    expect(likeContains("snake_case")).toBe("%snake\\_case%");
    expect(likeContains("back\\slash")).toBe("%back\\\\slash%");
  });
});
