/** /edit and /delete of posts, with the delete confirmation buttons. */
import { Composer } from "grammy";

import { parseEditCommand } from "../../../editorial/parse-edit-command.js";
import { parsePostId } from "../../../editorial/parse-post-id.js";
import { escapeHtml } from "../../../publish/telegram-html.js";
import type { BotContext } from "../../context.js";
import { deleteConfirmKeyboard, parsePostCallback } from "../../keyboards/editor-post-keyboard.js";
import { actorOf, argsOf, replyHtml, replyText, type EditorDeps } from "./editor-context.js";
import { deleteRefusalText, editHtml } from "./post-outcome-text.js";

/** /edit <id> headline|summary <text>, and /delete <id> with its confirmation buttons. */
export function createCorrectionsFeature(deps: EditorDeps): Composer<BotContext> {
  const { posts } = deps.newsroom;
  const { timezone } = deps;
  const feature = new Composer<BotContext>();

  feature.command("edit", async (ctx) => {
    const parsed = parseEditCommand(ctx.t, argsOf(ctx));
    if (!parsed.ok) return replyText(ctx, parsed.error);
    await replyHtml(ctx, editHtml(ctx.t, await posts.edit({ postId: parsed.postId, field: parsed.field, text: parsed.text, actor: actorOf(ctx) })));
  });

  feature.command("delete", async (ctx) => {
    const id = parsePostId(ctx.t, argsOf(ctx), ctx.t("usage-delete"));
    if (!id.ok) return replyText(ctx, id.error);
    const check = await posts.checkDelete(id.id);
    if (check.kind !== "deletable") return replyText(ctx, deleteRefusalText(ctx.t, check, deps.now(), timezone) ?? "");
    await replyHtml(
      ctx,
      ctx.t("delete-confirm-html", { id: id.id, headline: escapeHtml(check.post.article.headline) }),
      deleteConfirmKeyboard(ctx.t, id.id),
    );
  });

  feature.callbackQuery(/^ed:(delete|keep):\d+$/, async (ctx) => {
    const parsed = parsePostCallback(ctx.callbackQuery.data);
    if (!parsed) return ctx.answerCallbackQuery();
    const { action, postId } = parsed;
    if (action === "keep") {
      await ctx.answerCallbackQuery({ text: ctx.t("delete-kept") });
      return ctx.editMessageText(escapeHtml(ctx.t("delete-stays", { id: postId })), { parse_mode: "HTML" }).then(() => undefined);
    }
    const outcome = await posts.delete({ postId, actor: actorOf(ctx) });
    if (outcome.kind !== "deleted") {
      await ctx.answerCallbackQuery({ text: deleteRefusalText(ctx.t, outcome, deps.now(), timezone) ?? "", show_alert: true });
      return;
    }
    await ctx.answerCallbackQuery({ text: ctx.t("delete-deleted") });
    await ctx.editMessageText(ctx.t("delete-done-html", { id: postId, headline: escapeHtml(outcome.post.article.headline) }), { parse_mode: "HTML" });
  });

  return feature;
}
