/**
 * The bot's standing: losing or regaining the right to post in the channel
 * (my_chat_member), and the admin chat becoming a supergroup (migrate_to_chat_id).
 */
import { Composer } from "grammy";

import { chatSeenOf, isAdminChat } from "../../../editorial/editor-refusal.js";
import { OUTBOX_FORBIDDEN } from "../../../publish/outbox.js";
import { escapeHtml } from "../../../publish/telegram-html.js";
import type { BotContext } from "../../context.js";
import { EDITOR_COMMANDS } from "../../editor-commands.js";
import { channelProblem } from "../../self-check.js";
import { actorOf, type EditorServices } from "./editor-context.js";

/** Pauses posting when the bot loses its channel rights, resumes when they return; follows a migrated admin chat. */
export function createChannelRightsFeature(deps: EditorServices): Composer<BotContext> {
  const { services, admin } = deps;
  const channelId = services.config.channelId;
  const feature = new Composer<BotContext>();

  feature.on("my_chat_member", async (ctx, next) => {
    const chat = ctx.chat;
    if (channelId === null || !isAdminChat(chatSeenOf(chat), channelId)) {
      return next();
    }
    const problem = channelProblem(ctx.myChatMember.new_chat_member, channelId);
    const forbidden = await services.settings.get(OUTBOX_FORBIDDEN);
    const actor = actorOf(ctx);
    const log = services.logger.child({ chatId: chat.id });
    if (problem) {
      if (forbidden) return;
      await services.settings.set(OUTBOX_FORBIDDEN, problem);
      await services.audit.record({ actorId: actor.id, actorName: actor.name, action: "channel.rights_lost", after: { problem } });
      log.error({ problem }, "the bot may no longer post in the channel: posting is paused");
      await admin.notify(`⛔ I can no longer post in the channel: ${escapeHtml(problem)}. Posting is paused until I see my rights return.`);
      return;
    }
    if (!forbidden) return;
    await services.settings.delete(OUTBOX_FORBIDDEN);
    await services.audit.record({ actorId: actor.id, actorName: actor.name, action: "channel.rights_back", before: { problem: forbidden } });
    log.info("the bot may post in the channel again: posting resumes");
    await admin.notify("✅ I may post in the channel again. Posting resumes.");
  });

  feature.on("message:migrate_to_chat_id", async (ctx, next) => {
    const chat = ctx.chat;
    if (!isAdminChat(chatSeenOf(chat), services.adminChat.get())) {
      return next();
    }
    const newId = ctx.message.migrate_to_chat_id;
    await services.adminChat.set(newId);
    services.logger.info({ from: chat.id, to: newId }, "the admin chat became a supergroup; following it");
    await ctx.api
      .setMyCommands(EDITOR_COMMANDS, { scope: { type: "chat", chat_id: newId } })
      .catch((error: unknown) => services.logger.warn({ err: error }, "setMyCommands for the migrated admin chat failed"));
    await admin.notify("This chat is now a supergroup. Editors' commands and notices work here as before.");
  });

  return feature;
}
