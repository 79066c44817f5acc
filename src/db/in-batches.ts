/**
 * Bulk clean-ups (retention) in small statements: each batch is its own short
 * transaction, so the bot's own writes wait milliseconds, not the whole run, for
 * SQLite's single write lock.
 */

/** Rows found and changed per statement; also well under both providers' bound-parameter limits. */
export const BATCH_SIZE = 500;

/**
 * Finds up to BATCH_SIZE keys of rows still to change, changes them, and repeats until a
 * search comes back short. `find` must stop matching a row once `change` has handled it.
 * Returns how many rows were changed.
 */
export async function inBatches<K>(find: (limit: number) => Promise<K[]>, change: (keys: K[]) => Promise<number>): Promise<number> {
  let changed = 0;
  for (;;) {
    const keys = await find(BATCH_SIZE);
    if (keys.length > 0) changed += await change(keys);
    if (keys.length < BATCH_SIZE) return changed;
  }
}
