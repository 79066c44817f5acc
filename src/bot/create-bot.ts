/**
 * The grammY bot: plugins, one error boundary, and the features. Thin glue only:
 * handlers parse input, call a use case or repository, and reply.
 */
import { sequentialize } from "@grammyjs/runner";
import { Bot, type BotError, type Transformer } from "grammy";
import type { UserFromGetMe } from "grammy/types";

import type { Logger } from "../logger.js";
import type { BotContext } from "./context.js";
import { createEditorFeatures } from "./editor-features.js";
import type { EditorDeps } from "./features/editor/editor-context.js";
import type { ReaderDeps } from "./features/reader/reader-deps.js";
import { createReaderFeatures } from "./reader-features.js";
import { createRetryTransformer } from "./retry-transformer.js";

export interface CreateBotOptions {
  token: string;
  apiRoot: string;
  /** Known bot info skips getMe at start (tests, and after the self-check fetched it). */
  botInfo?: UserFromGetMe;
  /** Installed on every Api the bot calls (inside conversations too), before the auto-retry: the send pacing. */
  apiTransformers?: Transformer[];
}

/** Builds the bot with every feature installed; starting it (polling or webhook) is the caller's job. */
export function createBot(options: CreateBotOptions, deps: { editors: EditorDeps; readers: ReaderDeps; logger: Logger }): Bot<BotContext> {
  const { logger } = deps;
  const bot = new Bot<BotContext>(options.token, {
    client: { apiRoot: options.apiRoot, timeoutSeconds: 60 },
    ...(options.botInfo ? { botInfo: options.botInfo } : {}),
  });
  const apiTransformers = options.apiTransformers ?? [];
  bot.api.config.use(...apiTransformers, createRetryTransformer());

  const handleError = async (error: BotError<BotContext>) => {
    const ctx = error.ctx;
    logger.error({ err: error.error, updateId: ctx.update.update_id, chatId: ctx.chat?.id }, "update handler failed");
    if (ctx.chat && ctx.chat.type !== "channel") {
      await ctx
        .reply("Sorry, something went wrong on my side. Please try again in a moment.")
        .catch((replyError: unknown) => logger.warn({ err: replyError }, "could not apologise to the user"));
    }
  };
  // The one error boundary: whatever fails below is logged and answered politely,
  // in polling and webhook mode alike, and the process stays up.
  const features = bot.errorBoundary(handleError);
  bot.catch(handleError);

  // Updates of one chat are handled in order; different chats in parallel.
  features.use(sequentialize((ctx) => ctx.chat?.id.toString()));
  features.use(createEditorFeatures(deps.editors, apiTransformers));
  features.use(createReaderFeatures(deps.readers));
  return bot;
}
