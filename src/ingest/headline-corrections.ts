/**
 * Headline changes: a feed item already stored comes back with another headline. The story keeps
 * the feed's latest headline (Article.feedHeadline); when its post is in the channel, editors get
 * a card (old → new) to apply the change to the post or ignore it. One card per change: the
 * feed headline is swapped atomically, so a later run (or another instance) sees no change.
 */
import type { Translate } from "../i18n/translate.js";
import type { InlineKeyboardMarkup } from "grammy/types";

import type { ArticlesRepository } from "../db/articles.js";
import type { PostCorrectionsRepository } from "../db/post-corrections.js";
import type { AdminNotifier } from "../ops/admin-notifier.js";
import { correctionCardText } from "../editorial/correction-card-text.js";

export interface HeadlineCorrectionDeps {
  articles: ArticlesRepository;
  corrections: PostCorrectionsRepository;
  admin: AdminNotifier;
  /** The buttons under a correction card (Apply to channel post · Ignore). */
  buttons: (correctionId: number, t: Translate) => InlineKeyboardMarkup;
}

/** A feed item whose URL was already stored, with the headline the feed gives it now. */
export interface SeenAgain {
  url: string;
  headline: string;
}

/** Records the headlines feeds now give known stories; offers each change of a posted story to the editors once. Returns how many cards were offered. */
export async function offerHeadlineCorrections(deps: HeadlineCorrectionDeps, seen: SeenAgain[]): Promise<number> {
  if (seen.length === 0) return 0;
  const stories = await deps.articles.knownFeedStories(seen.map((s) => s.url));
  const done = new Set<number>();
  let offered = 0;
  for (const { url, headline } of seen) {
    const story = stories.get(url);
    if (!story || done.has(story.id) || story.feedHeadline === headline) continue;
    done.add(story.id);
    if (!(await deps.articles.replaceFeedHeadline(story.id, story.feedHeadline, headline))) continue;
    // The first headline recorded for a story stored before feed headlines were kept is no change.
    if (story.feedHeadline === null || story.post?.status !== "sent" || headline === story.headline) continue;
    const correction = await deps.corrections.offer({ postId: story.post.id, oldHeadline: story.headline, newHeadline: headline });
    await deps.admin.notify((t) => correctionCardText(t, correction), { keyboard: (t) => deps.buttons(correction.id, t) });
    offered++;
  }
  return offered;
}
