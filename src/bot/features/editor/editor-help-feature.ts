/** /help in the admin chat: the editors' commands to editors, and who may use them to everyone else. */
import { Composer } from "grammy";

import { chatSeenOf, isAdminChat } from "../../../editorial/editor-refusal.js";
import { describeError } from "../../../ops/describe-error.js";
import type { BotContext } from "../../context.js";
import type { Translate } from "../../../i18n/translate.js";
import { editorCommands } from "../../editor-commands.js";
import type { EditorCheck } from "../../filters/editor-guard.js";
import { replyText, type EditorDeps } from "./editor-context.js";

/** What /help shows an editor in the admin chat: every editors' command with what it does. Plain text. */
export function editorHelpText(t: Translate): string {
  return [t("editor-help-intro"), "", ...editorCommands(t).map((c) => `/${c.command} — ${c.description}`)].join("\n");
}

/** /help in the admin chat (the readers' /help answers private chats). */
export function createEditorHelpFeature(deps: EditorDeps, check: EditorCheck): Composer<BotContext> {
  const feature = new Composer<BotContext>();
  feature
    .filter((ctx) => ctx.chat !== undefined && isAdminChat(chatSeenOf(ctx.chat), deps.adminChat.get()))
    .command("help", async (ctx) => {
      if (!ctx.from) return replyText(ctx, ctx.t("editor-help-not-an-editor"));
      let editor: boolean;
      try {
        editor = await check.isEditor(ctx.api, ctx.chat.id, ctx.from.id);
      } catch (error) {
        deps.logger.warn({ ...describeError(error), chatId: ctx.chat.id }, "could not read the admin chat's administrators");
        return replyText(ctx, ctx.t("editor-check-failed"));
      }
      await replyText(ctx, editor ? editorHelpText(ctx.t) : ctx.t("editor-help-not-an-editor"));
    });
  return feature;
}
