/** A feed's priority as an editor or operator types it (`--priority 4`, `/addfeed … priority 4`). Pure. */

export const MIN_FEED_PRIORITY = 1;
export const MAX_FEED_PRIORITY = 5;

/** "4" → 4; anything but a whole number from 1 to 5 is refused in plain words. */
export function parseFeedPriority(text: string): { ok: true; priority: number } | { ok: false; error: string } {
  const trimmed = text.trim();
  if (/^\d{1,2}$/.test(trimmed)) {
    const priority = Number(trimmed);
    if (priority >= MIN_FEED_PRIORITY && priority <= MAX_FEED_PRIORITY) return { ok: true, priority };
  }
  const got = trimmed === "" ? "nothing was given" : `“${trimmed}” is not one`;
  return {
    ok: false,
    error: `The priority must be a whole number from ${MIN_FEED_PRIORITY} (least) to ${MAX_FEED_PRIORITY} (most), 3 being the default; ${got}.`,
  };
}
