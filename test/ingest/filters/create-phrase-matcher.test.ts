import { describe, expect, it } from "vitest";

import { createPhraseMatcher } from "../../../src/ingest/filters/create-phrase-matcher.js";

describe("createPhraseMatcher", () => {
  it("checks many phrases against one article", () => {
    const matches = createPhraseMatcher("Kim Jong Un arrives in Vladivostok for talks with Putin");
    expect(["Putin", "Kremlin", "vladivostok"].map(matches)).toEqual([true, false, true]);
  });

  it("matches phrases at the very start and end of the text", () => {
    const matches = createPhraseMatcher("Asia");
    expect(matches("asia")).toBe(true);
    expect(matches("as")).toBe(false);
  });

  it("handles apostrophes written either way", () => {
    expect(createPhraseMatcher("Côte d’Ivoire votes")("Cote d'Ivoire")).toBe(true);
  });
});
