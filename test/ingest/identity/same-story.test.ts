import { describe, expect, it } from "vitest";

import {
  SAME_STORY_THRESHOLD,
  headlineKey,
  headlineSimilarity,
  isSameStory,
} from "../../../src/ingest/identity/same-story.js";

const hours = (n: number): number => n * 60 * 60 * 1000;
const at = (iso: string): Date => new Date(iso);

function article(headline: string, publishedAt: Date | null): { headlineKey: string; publishedAt: Date | null } {
  return { headlineKey: headlineKey(headline), publishedAt };
}

describe("headlineKey", () => {
  it("lower-cases, drops punctuation, possessives and stop-words, and sorts the words", () => {
    expect(headlineKey("North Korea’s Kim to visit Russia for summit with Putin")).toBe(
      "kim korea north putin russia summit visit",
    );
  });

  it("ignores word order, so rewrites that reshuffle a headline agree", () => {
    expect(headlineKey("Putin summit: Kim to visit Russia")).toBe(headlineKey("Kim to visit Russia for Putin summit"));
  });

  it("drops wire attribution that syndicated versions add or remove", () => {
    expect(headlineKey("Kim to visit Russia, officials say")).toBe(headlineKey("Kim to visit Russia"));
    expect(headlineKey("BREAKING: Kim to visit Russia")).toBe(headlineKey("Kim to visit Russia"));
  });

  it("folds diacritics and plural s", () => {
    expect(headlineKey("Société Générale cuts jobs")).toBe(headlineKey("Societe Generale cut job"));
  });

  it("keeps decimal numbers whole and drops a sentence's final full stop", () => {
    expect(headlineKey("Magnitude 7.1 quake hits Japan.")).toBe("7.1 hit japan magnitude quake");
  });

  it("handles Cyrillic headlines and Russian stop-words", () => {
    expect(headlineKey("Путин и Ким встретились во Владивостоке")).toBe("владивостоке встретились ким путин");
  });

  it("is empty for a headline with nothing but stop-words and punctuation", () => {
    expect(headlineKey("What? — And then...")).toBe("");
  });
});

describe("headlineSimilarity", () => {
  it("is 1 for the same key and 0 for keys sharing nothing", () => {
    expect(headlineSimilarity("kim russia visit", "kim russia visit")).toBe(1);
    expect(headlineSimilarity("kim russia visit", "budget election france")).toBe(0);
  });

  it("is the Dice coefficient of the word sets", () => {
    // 2 shared words, 3 + 5 words in all.
    expect(headlineSimilarity("a b c", "a b x y z")).toBeCloseTo(0.5);
  });

  it("treats an empty key as similar to nothing", () => {
    expect(headlineSimilarity("", "")).toBe(0);
    expect(headlineSimilarity("", "kim")).toBe(0);
  });

  it("is symmetric", () => {
    const a = headlineKey("Kim Jong Un to visit Russia for Putin summit");
    const b = headlineKey("North Korea's Kim to visit Russia");
    expect(headlineSimilarity(a, b)).toBe(headlineSimilarity(b, a));
  });
});

describe("isSameStory", () => {
  it("matches two agencies' versions of one event", () => {
    const ap = article("North Korea’s Kim to visit Russia for summit with Putin", at("2023-09-10T08:00:00Z"));
    const reuters = article("Kim Jong Un to visit Russia for Putin summit, officials say", at("2023-09-10T11:30:00Z"));
    expect(headlineSimilarity(ap.headlineKey, reuters.headlineKey)).toBeGreaterThanOrEqual(SAME_STORY_THRESHOLD);
    expect(isSameStory(ap, reuters)).toBe(true);
  });

  it("matches a headline updated with one more detail", () => {
    const first = article("Apple unveils new iPhone at September event", at("2024-09-09T17:00:00Z"));
    const later = article("Apple unveils iPhone 16 at September event", at("2024-09-09T19:00:00Z"));
    expect(isSameStory(first, later)).toBe(true);
  });

  it("keeps apart different stories that share a leader and a verb", () => {
    const russia = article("North Korea’s Kim to visit Russia for summit with Putin", at("2023-09-10T08:00:00Z"));
    const china = article("Kim to visit China for summit with Xi", at("2023-09-10T09:00:00Z"));
    expect(isSameStory(russia, china)).toBe(false);
  });

  it("keeps apart different decisions on the same subject", () => {
    const hold = article("Fed holds interest rates steady", at("2024-06-12T18:00:00Z"));
    const raise = article("Fed raises interest rates by quarter point", at("2024-06-12T19:00:00Z"));
    expect(isSameStory(hold, raise)).toBe(false);
  });

  it("does not match the same headline published outside the window", () => {
    const monday = article("Storm Ciarán hits southern England", at("2023-11-01T06:00:00Z"));
    const friday = article("Storm Ciarán hits southern England", at("2023-11-03T07:00:00Z"));
    expect(isSameStory(monday, friday)).toBe(false);
    expect(isSameStory(monday, friday, hours(72))).toBe(true);
  });

  it("matches at the edge of the window and not a millisecond past it", () => {
    const start = at("2024-01-01T00:00:00Z");
    const a = article("Kim to visit Russia", start);
    expect(isSameStory(a, article("Kim to visit Russia", new Date(start.getTime() + hours(48))))).toBe(true);
    expect(isSameStory(a, article("Kim to visit Russia", new Date(start.getTime() + hours(48) + 1)))).toBe(false);
  });

  it("treats an undated article as recent", () => {
    const dated = article("Kim to visit Russia for Putin summit", at("2020-01-01T00:00:00Z"));
    const undated = article("Kim to visit Russia for summit with Putin", null);
    expect(isSameStory(dated, undated)).toBe(true);
    expect(isSameStory(undated, undated)).toBe(true);
  });

  it("never matches headlines that left empty keys", () => {
    expect(isSameStory(article("What?", null), article("What?", null))).toBe(false);
  });
});

describe("short headlines that differ in one name", () => {
  it("are different stories even though most of their words are shared", () => {
    const at = new Date("2026-11-28T10:00:00Z");
    const story = (headline: string) => ({ headlineKey: headlineKey(headline), publishedAt: at });
    expect(isSameStory(story("First local story"), story("Second local story"))).toBe(false);
    expect(isSameStory(story("UK prime minister resigns"), story("Italian prime minister resigns"))).toBe(false);
    expect(isSameStory(story("UK prime minister resigns"), story("UK prime minister resigns"))).toBe(true);
  });
});
