/** The daily digest: a reader's new posts as linked headlines. */
import type { Translate } from "../../i18n/translate.js";
import { cutText, escapeHtml, fitLines, TELEGRAM_TEXT_LIMIT, visibleLength } from "../telegram-html.js";

export interface DigestItem {
  headline: string;
  link: string;
}

/** At most this many headlines are listed; the rest are counted. */
export const DIGEST_MAX_ITEMS = 20;
const MAX_HEADLINE = 200;

/**
 * Formats a digest as Telegram HTML, in the reader's language (`t`): a title naming the day, one line per post
 * (newest first, as given) with the headline as a link, at most {@link DIGEST_MAX_ITEMS}
 * lines and never more than `limit` characters — cut at whole lines, saying how many
 * were left out — then the footer.
 */
export function formatDigest(t: Translate, input: { dateLabel: string; items: DigestItem[]; hour: number }, limit: number = TELEGRAM_TEXT_LIMIT): string {
  const title = `<b>${escapeHtml(t("digest-title", { date: input.dateLabel }))}</b>`;
  const footer = escapeHtml(t("digest-footer", { hour: `${String(input.hour).padStart(2, "0")}:00` }));
  const lines = input.items
    .slice(0, DIGEST_MAX_ITEMS)
    .map((item) => `• <a href="${escapeHtml(item.link)}">${escapeHtml(cutText(item.headline.trim(), MAX_HEADLINE))}</a>`);
  const beyond = input.items.length - lines.length;
  if (beyond > 0) lines.push(escapeHtml(t("digest-more", { count: beyond })));
  const room = limit - visibleLength(title) - visibleLength(footer) - 4;
  return [title, fitLines(lines, room), footer].join("\n\n");
}
