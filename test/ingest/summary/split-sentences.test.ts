import { describe, expect, it } from "vitest";

import { splitSentences } from "../../../src/ingest/summary/split-sentences.js";

describe("splitSentences", () => {
  it("splits plain sentences ending in full stops, question and exclamation marks", () => {
    expect(splitSentences("Rates rose. Why now? Markets fell!")).toEqual(["Rates rose.", "Why now?", "Markets fell!"]);
  });

  it("does not split after titles: Mr, Mrs, Dr (with or without a full stop)", () => {
    expect(splitSentences("Mr. Smith met Mrs. Jones and Dr. Brown at noon. They talked.")).toEqual([
      "Mr. Smith met Mrs. Jones and Dr. Brown at noon.",
      "They talked.",
    ]);
    expect(splitSentences("Mr Smith met Dr Brown. Then lunch.")).toEqual(["Mr Smith met Dr Brown.", "Then lunch."]);
  });

  it("does not split inside U.S. and U.K., and keeps 'the U.S. Senate' together", () => {
    expect(splitSentences("The U.S. economy grew. The U.K. did not.")).toEqual([
      "The U.S. economy grew.",
      "The U.K. did not.",
    ]);
    expect(splitSentences("The U.S. Senate voted 52-48. The bill goes to the House.")).toEqual([
      "The U.S. Senate voted 52-48.",
      "The bill goes to the House.",
    ]);
  });

  it("still ends a sentence on U.S. when the next one clearly starts afresh", () => {
    expect(splitSentences("She moved to the U.S. Last year she married.")).toEqual([
      "She moved to the U.S.",
      "Last year she married.",
    ]);
  });

  it("does not split after month abbreviations: Jan., Sept.", () => {
    expect(splitSentences("Prices rose in Jan. last year. They fell in Sept. 2023 again. Fine.")).toEqual([
      "Prices rose in Jan. last year.",
      "They fell in Sept. 2023 again.",
      "Fine.",
    ]);
  });

  it("does not split after 'No.' before a number", () => {
    expect(splitSentences("The PM returned to No. 10 on Friday. Aides cheered.")).toEqual([
      "The PM returned to No. 10 on Friday.",
      "Aides cheered.",
    ]);
  });

  it("keeps initials with the name: J. K. Rowling", () => {
    expect(splitSentences("J. K. Rowling wrote it. It sold well.")).toEqual(["J. K. Rowling wrote it.", "It sold well."]);
  });

  it("does not split decimals: 3.5 per cent, $1.2bn", () => {
    expect(splitSentences("Inflation hit 3.5 per cent. Profit was $1.2bn.")).toEqual([
      "Inflation hit 3.5 per cent.",
      "Profit was $1.2bn.",
    ]);
  });

  it("ends a sentence on an ellipsis followed by a capital, not on one inside a sentence", () => {
    expect(splitSentences("He paused... Then he left.")).toEqual(["He paused...", "Then he left."]);
    expect(splitSentences("It was late... and cold. Then snow.")).toEqual(["It was late... and cold.", "Then snow."]);
  });

  it("ends a sentence inside closing quotes: He said “we will win.” Then…", () => {
    expect(splitSentences("He said “we will win.” Then he left.")).toEqual(["He said “we will win.”", "Then he left."]);
    expect(splitSentences('She said "it is over." Nobody argued.')).toEqual(['She said "it is over."', "Nobody argued."]);
  });

  it("ends a sentence on a quoted question, unless the quote is attributed next", () => {
    expect(splitSentences("He asked “why?” Then he left.")).toEqual(["He asked “why?”", "Then he left."]);
    expect(splitSentences("“Where is the money?” Johnson asked. Nobody answered.")).toEqual([
      "“Where is the money?” Johnson asked.",
      "Nobody answered.",
    ]);
  });

  it("ends a sentence on 'no.' — an ordinary word, not an abbreviation", () => {
    expect(splitSentences("Voters said no. The result stands.")).toEqual(["Voters said no.", "The result stands."]);
  });

  it("treats line breaks as boundaries and collapses whitespace", () => {
    expect(splitSentences("PHOTO: REUTERS\n  Rates   rose.\n\nThen fell.")).toEqual([
      "PHOTO: REUTERS",
      "Rates rose.",
      "Then fell.",
    ]);
  });

  it("returns nothing for empty text", () => {
    expect(splitSentences("")).toEqual([]);
    expect(splitSentences(" \n\n ")).toEqual([]);
  });
});
