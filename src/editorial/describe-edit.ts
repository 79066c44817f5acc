/** The before → after of an editor's correction, for the reply. Pure. */
import type { Translate } from "../i18n/translate.js";
import { cutText, escapeHtml } from "../publish/telegram-html.js";

const SHOWN_CHARS = 200;

/** HTML: `Headline: “old” → “new”`, long texts cut, everything escaped. */
export function describeEdit(t: Translate, field: "headline" | "summary", before: string, after: string): string {
  return t(`edit-change-${field}-html`, { before: escapeHtml(cutText(before, SHOWN_CHARS)), after: escapeHtml(cutText(after, SHOWN_CHARS)) });
}
