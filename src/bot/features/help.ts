import { Composer } from "grammy";

import type { Translate } from "../../i18n/translate.js";
import type { BotContext } from "../context.js";
import { readerCommands } from "../reader-commands.js";

/** The text of /help: every reader command with its description, inline mode when the bot has a username, and that plain words search. */
export function helpText(t: Translate, botUsername?: string): string {
  const lines = [t("help-intro"), "", ...readerCommands(t).map((c) => `/${c.command} — ${c.description}`), ""];
  if (botUsername) lines.push(t("help-inline", { bot: botUsername }));
  lines.push(t("help-plain-text"));
  return lines.join("\n");
}

/** /help in private chats. */
export function createHelpFeature(): Composer<BotContext> {
  const feature = new Composer<BotContext>();
  feature.chatType("private").command("help", (ctx) => ctx.reply(helpText(ctx.t, ctx.me.username)));
  return feature;
}
