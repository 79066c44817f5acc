import { InlineKeyboard } from "grammy";

import { readerCallbackData } from "../../readers/reader-callback.js";

/** The /stop confirmation: forget me, or keep everything. */
export function stopKeyboard(): InlineKeyboard {
  return new InlineKeyboard()
    .text("Yes, forget me", readerCallbackData({ kind: "stop", confirm: true }))
    .text("Cancel", readerCallbackData({ kind: "stop", confirm: false }));
}
