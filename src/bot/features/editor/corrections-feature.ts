/** /edit and /delete of posts, with the delete confirmation buttons. */
import { Composer } from "grammy";

import { parseChatRef } from "../../../config.js";
import { deleteRefusal } from "../../../editorial/delete-refusal.js";
import { parseEditCommand } from "../../../editorial/parse-edit-command.js";
import { parsePostId } from "../../../editorial/parse-post-id.js";
import { escapeHtml } from "../../../publish/telegram-html.js";
import type { BotContext } from "../../context.js";
import { deleteConfirmKeyboard, parsePostCallback } from "../../keyboards/editor-post-keyboard.js";
import { actorOf, argsOf, replyHtml, replyText, type EditorServices } from "./editor-context.js";
import { editPost } from "./edit-post.js";
import { errorReason } from "../../error-reason.js";

const DELETE_USAGE = "/delete <id>, e.g. /delete 12";

/** /edit <id> headline|summary <text>, and /delete <id> with its confirmation buttons. */
export function createCorrectionsFeature(deps: EditorServices): Composer<BotContext> {
  const { services } = deps;
  const timezone = services.config.timezone;
  const feature = new Composer<BotContext>();

  feature.command("edit", async (ctx) => {
    const parsed = parseEditCommand(argsOf(ctx));
    if (!parsed.ok) return replyText(ctx, parsed.error);
    await replyHtml(ctx, await editPost(services, ctx.api, { ...parsed, actor: actorOf(ctx) }));
  });

  /** Why post `id` cannot be deleted now, or null. */
  const refusal = async (id: number): Promise<string | null> => {
    const post = await services.posts.get(id);
    if (!post) return `There is no post #${id}.`;
    if (post.status === "deleted") return `Post #${id} is already deleted.`;
    if (post.status !== "sent") return `Post #${id} is not in the channel (it is ${post.status}); to stop a waiting post use /cancel ${id}.`;
    return deleteRefusal(id, post.sentAt, services.now(), timezone);
  };

  feature.command("delete", async (ctx) => {
    const id = parsePostId(argsOf(ctx), DELETE_USAGE);
    if (!id.ok) return replyText(ctx, id.error);
    const refused = await refusal(id.id);
    if (refused) return replyText(ctx, refused);
    const post = await services.posts.get(id.id);
    await replyHtml(
      ctx,
      `Delete post #${id.id} “${escapeHtml(post?.article.headline ?? "")}” from the channel? Readers will no longer see it.`,
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
    const refused = await refusal(postId);
    if (refused) {
      await ctx.answerCallbackQuery({ text: refused, show_alert: true });
      return;
    }
    const post = await services.posts.get(postId);
    if (!post?.chatId || post.telegramMessageId === null) {
      await ctx.answerCallbackQuery({ text: `Post #${postId} has no channel message recorded.`, show_alert: true });
      return;
    }
    try {
      await ctx.api.deleteMessage(parseChatRef(post.chatId), Number(post.telegramMessageId));
    } catch (error) {
      const reason = errorReason(error);
      const text = `Telegram refused to delete post #${postId}: ${reason}. Nothing was changed.`;
      await ctx.answerCallbackQuery({ text, show_alert: true });
      return;
    }
    await services.posts.markDeleted(postId);
    const actor = actorOf(ctx);
    await services.audit.record({
      actorId: actor.id,
      actorName: actor.name,
      action: "post.delete",
      subject: `post #${postId}`,
      before: { status: "sent", headline: post.article.headline, messageId: post.telegramMessageId },
      after: { status: "deleted" },
    });
    await ctx.answerCallbackQuery({ text: "Deleted." });
    await ctx.editMessageText(`Post #${postId} “${escapeHtml(post.article.headline)}” is deleted from the channel.`, { parse_mode: "HTML" });
  });

  return feature;
}
