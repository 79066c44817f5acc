import { Composer } from "grammy";

import type { BotContext } from "../context.js";
import { READER_COMMANDS } from "../reader-commands.js";

/** The text of /help: every reader command with its description, and inline mode when the bot has a username. */
export function helpText(botUsername?: string): string {
  const lines = ["Here is what I can do:", "", ...READER_COMMANDS.map((c) => `/${c.command} — ${c.description}`)];
  if (botUsername) lines.push("", `In any chat, type @${botUsername} and some words to share a story.`);
  return lines.join("\n");
}

/** /help in private chats. */
export function createHelpFeature(): Composer<BotContext> {
  const feature = new Composer<BotContext>();
  feature.chatType("private").command("help", (ctx) => ctx.reply(helpText(ctx.me.username)));
  return feature;
}
