import { describe, expect, it } from "vitest";

import { parseFilterPhrase, passesKeywordFilter } from "../../../src/ingest/filters/keyword-filter.js";

describe("passesKeywordFilter", () => {
  it("lets everything through an empty filter", () => {
    expect(passesKeywordFilter("Anything at all", { include: [], exclude: [] })).toBe(true);
  });

  it("takes only stories naming an include phrase", () => {
    const filter = { include: ["North Korea", "Pyongyang"], exclude: [] };
    expect(passesKeywordFilter("Pyongyang fires missile", filter)).toBe(true);
    expect(passesKeywordFilter("Seoul holds drills", filter)).toBe(false);
  });

  it("lets an exclude phrase win over an include phrase", () => {
    const filter = { include: ["football"], exclude: ["doping"] };
    expect(passesKeywordFilter("Football club fined over doping", filter)).toBe(false);
    expect(passesKeywordFilter("Football club wins cup", filter)).toBe(true);
  });

  it("ignores case and diacritics", () => {
    const filter = { include: ["societe generale"], exclude: [] };
    expect(passesKeywordFilter("SOCIÉTÉ GÉNÉRALE cuts jobs", filter)).toBe(true);
  });

  it("matches whole words: Asia is not Asian", () => {
    const filter = { include: ["Asia"], exclude: [] };
    expect(passesKeywordFilter("Asian markets fall", filter)).toBe(false);
    expect(passesKeywordFilter("Markets in Asia fall", filter)).toBe(true);
    expect(passesKeywordFilter("Markets fall across Asia.", filter)).toBe(true);
    expect(passesKeywordFilter("Eurasia summit opens", filter)).toBe(false);
  });

  it("understands U.S. with its dots, and not the word 'us'", () => {
    const filter = { include: ["U.S."], exclude: [] };
    expect(passesKeywordFilter("U.S. troops leave", filter)).toBe(true);
    expect(passesKeywordFilter("The U.S.-led coalition", filter)).toBe(true);
    expect(passesKeywordFilter("Sanctions by the u.s.", filter)).toBe(true);
    expect(passesKeywordFilter("Tell us what you think", filter)).toBe(false);
    expect(passesKeywordFilter("Tell US what you think", filter)).toBe(false);
    expect(passesKeywordFilter("BU.S. service", filter)).toBe(false);
  });

  it("matches covid-19 whatever the dash and case", () => {
    const filter = { include: [], exclude: ["covid-19"] };
    expect(passesKeywordFilter("COVID-19 cases rise", filter)).toBe(false);
    expect(passesKeywordFilter("COVID\u201119 cases rise", filter)).toBe(false);
    expect(passesKeywordFilter("covid-1999 is not a thing", filter)).toBe(true);
  });

  it("treats phrases as literal text, never as regular expressions", () => {
    expect(passesKeywordFilter("Anything", { include: [".*"], exclude: [] })).toBe(false);
    expect(passesKeywordFilter("C++ release", { include: ["C++"], exclude: [] })).toBe(true);
    expect(passesKeywordFilter("Price rose (again)", { include: ["(again)"], exclude: [] })).toBe(true);
    expect(passesKeywordFilter("a|b", { include: ["x|y"], exclude: [] })).toBe(false);
    expect(passesKeywordFilter("back\\slash", { include: ["back\\slash"], exclude: [] })).toBe(true);
  });

  it("matches a phrase across line breaks and double spaces", () => {
    expect(passesKeywordFilter("talks with North\n  Korea", { include: ["north korea"], exclude: [] })).toBe(true);
  });

  it("matches Cyrillic on word boundaries", () => {
    const filter = { include: ["Россия"], exclude: [] };
    expect(passesKeywordFilter("Россия и Китай подписали договор", filter)).toBe(true);
    expect(passesKeywordFilter("Россиянин выиграл турнир", filter)).toBe(false);
    expect(passesKeywordFilter("Ёлки", { include: ["елки"], exclude: [] })).toBe(true);
  });

  it("matches Chinese and Japanese as substrings, since they have no spaces between words", () => {
    expect(passesKeywordFilter("习近平访问中国的邻国", { include: ["中国"], exclude: [] })).toBe(true);
    expect(passesKeywordFilter("東京都の天気", { include: ["東京"], exclude: [] })).toBe(true);
    // The known cost: a substring can sit inside a longer word (中国人 "Chinese person").
    expect(passesKeywordFilter("中国人", { include: ["中国"], exclude: [] })).toBe(true);
  });

  it("keeps word boundaries on the Latin side of a mixed phrase", () => {
    expect(passesKeywordFilter("Samsung的新手机", { include: ["Samsung的"], exclude: [] })).toBe(true);
    expect(passesKeywordFilter("XSamsung的新手机", { include: ["Samsung的"], exclude: [] })).toBe(false);
  });

  it("never matches an empty or blank phrase", () => {
    expect(passesKeywordFilter("text", { include: ["", "  "], exclude: [] })).toBe(false);
    expect(passesKeywordFilter("text", { include: [], exclude: [""] })).toBe(true);
  });
});

describe("parseFilterPhrase", () => {
  it("trims and collapses whitespace", () => {
    expect(parseFilterPhrase("  North \n Korea ")).toEqual({ ok: true, phrase: "North Korea" });
  });

  it("accepts abbreviations and phrases in any script", () => {
    expect(parseFilterPhrase("U.S.")).toEqual({ ok: true, phrase: "U.S." });
    expect(parseFilterPhrase("中国")).toEqual({ ok: true, phrase: "中国" });
    expect(parseFilterPhrase("x".repeat(100))).toEqual({ ok: true, phrase: "x".repeat(100) });
  });

  it("refuses an empty phrase", () => {
    const result = parseFilterPhrase("   ");
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.error).toMatch(/empty/);
  });

  it("refuses a phrase over 100 characters, saying how long it is", () => {
    const result = parseFilterPhrase("x".repeat(101));
    expect(result).toEqual({ ok: false, error: "The phrase is 101 characters long; the limit is 100." });
  });

  it("counts characters, not UTF-16 units", () => {
    expect(parseFilterPhrase("𝔘".repeat(100)).ok).toBe(true);
  });

  it("refuses a phrase of only punctuation", () => {
    for (const input of ["...", "—", "!?", "#"]) {
      const result = parseFilterPhrase(input);
      expect(result.ok).toBe(false);
      if (!result.ok) expect(result.error).toMatch(/letter or digit/);
    }
  });
});
