/**
 * One line per story in a reader's list: the same story stored twice (a second feed, a
 * syndicated copy under another URL, a rewrite of the headline) is shown once, as its
 * first (newest) copy. Uses the same test of "the same story" as ingestion.
 */
import { headlineKey, isSameStory } from "../ingest/identity/same-story.js";

/** The first `limit` items that tell different stories, in the order given. */
export function onePerStory<T extends { headline: string; sortAt: Date }>(items: readonly T[], limit: number): T[] {
  const kept: { item: T; key: string; headline: string }[] = [];
  for (const item of items) {
    if (kept.length === limit) break;
    const key = headlineKey(item.headline);
    const headline = item.headline.trim().toLowerCase();
    const story = { headlineKey: key, publishedAt: item.sortAt };
    const seen = kept.some((other) => other.headline === headline || isSameStory(story, { headlineKey: other.key, publishedAt: other.item.sortAt }));
    if (!seen) kept.push({ item, key, headline });
  }
  return kept.map((entry) => entry.item);
}

/**
 * {@link onePerStory} remembered per list: the same list (a search answered from the read
 * cache is the same array until the next write) is sorted out once. The lists must not change.
 */
export function rememberingOnePerStory<T extends { headline: string; sortAt: Date }>(limit: number): (items: readonly T[]) => T[] {
  const done = new WeakMap<readonly T[], T[]>();
  return (items) => {
    let kept = done.get(items);
    if (!kept) done.set(items, (kept = onePerStory(items, limit)));
    return kept;
  };
}
