/** /language: a reader picks the language the bot speaks with them (buttons), remembered across restarts. */
import { Composer, InlineKeyboard } from "grammy";

import { LANGUAGE_NAMES, LANGUAGES } from "../../../i18n/languages.js";
import { parseReaderCallback, readerCallbackData } from "../../../readers/reader-callback.js";
import type { BotContext } from "../../context.js";
import type { LanguageNegotiator } from "../../language-negotiator.js";
import { editInPlace, ensureReader, type ReaderDeps } from "./reader-deps.js";

function languageKeyboard(): InlineKeyboard {
  return InlineKeyboard.from([LANGUAGES.map((language) => InlineKeyboard.text(LANGUAGE_NAMES[language], readerCallbackData({ kind: "language", language })))]);
}

export function createLanguageFeature(deps: Pick<ReaderDeps, "subscribers"> & { languages: LanguageNegotiator }): Composer<BotContext> {
  const feature = new Composer<BotContext>();
  const privateChats = feature.chatType("private");

  privateChats.command("language", (ctx) => ctx.reply(ctx.t("language-choose"), { reply_markup: languageKeyboard() }));

  privateChats.callbackQuery(/^lang:/, async (ctx) => {
    const choice = parseReaderCallback(ctx.callbackQuery.data);
    if (choice?.kind !== "language") return ctx.answerCallbackQuery();
    await ensureReader(deps.subscribers, ctx);
    await deps.subscribers.chooseLanguage(ctx.from.id, choice.language);
    deps.languages.remember(ctx.from.id, choice.language);
    ctx.i18n.useLocale(choice.language);
    await ctx.answerCallbackQuery();
    await editInPlace(() => ctx.editMessageText(ctx.t("language-chosen")));
  });

  return feature;
}
