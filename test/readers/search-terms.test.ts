import { describe, expect, it } from "vitest";

import { likeContains, MAX_SEARCH_WORD_LENGTH, MAX_SEARCH_WORDS, parseSearchQuery, searchWords } from "../../src/readers/search-terms.js";

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

describe("parseSearchQuery", () => {
  it("keeps quoted words together as one phrase, in straight, English or Russian quotes", () => {
    expect(parseSearchQuery('"climate  deal" talks')).toEqual({ kind: "terms", terms: ["climate deal", "talks"], asShown: '"climate deal" talks' });
    expect(parseSearchQuery("“climate deal”")).toEqual({ kind: "terms", terms: ["climate deal"], asShown: '"climate deal"' });
    expect(parseSearchQuery("«климатическое соглашение»")).toEqual({
      kind: "terms",
      terms: ["климатическое соглашение"],
      asShown: '"климатическое соглашение"',
    });
    // An unclosed quote runs to the end; a quoted single word is just a word.
    expect(parseSearchQuery('"climate deal')).toMatchObject({ terms: ["climate deal"] });
    expect(parseSearchQuery('"rain"')).toEqual({ kind: "terms", terms: ["rain"], asShown: "rain" });
  });

  it("leaves out words every story has, and asks for more when nothing else is left", () => {
    expect(parseSearchQuery("the election")).toEqual({ kind: "terms", terms: ["election"], asShown: "election" });
    expect(parseSearchQuery("выборы в парламент")).toEqual({ kind: "terms", terms: ["выборы", "парламент"], asShown: "выборы парламент" });
    expect(parseSearchQuery("The  a")).toEqual({ kind: "too-common", asTyped: "The a" });
    expect(parseSearchQuery("и в")).toEqual({ kind: "too-common", asTyped: "и в" });
    expect(parseSearchQuery('"of the"')).toEqual({ kind: "too-common", asTyped: '"of the"' });
    // A phrase with a stopword in it is kept whole: "state of the art" means something.
    expect(parseSearchQuery('"state of the art"')).toMatchObject({ terms: ["state of the art"] });
    expect(parseSearchQuery("   ")).toEqual({ kind: "empty" });
    expect(parseSearchQuery('""')).toEqual({ kind: "empty" });
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
