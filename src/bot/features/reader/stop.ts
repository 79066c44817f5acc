/** /stop: after a confirmation, unsubscribe from everything and forget the reader. */
import { Composer } from "grammy";

import type { BotContext } from "../../context.js";
import { stopKeyboard } from "../../keyboards/stop-keyboard.js";
import { editInPlace, type ReaderDeps } from "./reader-deps.js";

const STOP_QUESTION =
  "This unfollows every topic, stops all alerts and deletes what I store about you. Are you sure?";
const STOP_DONE_TEXT = "Done: you follow no topics and I have forgotten you. Send /start if you ever want to come back.";
const STOP_CANCELLED_TEXT = "Nothing changed: you keep your topics and alerts.";
const STOP_NOTHING_TEXT = "I don't store anything about you. Send /start to begin.";

export function createStopFeature(deps: Pick<ReaderDeps, "subscribers" | "logger">): Composer<BotContext> {
  const feature = new Composer<BotContext>();
  const privateChats = feature.chatType("private");

  privateChats.command("stop", async (ctx) => {
    if (!(await deps.subscribers.get(ctx.from.id))) {
      await ctx.reply(STOP_NOTHING_TEXT);
      return;
    }
    await ctx.reply(STOP_QUESTION, { reply_markup: stopKeyboard() });
  });

  privateChats.callbackQuery("stop:confirm", async (ctx) => {
    const forgotten = await deps.subscribers.forget(ctx.from.id);
    if (forgotten) deps.logger.info({ readerId: ctx.from.id }, "reader asked to be forgotten");
    await ctx.answerCallbackQuery({ text: "Forgotten" });
    await editInPlace(() => ctx.editMessageText(STOP_DONE_TEXT));
  });

  privateChats.callbackQuery("stop:cancel", async (ctx) => {
    await ctx.answerCallbackQuery({ text: "Cancelled" });
    await editInPlace(() => ctx.editMessageText(STOP_CANCELLED_TEXT));
  });

  return feature;
}
