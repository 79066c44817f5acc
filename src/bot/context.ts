import type { ConversationFlavor } from "@grammyjs/conversations";
import type { Context } from "grammy";

/** The context every handler sees. */
export type BotContext = ConversationFlavor<Context>;
