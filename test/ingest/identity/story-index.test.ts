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
});
