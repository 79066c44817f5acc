/**
 * The readers' hot data in memory: the latest pages, the topics, the /popular candidates and
 * recent searches. Every write to the tables these come from (Article, ArticleTopic, ChannelPost,
 * Topic) through this process's Prisma client empties the cache (see client.ts), so this process
 * never answers from data it knows to be old. Another instance's writes cannot be seen: every
 * entry also expires after {@link READ_CACHE_TTL_MS}, which bounds how stale an answer can be
 * when several instances share one database.
 */

/** How long an entry is trusted without a local write: what another instance's change may take to show. */
export const READ_CACHE_TTL_MS = 5_000;
/** Entries kept at most (recent searches are the many); the oldest goes first. */
export const READ_CACHE_MAX_ENTRIES = 1_000;

export interface ReadCache {
  /**
   * The value under `key`: from memory while fresh, else from `load` (one load at a time per
   * key; callers meanwhile share it). A load still running when a write came is returned to
   * those who asked before the write, but not kept.
   */
  get<T>(key: string, load: () => Promise<T>): Promise<T>;
  /** Forgets everything: called after writes to the tables the cached values come from. */
  invalidate(): void;
}

/** A cache that keeps nothing: every `get` loads (repositories built without the database's cache). */
export const NO_READ_CACHE: ReadCache = {
  get: (_key, load) => load(),
  invalidate: () => undefined,
};

export function createReadCache(options: { ttlMs?: number; maxEntries?: number; now?: () => number } = {}): ReadCache {
  const ttlMs = options.ttlMs ?? READ_CACHE_TTL_MS;
  const maxEntries = options.maxEntries ?? READ_CACHE_MAX_ENTRIES;
  const now = options.now ?? (() => performance.now());
  const entries = new Map<string, { value: Promise<unknown>; until: number }>();

  return {
    get<T>(key: string, load: () => Promise<T>): Promise<T> {
      const entry = entries.get(key);
      if (entry && entry.until > now()) return entry.value as Promise<T>;
      if (entry) entries.delete(key);
      const value = load();
      if (entries.size >= maxEntries) entries.delete(entries.keys().next().value as string);
      entries.set(key, { value, until: now() + ttlMs });
      // A failed load is not kept: the next reader tries again.
      value.catch(() => {
        if (entries.get(key)?.value === value) entries.delete(key);
      });
      return value;
    },
    invalidate() {
      entries.clear();
    },
  };
}
