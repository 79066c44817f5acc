import type { Translate } from "../i18n/translate.js";
import { formatWhen } from "./format-when.js";

/** A post whose send was interrupted: Telegram may or may not have it. */
export interface InterruptedPost {
  postId: number;
  headline: string;
  /** When the interrupted send began (null for posts from before this was recorded). */
  interruptedAt: Date | null;
  /** What interrupted it, for the watchdog's notice. */
  reason?: string | null;
}

/**
 * Warns that a post may already be in the channel, naming when its send was interrupted,
 * so an editor knows where to look before sending it again. Plain text. Pure.
 */
export function maybeInChannelText(t: Translate, post: InterruptedPost, now: Date, timezone: string): string {
  const why = post.reason ? `: ${post.reason}` : "";
  const texts = { id: post.postId, headline: post.headline, why };
  return post.interruptedAt
    ? t("post-maybe-in-channel-at", { ...texts, when: formatWhen(post.interruptedAt, timezone, now, t.language) })
    : t("post-maybe-in-channel", texts);
}
