import { InlineKeyboard } from "grammy";

import type { Translate } from "../../i18n/translate.js";
import { readerCallbackData } from "../../readers/reader-callback.js";

/** Buttons per row of the topics keyboard. */
const TOPICS_PER_ROW = 2;
/** Topics per page: Telegram refuses keyboards of more than about 100 buttons, and ingestion may create many topics. */
const TOPICS_PER_PAGE = 40;

/** How many pages the topics take (at least one). */
export function topicPageCount(topicCount: number): number {
  return Math.max(1, Math.ceil(topicCount / TOPICS_PER_PAGE));
}

/**
 * One page of the topics as buttons, the reader's own marked ✅; a tap toggles the
 * subscription. With more than one page, a last row moves between pages.
 */
export function topicsKeyboard(t: Translate, topics: readonly { id: number; name: string }[], followed: ReadonlySet<number>, page = 0): InlineKeyboard {
  const pages = topicPageCount(topics.length);
  const shown = Math.min(Math.max(0, page), pages - 1);
  const keyboard = new InlineKeyboard();
  topics.slice(shown * TOPICS_PER_PAGE, (shown + 1) * TOPICS_PER_PAGE).forEach((topic, index) => {
    if (index > 0 && index % TOPICS_PER_ROW === 0) keyboard.row();
    const label = followed.has(topic.id) ? `✅ ${topic.name}` : topic.name;
    keyboard.text(label, readerCallbackData({ kind: "toggle-topic", topicId: topic.id, page: shown }));
  });
  if (pages > 1) {
    keyboard.row();
    if (shown > 0) keyboard.text(t("topics-previous"), readerCallbackData({ kind: "topics-page", page: shown - 1 }));
    if (shown < pages - 1) keyboard.text(t("topics-next"), readerCallbackData({ kind: "topics-page", page: shown + 1 }));
  }
  return keyboard;
}
