import { Composer } from "grammy";

import type { BotContext } from "../context.js";
import { READER_COMMANDS } from "../reader-commands.js";

/** The text of /help: every reader command with its description. */
export function helpText(): string {
  return ["Here is what I can do:", "", ...READER_COMMANDS.map((c) => `/${c.command} — ${c.description}`)].join("\n");
}

/** /help in private chats. */
export function createHelpFeature(): Composer<BotContext> {
  const feature = new Composer<BotContext>();
  feature.chatType("private").command("help", (ctx) => ctx.reply(helpText()));
  return feature;
}
