/** Reader buttons nobody handled (forged data, or from an older version): answered, never left spinning. */
import { Composer } from "grammy";

import { READER_CALLBACK_PATTERN } from "../../../readers/reader-callback.js";
import type { BotContext } from "../../context.js";

export function createStaleButtonsFeature(): Composer<BotContext> {
  const feature = new Composer<BotContext>();
  feature.callbackQuery(READER_CALLBACK_PATTERN, (ctx) => ctx.answerCallbackQuery({ text: ctx.t("button-stale") }));
  return feature;
}
