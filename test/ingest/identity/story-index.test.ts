import { describe, expect, it } from "vitest";

import { createStoryIndex } from "../../../src/ingest/identity/story-index.js";
import { headlineKey, isSameStory } from "../../../src/ingest/identity/same-story.js";

const at = new Date("2026-11-28T10:00:00Z");
const entry = (id: number, headline: string, publishedAt: Date | null = at) => ({ id, headlineKey: headlineKey(headline), publishedAt });

describe("the story index of an ingest run", () => {
  it("finds a syndicated rewrite of a stored story", () => {
    const index = createStoryIndex([
      entry(1, "North Korea’s Kim to visit Russia for summit with Putin"),
      entry(2, "Storm closes schools across Texas"),
    ]);
    expect(index.findSameStory(entry(0, "Kim Jong Un to visit Russia for Putin summit, officials say"))?.id).toBe(1);
    expect(index.findSameStory(entry(0, "Markets rally as inflation cools"))).toBeNull();
  });

  it("sees stories added during the run", () => {
    const index = createStoryIndex();
    expect(index.findSameStory(entry(0, "Storm closes schools across Texas"))).toBeNull();
    index.add(entry(5, "Storm closes schools across Texas"));
    expect(index.findSameStory(entry(0, "Storm closes schools across Texas"))?.id).toBe(5);
  });

  it("compares only the stories added since a given size when asked to", () => {
    const index = createStoryIndex([entry(1, "Storm closes schools across Texas coast and inland")]);
    const checked = index.size;
    const rewrite = entry(0, "Texas storm closes schools inland and along the coast");
    expect(index.findSameStory(rewrite)?.id).toBe(1);
    expect(index.findSameStory(rewrite, checked)).toBeNull();
    index.add(entry(2, "Storm closes schools inland across Texas coast"));
    expect(index.findSameStory(rewrite, checked)?.id).toBe(2);
  });

  it("gives the same answers as comparing with every story", () => {
    const words = "kim putin russia summit visit storm texas schools close markets rally inflation cools bank rates".split(" ");
    let seed = 7;
    const random = () => ((seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31);
    const headline = () => Array.from({ length: 3 + Math.floor(random() * 5) }, () => words[Math.floor(random() * words.length)]).join(" ");
    const stored = Array.from({ length: 200 }, (_, i) => entry(i + 1, headline(), new Date(at.getTime() - Math.floor(random() * 4) * 86_400_000)));
    const index = createStoryIndex(stored);
    for (let i = 0; i < 200; i++) {
      const story = entry(0, headline());
      const expected = stored.some((s) => isSameStory(s, story));
      expect(index.findSameStory(story) !== null).toBe(expected);
    }
  });

  it("finds a story at the exact similarity bound whose shared words are the other's last", () => {
    // 13 of 27 words shared with a 13-word key: Dice 26/40 = 0.65, the threshold itself.
    const long = Array.from({ length: 27 }, (_, i) => `w${10 + i}`);
    const index = createStoryIndex([{ id: 1, headlineKey: long.join(" "), publishedAt: at }]);
    const short = { headlineKey: long.slice(14).join(" "), publishedAt: at };
    expect(isSameStory(index.findSameStory(short) ?? { headlineKey: "", publishedAt: null }, short)).toBe(true);
    const reverse = createStoryIndex([{ id: 2, ...short }]);
    expect(reverse.findSameStory({ headlineKey: long.join(" "), publishedAt: at })?.id).toBe(2);
  });

  it("gives the same answers as comparing with every story, on long headlines, and finds the earliest match", () => {
    let seed = 11;
    const random = () => ((seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31);
    const word = () => `w${100 + Math.floor(random() ** 2 * 45)}`;
    const key = () => [...new Set(Array.from({ length: 4 + Math.floor(random() * 26) }, word))].sort().join(" ");
    const stored = Array.from({ length: 300 }, (_, i) => ({ id: i + 1, headlineKey: key(), publishedAt: new Date(at.getTime() - Math.floor(random() * 4) * 86_400_000) }));
    const index = createStoryIndex(stored);
    let matched = 0;
    for (let i = 0; i < 300; i++) {
      const story = { headlineKey: key(), publishedAt: at };
      const expected = stored.find((s) => isSameStory(s, story)) ?? null;
      if (expected) matched++;
      expect(index.findSameStory(story)?.id ?? null).toBe(expected?.id ?? null);
    }
    expect(matched).toBeGreaterThan(20);
  });
});
