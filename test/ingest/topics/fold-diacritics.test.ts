import { describe, expect, it } from "vitest";

import { foldDiacritics } from "../../../src/ingest/topics/fold-diacritics.js";

describe("foldDiacritics", () => {
  it("folds Latin accents, ligatures and letters without a decomposition", () => {
    expect(foldDiacritics("Société Générale")).toBe("Societe Generale");
    expect(foldDiacritics("Straße, Æsir, Œuvre, Øresund, Łódź, Þór, ﬁnal")).toBe(
      "Strasse, AEsir, OEuvre, Oresund, Lodz, THor, final",
    );
  });

  it("folds Russian ё to е but keeps й, whose breve is part of the letter", () => {
    expect(foldDiacritics("Ёлка и Майя")).toBe("Елка и Майя");
  });

  it("leaves scripts whose marks are spelling untouched", () => {
    for (const text of ["हिन्दी", "العربية", "中国", "한국어", "ภาษาไทย"]) expect(foldDiacritics(text)).toBe(text);
  });
});
