/**
 * Which waiting story goes out next when nobody chose: a documented score of how many
 * sites carry the story, how much the newsroom trusts its feed, and how fresh it is. Pure.
 *
 *     score = (1 + 0.5 × (sites − 1)) × (priority ÷ 3) × 0.5 ^ (age in hours ÷ 6)
 *
 * - sites: distinct sites (registrable domains) the story was seen on — its own link and the
 *   links of the same story from other feeds — counted up to 5: a story five newsrooms carry
 *   is big news, and more sites than that add nothing.
 * - priority: the feed's priority, 1 to 5 (`feeds add --priority`, default 3); a story from a
 *   priority-5 feed weighs 5/3 of one from a default feed.
 * - age: hours since the story was published (or first seen); its weight halves every 6 hours.
 *
 * Editors' choices never compete on score: breaking news, then posts editors queued or
 * approved, go before any automatic pick.
 */

/** More sites than this add nothing to the score. */
export const MAX_SCORED_SITES = 5;
/** A story's weight halves every this many hours. */
export const SCORE_HALF_LIFE_HOURS = 6;
export const DEFAULT_FEED_PRIORITY = 3;

export interface ScoredStory {
  /** Distinct sites carrying the story (at least 1: its own). */
  sites: number;
  /** The feed's priority, 1-5 (stories without a feed count as the default). */
  priority: number;
  /** When it was published, or first seen. */
  sortAt: Date;
}

/** The story's score at `now`; higher goes first. */
export function storyScore(story: ScoredStory, now: Date): number {
  const sites = Math.min(MAX_SCORED_SITES, Math.max(1, story.sites));
  const priority = Math.min(5, Math.max(1, story.priority));
  const ageHours = Math.max(0, (now.getTime() - story.sortAt.getTime()) / 3_600_000);
  return (1 + 0.5 * (sites - 1)) * (priority / DEFAULT_FEED_PRIORITY) * 0.5 ** (ageHours / SCORE_HALF_LIFE_HOURS);
}

/** The best of `stories` at `now` (ties go to the older story, then the lower id), or null. */
export function pickBestStory<T extends ScoredStory & { id: number }>(stories: readonly T[], now: Date): T | null {
  let best: { story: T; score: number } | null = null;
  for (const story of stories) {
    const score = storyScore(story, now);
    if (
      !best ||
      score > best.score ||
      (score === best.score && (story.sortAt < best.story.sortAt || (story.sortAt.getTime() === best.story.sortAt.getTime() && story.id < best.story.id)))
    ) {
      best = { story, score };
    }
  }
  return best?.story ?? null;
}
