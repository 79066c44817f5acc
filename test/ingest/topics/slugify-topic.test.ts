import { describe, expect, it } from "vitest";

import { slugifyTopic, topicHashtag, topicNameFromSlug } from "../../../src/ingest/topics/slugify-topic.js";

describe("slugifyTopic", () => {
  it("turns an editor's topic name into a slug", () => {
    expect(slugifyTopic("North Korea")).toBe("north-korea");
    expect(slugifyTopic("  Asia/Pacific ")).toBe("asia-pacific");
    expect(slugifyTopic("Arts & Culture")).toBe("arts-culture");
    expect(slugifyTopic("Editor’s picks")).toBe("editors-picks");
    expect(slugifyTopic("COVID-19")).toBe("covid-19");
  });

  it("folds Latin diacritics and ligatures", () => {
    expect(slugifyTopic("Société")).toBe("societe");
    expect(slugifyTopic("Straße")).toBe("strasse");
    expect(slugifyTopic("Łódź")).toBe("lodz");
  });

  it("keeps other scripts as letters", () => {
    expect(slugifyTopic("Россия")).toBe("россия");
    expect(slugifyTopic("Северная Корея")).toBe("северная-корея");
    expect(slugifyTopic("中国")).toBe("中国");
    expect(slugifyTopic("हिन्दी समाचार")).toBe("हिन्दी-समाचार");
  });

  it("is a fixed point on slugs, so slugs can be passed through it safely", () => {
    for (const slug of ["north-korea", "россия", "covid-19", "societe"]) expect(slugifyTopic(slug)).toBe(slug);
  });

  it("gives null when nothing is left", () => {
    expect(slugifyTopic("")).toBeNull();
    expect(slugifyTopic("   ")).toBeNull();
    expect(slugifyTopic("!!! — ???")).toBeNull();
  });

  it("cuts long names to 64 characters at a word boundary", () => {
    const slug = slugifyTopic("The extraordinarily long running coverage of the parliamentary elections in many regions");
    expect(slug).not.toBeNull();
    expect([...slug!].length).toBeLessThanOrEqual(64);
    expect(slug).toBe("the-extraordinarily-long-running-coverage-of-the-parliamentary");
    expect(slugifyTopic("x".repeat(80))).toBe("x".repeat(64));
  });
});

describe("topicHashtag", () => {
  it("makes a Telegram hashtag from a slug", () => {
    expect(topicHashtag("north-korea")).toBe("#north_korea");
    expect(topicHashtag("covid-19")).toBe("#covid_19");
    expect(topicHashtag("россия")).toBe("#россия");
    expect(topicHashtag("северная-корея")).toBe("#северная_корея");
  });

  it("drops characters Telegram would end the hashtag at", () => {
    expect(topicHashtag("asia/pacific")).toBe("#asiapacific");
    expect(topicHashtag("-a--b-")).toBe("#a_b");
  });

  it("prefixes a digit-only body with an underscore, which Telegram would not link", () => {
    expect(topicHashtag("2024")).toBe("#_2024");
    expect(topicHashtag("2024-2025")).toBe("#_2024_2025");
  });

  it("is empty when nothing is left", () => {
    expect(topicHashtag("")).toBe("");
    expect(topicHashtag("---")).toBe("");
  });
});

describe("topicNameFromSlug", () => {
  it("gives a readable name", () => {
    expect(topicNameFromSlug("north-korea")).toBe("North Korea");
    expect(topicNameFromSlug("middle-east-and-north-africa")).toBe("Middle East and North Africa");
    expect(topicNameFromSlug("the-economy")).toBe("The Economy");
    expect(topicNameFromSlug("россия")).toBe("Россия");
  });

  it("round-trips through slugifyTopic", () => {
    for (const slug of ["north-korea", "covid-19", "северная-корея", "arts-and-culture"]) {
      expect(slugifyTopic(topicNameFromSlug(slug))).toBe(slug);
    }
  });
});
