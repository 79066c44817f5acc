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
  const add = (entry: StoryEntry) => {
    if (!entry.headlineKey) return;
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
      const shared = new Map<StoryEntry, number>();
      for (const word of new Set(story.headlineKey.split(" "))) {
        for (const entry of byWord.get(word) ?? []) shared.set(entry, (shared.get(entry) ?? 0) + 1);
      }
      for (const [entry, count] of shared) {
        if (count >= SAME_STORY_MIN_SHARED_WORDS && isSameStory(entry, story)) return entry;
      }
      return null;
    },
  };
}
