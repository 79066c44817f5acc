/** The editors' card for a headline a feed changed after posting. Pure. */
import type { Translate } from "../i18n/translate.js";
import { escapeHtml } from "../publish/telegram-html.js";

/** The card editors get: which post, the headline it shows and the feed's new one (HTML). */
export function correctionCardText(t: Translate, input: { postId: number; oldHeadline: string; newHeadline: string }): string {
  return t("correction-card-html", { id: input.postId, old: escapeHtml(input.oldHeadline), new: escapeHtml(input.newHeadline) });
}
