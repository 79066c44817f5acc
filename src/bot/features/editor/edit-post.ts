/**
 * Corrects a post's headline or summary. A published post is edited in the
 * channel first (editMessageText with the re-rendered HTML); only when Telegram
 * accepted it are the article and the audit log written.
 */
import type { Api } from "grammy";

import { parseChatRef } from "../../../config.js";
import { describeEdit } from "../../../editorial/describe-edit.js";
import type { EditField } from "../../../editorial/parse-edit-command.js";
import { renderPost } from "../../../publish/outbox.js";
import { escapeHtml } from "../../../publish/telegram-html.js";
import type { Services } from "../../../services.js";
import { errorReason } from "../../error-reason.js";
import type { Actor } from "./editor-context.js";

/** The reply, as HTML. */
export async function editPost(
  services: Services,
  api: Pick<Api, "editMessageText">,
  input: { postId: number; field: EditField; text: string; actor: Actor },
): Promise<string> {
  const post = await services.posts.get(input.postId);
  if (!post) return escapeHtml(`There is no post #${input.postId}.`);
  const published = post.status === "sent";
  if (!published && post.status !== "queued" && post.status !== "scheduled") {
    return escapeHtml(`Post #${post.id} is ${post.status}: only waiting and published posts can be corrected.`);
  }
  const before = post.article[input.field];
  if (before === input.text) return escapeHtml(`Post #${post.id} already has that ${input.field}; nothing changed.`);

  if (published) {
    if (!post.chatId || post.telegramMessageId === null) return escapeHtml(`Post #${post.id} has no channel message recorded; it cannot be edited.`);
    const html = renderPost({ ...post, article: { ...post.article, [input.field]: input.text } }, services.config.publicUrl);
    try {
      await api.editMessageText(parseChatRef(post.chatId), Number(post.telegramMessageId), html, { parse_mode: "HTML" });
    } catch (error) {
      const reason = errorReason(error);
      return escapeHtml(`Telegram refused the edit of post #${post.id}: ${reason}. Nothing was changed.`);
    }
  }
  await services.articles.update(post.article.id, { [input.field]: input.text });
  await services.audit.record({
    actorId: input.actor.id,
    actorName: input.actor.name,
    action: "post.edit",
    subject: `post #${post.id}`,
    before: { [input.field]: before },
    after: { [input.field]: input.text },
  });
  const where = published ? "corrected in the channel" : "corrected before posting";
  return `Post #${post.id} ${where}. ${describeEdit(input.field, before, input.text)}`;
}
