/** The before → after of an editor's correction, for the reply. Pure. */
import { cutText, escapeHtml } from "../publish/telegram-html.js";

const SHOWN_CHARS = 200;

/** HTML: `Headline: “old” → “new”`, long texts cut, everything escaped. */
export function describeEdit(field: "headline" | "summary", before: string, after: string): string {
  const label = field === "headline" ? "Headline" : "Summary";
  return `${label}: “${escapeHtml(cutText(before, SHOWN_CHARS))}” → “${escapeHtml(cutText(after, SHOWN_CHARS))}”`;
}
