/**
 * The ranking behind /popular: engagement a bot can really see (reactions on the
 * channel post, clicks through the bot's redirect), discounted by age the way
 * Hacker News does, so a story with a burst of interest this morning outranks one
 * that collected a little more over the whole week.
 */

export interface PopularityWeights {
  /** Points per reaction: a deliberate act by a reader. */
  reaction: number;
  /** Points per click through the redirect: a read. */
  click: number;
  /** How fast age wears a story down; higher favours fresh stories. */
  gravity: number;
  /** Hours added to the age so a story minutes old is not divided by ~0. */
  ageOffsetHours: number;
}

export const DEFAULT_POPULARITY_WEIGHTS: PopularityWeights = { reaction: 2, click: 1, gravity: 1.5, ageOffsetHours: 2 };

export interface Engagement {
  reactions: number;
  clicks: number;
  /** When the story reached the channel. */
  postedAt: Date;
}

/** score = (reactions·w_r + clicks·w_c) / (age_hours + offset)^gravity; 0 without engagement. */
export function popularityScore(item: Engagement, now: Date, weights: PopularityWeights = DEFAULT_POPULARITY_WEIGHTS): number {
  const points = Math.max(0, item.reactions) * weights.reaction + Math.max(0, item.clicks) * weights.click;
  if (points <= 0) return 0;
  // A clock skew must not make a post "from the future" score infinitely.
  const ageHours = Math.max(0, (now.getTime() - item.postedAt.getTime()) / 3_600_000);
  return points / (ageHours + weights.ageOffsetHours) ** weights.gravity;
}

/**
 * The `limit` best items by score, highest first; items without engagement are
 * left out. Ties go to the newer post, then to the order given.
 */
export function rankByPopularity<T extends Engagement>(items: readonly T[], now: Date, limit: number, weights: PopularityWeights = DEFAULT_POPULARITY_WEIGHTS): T[] {
  // The best `limit` kept in order while walking the items once: a reader's /popular ranks
  // hundreds of candidates for five places, so nothing else is sorted or kept.
  const best: { item: T; score: number }[] = [];
  for (const item of items) {
    const score = popularityScore(item, now, weights);
    if (score <= 0) continue;
    // Items come in the given order, so an equal score and age never passes an earlier item.
    let place = best.length;
    while (place > 0 && ranksAbove(score, item, best[place - 1]!)) place--;
    if (place >= limit) continue;
    best.splice(place, 0, { item, score });
    if (best.length > limit) best.pop();
  }
  return best.map((entry) => entry.item);
}

/** Whether an item scoring `score` goes before `other`: a higher score, else a newer post. */
function ranksAbove(score: number, item: Engagement, other: { item: Engagement; score: number }): boolean {
  return score > other.score || (score === other.score && item.postedAt.getTime() > other.item.postedAt.getTime());
}
