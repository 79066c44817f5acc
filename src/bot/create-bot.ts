/**
 * The grammY bot: plugins, one error boundary, and the features. Thin glue only:
 * handlers parse input, call a use case or repository, and reply.
 */
import { sequentialize } from "@grammyjs/runner";
import { Bot, Composer, type BotError, type MiddlewareFn, type Transformer } from "grammy";
import type { UserFromGetMe } from "grammy/types";

import type { Translate } from "../i18n/translate.js";
import type { Logger } from "../logger.js";
import { databaseErrorReason } from "../ops/database-error-reason.js";
import type { BotContext } from "./context.js";
import { createEditorFeatures } from "./editor-features.js";
import type { EditorDeps } from "./features/editor/editor-context.js";
import type { ReaderDeps } from "./features/reader/reader-deps.js";
import { createReaderFeatures } from "./reader-features.js";
import { READER_COMMAND_NAMES } from "./reader-commands.js";
import { chatSeenOf, isAdminChat } from "../editorial/editor-refusal.js";
import { createRetryTransformer } from "./retry-transformer.js";
import { createUpdateTiming } from "./update-timing.js";
import type { Metrics } from "../ops/metrics.js";
import { describeError } from "../ops/describe-error.js";

export interface CreateBotOptions {
  token: string;
  apiRoot: string;
  /** Known bot info skips getMe at start (tests, and after the self-check fetched it). */
  botInfo?: UserFromGetMe;
  /** Installed on every Api the bot calls (inside conversations too), before the auto-retry: the send pacing. */
  apiTransformers?: Transformer[];
}

/** Builds the bot with every feature installed; starting it (polling or webhook) is the caller's job. */
export function createBot(
  options: CreateBotOptions,
  deps: {
    editors: EditorDeps;
    readers: ReaderDeps;
    logger: Logger;
    metrics: Pick<Metrics, "telegramErrors" | "updateDuration">;
    /** `ctx.t` for every handler, in the language the negotiator picks. */
    i18n: MiddlewareFn<BotContext>;
    /** The apology's language when an update failed before `ctx.t` was set (English). */
    fallbackTranslate: Translate;
  },
): Bot<BotContext> {
  const { logger, metrics } = deps;
  const bot = new Bot<BotContext>(options.token, {
    client: { apiRoot: options.apiRoot, timeoutSeconds: 60 },
    ...(options.botInfo ? { botInfo: options.botInfo } : {}),
  });
  // The transformers (reachability, error metrics, pacing) see every attempt: auto-retry goes around them.
  const apiTransformers = options.apiTransformers ?? [];
  bot.api.config.use(...apiTransformers, createRetryTransformer());
  bot.use(createUpdateTiming(metrics));
  bot.use(deps.i18n);

  const handleError = async (error: BotError<BotContext>) => {
    const ctx = error.ctx;
    logger.error({ err: error.error, updateId: ctx.update.update_id, chatId: ctx.chat?.id }, "update handler failed");
    if (ctx.chat && ctx.chat.type !== "channel") {
      // A database that takes no writes (full disk, locked, read-only) is worth naming: it will not pass by itself.
      const database = databaseErrorReason(error.error);
      // ctx.t is missing when the failure came before the language was known.
      const t = typeof ctx.t === "function" ? ctx.t : deps.fallbackTranslate;
      await ctx
        .reply(database ? t("error-database", { reason: database }) : t("error-generic"))
        .catch((replyError: unknown) => logger.warn({ ...describeError(replyError) }, "could not apologise to the user"));
    }
  };
  // The one error boundary: whatever fails below is logged and answered politely,
  // in polling and webhook mode alike, and the process stays up.
  const features = bot.errorBoundary(handleError);
  bot.catch(handleError);

  // Updates of one chat are handled in order; different chats in parallel.
  features.use(sequentialize((ctx) => ctx.chat?.id.toString()));
  const readerFeatures = createReaderFeatures(deps.readers);
  const readerCommandInPrivate = (ctx: BotContext): boolean =>
    ctx.chat?.type === "private" && !isAdminChat(chatSeenOf(ctx.chat), deps.editors.adminChat.get()) && isReaderCommand(ctx.message?.text, ctx.me.username);
  // A reader's command in a private chat concerns no editors' feature: it skips them (a third of its time went there).
  features.branch(readerCommandInPrivate, readerFeatures, new Composer<BotContext>(createEditorFeatures(deps.editors, apiTransformers), readerFeatures));
  return bot;
}

const READER_COMMAND_SET: ReadonlySet<string> = new Set(READER_COMMAND_NAMES);

/** "/latest", "/latest asia" or "/latest@newsdesk_bot": one of the readers' commands, addressed to this bot. */
function isReaderCommand(text: string | undefined, botUsername: string): boolean {
  const match = text === undefined ? null : /^\/([a-z_]+)(?:@(\w+))?(?:\s|$)/i.exec(text);
  if (!match?.[1]) return false;
  if (match[2] !== undefined && match[2].toLowerCase() !== botUsername.toLowerCase()) return false;
  return READER_COMMAND_SET.has(match[1].toLowerCase());
}
