/**
 * Every private message gets an answer: a command nobody handled gets a short help, and
 * plain words are taken as a search. Installed after every other feature, so a command,
 * a conversation or a button always comes first.
 */
import { Composer } from "grammy";

import type { BotContext } from "../../context.js";
import { answerSearch, type SearchDeps } from "./search.js";

export function createPlainWordsFeature(deps: SearchDeps): Composer<BotContext> {
  const feature = new Composer<BotContext>();
  const messages = feature.chatType("private").on("message:text");
  messages.on("::bot_command", async (ctx, next) => {
    const command = ctx.msg.entities?.find((entity) => entity.type === "bot_command" && entity.offset === 0);
    if (!command) return next();
    await ctx.reply(ctx.t("unknown-command", { command: ctx.msg.text.slice(0, command.length).split("@")[0] ?? "" }));
  });
  // A story shared with "@bot words" in this very chat arrives as a message via the bot: not a question.
  messages.filter((ctx) => ctx.msg.via_bot === undefined).use((ctx) => answerSearch(ctx, deps, ctx.msg.text));
  return feature;
}
