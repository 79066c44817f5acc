/** /stop: after a confirmation, unsubscribe from everything and forget the reader. */
import { Composer } from "grammy";

import type { BotContext } from "../../context.js";
import { stopKeyboard } from "../../keyboards/stop-keyboard.js";
import { editInPlace, type ReaderDeps } from "./reader-deps.js";

export function createStopFeature(deps: Pick<ReaderDeps, "subscribers" | "logger">): Composer<BotContext> {
  const feature = new Composer<BotContext>();
  const privateChats = feature.chatType("private");

  privateChats.command("stop", async (ctx) => {
    if (!(await deps.subscribers.get(ctx.from.id))) {
      await ctx.reply(ctx.t("stop-nothing"));
      return;
    }
    await ctx.reply(ctx.t("stop-question"), { reply_markup: stopKeyboard(ctx.t) });
  });

  privateChats.callbackQuery("stop:confirm", async (ctx) => {
    const forgotten = await deps.subscribers.forget(ctx.from.id);
    if (forgotten) deps.logger.info({ readerId: ctx.from.id }, "reader asked to be forgotten");
    await ctx.answerCallbackQuery({ text: ctx.t("stop-done-short") });
    await editInPlace(() => ctx.editMessageText(ctx.t("stop-done")));
  });

  privateChats.callbackQuery("stop:cancel", async (ctx) => {
    await ctx.answerCallbackQuery({ text: ctx.t("stop-cancelled-short") });
    await editInPlace(() => ctx.editMessageText(ctx.t("stop-cancelled")));
  });

  return feature;
}
