/** /help in the admin chat: the editors' commands to editors, and who may use them to everyone else. */
import { Composer } from "grammy";

import { chatSeenOf, isAdminChat } from "../../../editorial/editor-refusal.js";
import { describeError } from "../../../ops/describe-error.js";
import type { BotContext } from "../../context.js";
import { EDITOR_COMMANDS } from "../../editor-commands.js";
import type { EditorCheck } from "../../filters/editor-guard.js";
import { replyText, type EditorDeps } from "./editor-context.js";

/** What /help shows an editor in the admin chat: every editors' command with what it does. Plain text. */
export function editorHelpText(): string {
  return ["Editors' commands, in this chat:", "", ...EDITOR_COMMANDS.map((c) => `/${c.command} — ${c.description}`)].join("\n");
}

/** What /help tells someone in the admin chat who is not an editor. Plain text. */
export const NOT_AN_EDITOR_HELP =
  "The commands in this chat are for editors: the administrators of this chat and the people listed in EDITOR_IDS. " +
  "To read the news, message me privately and send /help there.";

/** /help in the admin chat (the readers' /help answers private chats). */
export function createEditorHelpFeature(deps: EditorDeps, check: EditorCheck): Composer<BotContext> {
  const feature = new Composer<BotContext>();
  feature
    .filter((ctx) => ctx.chat !== undefined && isAdminChat(chatSeenOf(ctx.chat), deps.adminChat.get()))
    .command("help", async (ctx) => {
      if (!ctx.from) return replyText(ctx, NOT_AN_EDITOR_HELP);
      let editor: boolean;
      try {
        editor = await check.isEditor(ctx.api, ctx.chat.id, ctx.from.id);
      } catch (error) {
        deps.logger.warn({ ...describeError(error), chatId: ctx.chat.id }, "could not read the admin chat's administrators");
        return replyText(ctx, "I could not check who the editors are (Telegram did not answer). Please try again in a moment.");
      }
      await replyText(ctx, editor ? editorHelpText() : NOT_AN_EDITOR_HELP);
    });
  return feature;
}
