/** /edit and /delete of posts, with the delete confirmation buttons. */
import { Composer } from "grammy";

import { parseEditCommand } from "../../../editorial/parse-edit-command.js";
import { parsePostId } from "../../../editorial/parse-post-id.js";
import { escapeHtml } from "../../../publish/telegram-html.js";
import type { BotContext } from "../../context.js";
import { deleteConfirmKeyboard, parsePostCallback } from "../../keyboards/editor-post-keyboard.js";
import { actorOf, argsOf, replyHtml, replyText, type EditorDeps } from "./editor-context.js";
import { deleteRefusalText, editHtml } from "./post-outcome-text.js";

const DELETE_USAGE = "/delete <id>, e.g. /delete 12";

/** /edit <id> headline|summary <text>, and /delete <id> with its confirmation buttons. */
export function createCorrectionsFeature(deps: EditorDeps): Composer<BotContext> {
  const { posts } = deps.newsroom;
  const { timezone } = deps;
  const feature = new Composer<BotContext>();

  feature.command("edit", async (ctx) => {
    const parsed = parseEditCommand(argsOf(ctx));
    if (!parsed.ok) return replyText(ctx, parsed.error);
    await replyHtml(ctx, editHtml(await posts.edit({ postId: parsed.postId, field: parsed.field, text: parsed.text, actor: actorOf(ctx) })));
  });

  feature.command("delete", async (ctx) => {
    const id = parsePostId(argsOf(ctx), DELETE_USAGE);
    if (!id.ok) return replyText(ctx, id.error);
    const check = await posts.checkDelete(id.id);
    if (check.kind !== "deletable") return replyText(ctx, deleteRefusalText(check, deps.now(), timezone) ?? "");
    await replyHtml(
      ctx,
      `Delete post #${id.id} “${escapeHtml(check.post.article.headline)}” from the channel? Readers will no longer see it.`,
      deleteConfirmKeyboard(id.id),
    );
  });

  feature.callbackQuery(/^ed:(delete|keep):\d+$/, async (ctx) => {
    const parsed = parsePostCallback(ctx.callbackQuery.data);
    if (!parsed) return ctx.answerCallbackQuery();
    const { action, postId } = parsed;
    if (action === "keep") {
      await ctx.answerCallbackQuery({ text: "Kept." });
      return ctx.editMessageText(escapeHtml(`Post #${postId} stays in the channel.`), { parse_mode: "HTML" }).then(() => undefined);
    }
    const outcome = await posts.delete({ postId, actor: actorOf(ctx) });
    if (outcome.kind !== "deleted") {
      await ctx.answerCallbackQuery({ text: deleteRefusalText(outcome, deps.now(), timezone) ?? "", show_alert: true });
      return;
    }
    await ctx.answerCallbackQuery({ text: "Deleted." });
    await ctx.editMessageText(`Post #${postId} “${escapeHtml(outcome.post.article.headline)}” is deleted from the channel.`, { parse_mode: "HTML" });
  });

  return feature;
}
