import { Composer } from "grammy";

import type { SubscribersRepository } from "../../db/subscribers.js";
import type { BotContext } from "../context.js";
import { helpText } from "./help.js";

/** /start in private chats: registers the reader and welcomes them. */
export function createStartFeature(deps: { subscribers: SubscribersRepository }): Composer<BotContext> {
  const feature = new Composer<BotContext>();
  feature.chatType("private").command("start", async (ctx) => {
    await deps.subscribers.register({
      telegramId: ctx.from.id,
      chatId: ctx.chat.id,
      username: ctx.from.username ?? null,
      firstName: ctx.from.first_name,
      languageCode: ctx.from.language_code ?? null,
    });
    await ctx.reply(`Welcome to ${ctx.me.first_name}! I bring you the newsroom's stories.\n\n${helpText()}`);
  });
  return feature;
}
