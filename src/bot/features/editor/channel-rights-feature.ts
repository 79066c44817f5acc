/**
 * The bot's standing: losing or regaining the right to post in the channel
 * (my_chat_member), and the admin chat becoming a supergroup (migrate_to_chat_id).
 */
import { Composer } from "grammy";

import { chatSeenOf, isAdminChat } from "../../../editorial/editor-refusal.js";
import type { BotContext } from "../../context.js";
import { registerEditorCommands } from "../../editor-commands.js";
import { channelStanding } from "../../self-check.js";
import { actorOf, type EditorDeps } from "./editor-context.js";
import { describeError } from "../../../ops/describe-error.js";
import { postingForbiddenText } from "../../../publish/posting-forbidden.js";
import { escapeHtml } from "../../../publish/telegram-html.js";

/** Pauses posting when the bot loses its channel rights, resumes when they return; follows a migrated admin chat. */
export function createChannelRightsFeature(deps: EditorDeps): Composer<BotContext> {
  const { channelId, logger } = deps;
  const feature = new Composer<BotContext>();

  feature.on("my_chat_member", async (ctx, next) => {
    const chat = ctx.chat;
    if (channelId === null || !isAdminChat(chatSeenOf(chat), channelId)) return next();
    // Stored as a code with the posting state: /status, notices and /readyz word it each in their language.
    const problem = channelStanding(ctx.myChatMember.new_chat_member, channelId);
    const outcome = await deps.newsroom.posting.channelRightsChanged({ problem, actor: actorOf(ctx) });
    if (outcome.kind === "posting-paused") {
      logger.error({ chatId: chat.id, problem: postingForbiddenText(deps.translator("en"), outcome.problem) }, "the bot may no longer post in the channel: posting is paused");
    }
    if (outcome.kind === "posting-resumed") logger.info({ chatId: chat.id }, "the bot may post in the channel again: posting resumes");
  });

  feature.on("message:migrate_to_chat_id", async (ctx, next) => {
    const chat = ctx.chat;
    if (!isAdminChat(chatSeenOf(chat), deps.adminChat.get())) return next();
    const newId = ctx.message.migrate_to_chat_id;
    await deps.adminChat.set(newId);
    logger.info({ from: chat.id, to: newId }, "the admin chat became a supergroup; following it");
    await registerEditorCommands(ctx.api, newId, deps.translator).catch((error: unknown) =>
      logger.warn({ ...describeError(error) }, "setMyCommands for the migrated admin chat failed"),
    );
    await deps.admin.notify((t) => escapeHtml(t("notice-admin-chat-migrated")));
  });

  return feature;
}
