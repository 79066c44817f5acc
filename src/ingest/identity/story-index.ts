/**
 * The recent stories of one ingest run, indexed by headline word, so that each new
 * item is compared only with stories it shares words with instead of with every
 * story of the last two days. Same answers as `isSameStory`, in near-constant time.
 */
import { isSameStory, SAME_STORY_MIN_SHARED_WORDS } from "./same-story.js";

export interface StoryEntry {
  id: number;
  headlineKey: string;
  publishedAt: Date | null;
}

export interface StoryIndex {
  /** A stored story this one is the same as, or null. */
  findSameStory(story: { headlineKey: string; publishedAt: Date | null }): StoryEntry | null;
  add(entry: StoryEntry): void;
}

/** Builds the index over `entries`; more can be added as they are stored. */
export function createStoryIndex(entries: StoryEntry[] = []): StoryIndex {
  const byWord = new Map<string, StoryEntry[]>();
  const byKey = new Map<string, StoryEntry[]>();
  const order = new Map<StoryEntry, number>();
  const add = (entry: StoryEntry) => {
    if (!entry.headlineKey) return;
    order.set(entry, order.size);
    const sameKey = byKey.get(entry.headlineKey) ?? [];
    sameKey.push(entry);
    byKey.set(entry.headlineKey, sameKey);
    for (const word of new Set(entry.headlineKey.split(" "))) {
      const list = byWord.get(word) ?? [];
      list.push(entry);
      byWord.set(word, list);
    }
  };
  for (const entry of entries) add(entry);
  return {
    add,
    findSameStory(story) {
      if (!story.headlineKey) return null;
      for (const entry of byKey.get(story.headlineKey) ?? []) if (isSameStory(entry, story)) return entry;
      // Another key must share SAME_STORY_MIN_SHARED_WORDS of this key's words, so it holds at
      // least one of its (words - MIN + 1) rarest ones: only their lists are read, not those of
      // words every other headline has.
      const words = [...new Set(story.headlineKey.split(" "))].filter((word) => word !== "");
      const rarest = words.sort((a, b) => (byWord.get(a)?.length ?? 0) - (byWord.get(b)?.length ?? 0)).slice(0, Math.max(0, words.length - SAME_STORY_MIN_SHARED_WORDS + 1));
      const candidates = new Set<StoryEntry>();
      for (const word of rarest) for (const entry of byWord.get(word) ?? []) candidates.add(entry);
      // The first stored of the matches, whichever word found it.
      let match: StoryEntry | null = null;
      for (const entry of candidates) {
        if ((match === null || (order.get(entry) ?? 0) < (order.get(match) ?? 0)) && isSameStory(entry, story)) match = entry;
      }
      return match;
    },
  };
}
