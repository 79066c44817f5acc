/**
 * Editors' photos: a photo sent in reply to a post's preview in the admin chat becomes the
 * story's picture. The editor is answered and the preview refreshed to show the new post.
 */
import { Composer } from "grammy";
import type { InlineKeyboardMarkup, Message } from "grammy/types";

import { chatSeenOf, isAdminChat } from "../../../editorial/editor-refusal.js";
import { describeError } from "../../../ops/describe-error.js";
import type { BotContext } from "../../context.js";
import type { EditorCheck } from "../../filters/editor-guard.js";
import { parsePostCallback } from "../../keyboards/editor-post-keyboard.js";
import { actorOf, replyText, type EditorDeps } from "./editor-context.js";
import { largestPhoto, replyWithPost } from "./post-preview.js";

/** The post a preview shows: read from its editors' buttons (each names the post). */
export function previewedPostId(message: Pick<Message, "reply_markup"> | undefined): number | null {
  for (const row of message?.reply_markup?.inline_keyboard ?? []) {
    for (const button of row) {
      const parsed = "callback_data" in button && button.callback_data ? parsePostCallback(button.callback_data) : null;
      if (parsed) return parsed.postId;
    }
  }
  return null;
}

/** A photo in reply to a post preview, from an editor in the admin chat: the story's new picture. */
export function createPhotoFeature(deps: EditorDeps, check: EditorCheck): Composer<BotContext> {
  const { posts } = deps.newsroom;
  const feature = new Composer<BotContext>();

  feature.on("message:photo", async (ctx, next) => {
    const preview = ctx.message.reply_to_message;
    const postId = previewedPostId(preview);
    const photo = largestPhoto(ctx.message.photo);
    if (!preview || postId === null || !photo || !isAdminChat(chatSeenOf(ctx.chat), deps.adminChat.get())) return next();
    if (!(await check.isEditor(ctx.api, ctx.chat.id, ctx.from.id).catch(() => false))) return next();
    const outcome = await posts.setPhoto({ postId, photo: photo.file_id, actor: actorOf(ctx) });
    if (outcome.kind === "not-found") return replyText(ctx, ctx.t("photo-post-gone", { id: postId }));
    const message = posts.preview(outcome.post);
    const shown = message.media === "photo";
    await replyText(ctx, ctx.t(shown ? "photo-set" : "photo-set-not-shown", { id: postId }));
    const keyboard: InlineKeyboardMarkup | undefined = preview.reply_markup;
    try {
      if (message.media === "photo" && preview.photo) {
        // A photo preview changes in place; a text preview cannot become a photo, so a new one replaces it.
        await ctx.api.editMessageMedia(
          ctx.chat.id,
          preview.message_id,
          { type: "photo", media: message.photo, caption: message.caption, parse_mode: "HTML" },
          keyboard ? { reply_markup: keyboard } : {},
        );
      } else {
        await replyWithPost(ctx, message, keyboard);
        if (keyboard) await ctx.api.editMessageReplyMarkup(ctx.chat.id, preview.message_id);
      }
    } catch (error) {
      deps.logger.warn({ ...describeError(error), postId }, "could not refresh the post's preview after a new photo");
    }
  });

  return feature;
}
