/** The editors' card for a headline a feed changed after posting. Pure. */
import { escapeHtml } from "../publish/telegram-html.js";

/** The card editors get: which post, the headline it shows and the feed's new one (HTML). */
export function correctionCardText(input: { postId: number; oldHeadline: string; newHeadline: string }): string {
  return (
    `✏️ The feed changed the headline of post #${input.postId}.\n` +
    `Old: “${escapeHtml(input.oldHeadline)}”\n` +
    `New: “${escapeHtml(input.newHeadline)}”`
  );
}
