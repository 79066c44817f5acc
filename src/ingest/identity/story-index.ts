/**
 * The recent stories of one ingest run, indexed by headline word, so that each new
 * item is compared only with the few stories it could match instead of with every
 * story of the last two days. Same answers as `isSameStory`, in near-constant time.
 *
 * Prefix filter: two different keys that are one story share at least
 * `minSharedWords(size)` words, for the size of either key. With each key's words in one
 * fixed order, a key of n words that must share t of them with another has at least one of
 * those shared words among its first n − t + 1: the first shared word is there in both keys.
 * So only those first words are indexed and looked up. The order puts the rarest words first
 * (fewest stories), so the lists walked are short; it is fixed between rebuilds, and the index
 * is rebuilt under a fresh order whenever it has doubled in size.
 */
import { isSameKeyedStory, keyedStory, minSharedWords, type KeyedStory } from "./same-story.js";

export interface StoryEntry {
  id: number;
  headlineKey: string;
  publishedAt: Date | null;
}

export interface StoryIndex {
  /**
   * The earliest added story this one is the same as, or null. With `since` (an earlier `size`),
   * only the stories added since then are compared: the ones before were compared already.
   */
  findSameStory(story: { headlineKey: string; publishedAt: Date | null }, since?: number): StoryEntry | null;
  add(entry: StoryEntry): void;
  /** How many stories were added so far. */
  readonly size: number;
}

interface Indexed {
  entry: StoryEntry;
  story: KeyedStory;
  /** When it was added: the earliest match wins. */
  order: number;
}

/** Stories indexed before the word order is first taken from the stories' own words. */
const FIRST_REORDER = 64;

/** Builds the index over `entries`; more can be added as they are stored. */
export function createStoryIndex(entries: StoryEntry[] = []): StoryIndex {
  const all: Indexed[] = [];
  const byKey = new Map<string, Indexed[]>();
  let byPrefixWord = new Map<string, Indexed[]>();
  // How many stories each word was in when the order was last fixed; words seen since count as rarest.
  let storiesWith = new Map<string, number>();
  let reorderAt = FIRST_REORDER;
  const push = (map: Map<string, Indexed[]>, key: string, indexed: Indexed) => {
    const list = map.get(key);
    if (list) list.push(indexed);
    else map.set(key, [indexed]);
  };
  /** The words of a key that the prefix filter indexes and looks up (none for keys too short to match another key). */
  const prefixWords = (story: KeyedStory): string[] => {
    const length = Math.max(0, story.words.size - minSharedWords(story.words.size) + 1);
    if (length === 0) return [];
    const counted = [...story.words].map((word) => ({ word, stories: storiesWith.get(word) ?? 0 }));
    counted.sort((a, b) => a.stories - b.stories || (a.word < b.word ? -1 : a.word > b.word ? 1 : 0));
    return counted.slice(0, length).map((c) => c.word);
  };
  const reorder = () => {
    storiesWith = new Map();
    for (const { story } of all) for (const word of story.words) storiesWith.set(word, (storiesWith.get(word) ?? 0) + 1);
    byPrefixWord = new Map();
    for (const indexed of all) for (const word of prefixWords(indexed.story)) push(byPrefixWord, word, indexed);
    reorderAt = Math.max(FIRST_REORDER, 2 * all.length);
  };
  const add = (entry: StoryEntry) => {
    if (!entry.headlineKey) return;
    const indexed = { entry, story: keyedStory(entry), order: all.length };
    all.push(indexed);
    push(byKey, entry.headlineKey, indexed);
    if (all.length >= reorderAt) reorder();
    else for (const word of prefixWords(indexed.story)) push(byPrefixWord, word, indexed);
  };
  for (const entry of entries) add(entry);
  return {
    add,
    get size() {
      return all.length;
    },
    findSameStory(query, since = 0) {
      if (!query.headlineKey) return null;
      const story = keyedStory(query);
      let best: Indexed | null = null;
      for (const candidate of byKey.get(query.headlineKey) ?? []) {
        if (candidate.order >= since && isSameKeyedStory(candidate.story, story)) {
          best = candidate;
          break;
        }
      }
      for (const word of prefixWords(story)) {
        const list = byPrefixWord.get(word) ?? [];
        // Lists are in the order stories were added: walk back from the newest to `since` and keep the earliest match.
        for (let i = list.length - 1; i >= 0; i--) {
          const candidate = list[i]!;
          if (candidate.order < since) break;
          if ((!best || candidate.order < best.order) && isSameKeyedStory(candidate.story, story)) best = candidate;
        }
      }
      return best?.entry ?? null;
    },
  };
}
