import type { ConversationFlavor } from "@grammyjs/conversations";
import type { I18nFlavor } from "@grammyjs/i18n";
import type { Context } from "grammy";

/** The context every handler sees: conversations, and `ctx.t` in the update's language. */
export type BotContext = ConversationFlavor<Context & I18nFlavor>;
