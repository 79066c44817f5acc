import { InlineKeyboard } from "grammy";

import type { Translate } from "../../i18n/translate.js";
import { readerCallbackData } from "../../readers/reader-callback.js";

/** The /stop confirmation: forget me, or keep everything. */
export function stopKeyboard(t: Translate): InlineKeyboard {
  return new InlineKeyboard()
    .text(t("stop-confirm"), readerCallbackData({ kind: "stop", confirm: true }))
    .text(t("stop-cancel"), readerCallbackData({ kind: "stop", confirm: false }));
}
