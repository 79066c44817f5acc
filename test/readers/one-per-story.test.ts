import { describe, expect, it } from "vitest";

import { onePerStory } from "../../src/readers/one-per-story.js";

const at = (hour: number) => new Date(Date.UTC(2026, 10, 28, hour));
const hit = (id: number, headline: string, hour = 12) => ({ id, headline, sortAt: at(hour) });

describe("onePerStory", () => {
  it("keeps the first copy of a story told twice, and the order of the rest", () => {
    const hits = [
      hit(5, "Climate deal reached in Geneva after long night of talks", 12),
      hit(4, "Budget passes"),
      hit(3, "Climate deal reached in Geneva after long night of talks", 11),
      hit(2, "Geneva: climate deal reached after a long night of talks", 10),
      hit(1, "budget passes "),
    ];
    expect(onePerStory(hits, 10).map((h) => h.id)).toEqual([5, 4]);
  });

  it("stops at the limit, counting stories rather than copies", () => {
    const hits = [hit(1, "One story"), hit(2, "One story"), hit(3, "Another story"), hit(4, "A third story")];
    expect(onePerStory(hits, 2).map((h) => h.id)).toEqual([1, 3]);
  });

  it("keeps different stories that share a few words", () => {
    const hits = [hit(1, "UK prime minister resigns"), hit(2, "Italian prime minister resigns")];
    expect(onePerStory(hits, 10).map((h) => h.id)).toEqual([1, 2]);
  });
});
