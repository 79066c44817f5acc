/**
 * A token bucket per key (a reader's id): `capacity` requests at once, refilled
 * at `capacity` per `periodMs`. Keeps one reader from loading the database with
 * searches; the clock is passed in, so tests need no waiting.
 */
export interface TokenBucket {
  /** Takes one token for `key`; false when the bucket is empty (the request should be refused). */
  take(key: string): boolean;
}

export function createTokenBucket(options: { capacity: number; periodMs: number; now: () => Date; maxKeys?: number }): TokenBucket {
  const { capacity, periodMs, now } = options;
  const maxKeys = options.maxKeys ?? 10_000;
  const ratePerMs = capacity / periodMs;
  const buckets = new Map<string, { tokens: number; at: number }>();
  return {
    take(key) {
      const at = now().getTime();
      const bucket = buckets.get(key);
      const tokens = bucket ? Math.min(capacity, bucket.tokens + Math.max(0, at - bucket.at) * ratePerMs) : capacity;
      if (tokens < 1) {
        buckets.set(key, { tokens, at });
        return false;
      }
      buckets.delete(key);
      // A full bucket is the same as no bucket: drop the oldest to bound memory.
      if (buckets.size >= maxKeys) {
        const oldest = buckets.keys().next();
        if (!oldest.done) buckets.delete(oldest.value);
      }
      buckets.set(key, { tokens: tokens - 1, at });
      return true;
    },
  };
}
