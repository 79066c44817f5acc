/** The Resume button under the notice that a feed was paused ("ed:feed-resume:<feed id>"). */
import { InlineKeyboard } from "grammy";

import type { Translate } from "../../i18n/translate.js";
import { EDITOR_CALLBACK_PREFIX } from "../filters/editor-guard.js";

const RESUME_FEED = `${EDITOR_CALLBACK_PREFIX}feed-resume:`;

/** Matches the Resume button's callback data. */
export const RESUME_FEED_CALLBACK = /^ed:feed-resume:(\d{1,9})$/;

/** Under the paused-feed notice: Resume. */
export function resumeFeedKeyboard(feedId: number, t: Translate): InlineKeyboard {
  return new InlineKeyboard().text(t("notice-resume-button"), `${RESUME_FEED}${feedId}`);
}
