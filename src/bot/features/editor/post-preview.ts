/** Editors' previews of channel posts: sent exactly as the channel gets them (method, picture, text, preview). */
import type { Context } from "grammy";
import type { InlineKeyboardMarkup, Message, PhotoSize } from "grammy/types";

import type { PostMessage } from "../../../publish/post-message.js";
import { isPictureRefused } from "../../../publish/send-failure-policy.js";

/**
 * Replies with a post as the channel will see it, with the editors' buttons under it. When
 * Telegram refuses the picture, `withoutPicture` is shown instead, as the outbox would send it.
 */
export async function replyWithPost(
  ctx: Context,
  message: PostMessage,
  keyboard?: InlineKeyboardMarkup,
  withoutPicture?: () => PostMessage,
): Promise<Message> {
  const markup = keyboard ? { reply_markup: keyboard } : {};
  if (message.media !== "photo") return ctx.reply(message.text, { parse_mode: "HTML", link_preview_options: message.linkPreview, ...markup });
  try {
    return await ctx.replyWithPhoto(message.photo, { caption: message.caption, parse_mode: "HTML", ...markup });
  } catch (error) {
    if (!withoutPicture || !isPictureRefused(error)) throw error;
    return replyWithPost(ctx, withoutPicture(), keyboard);
  }
}

/** The largest size of a photo Telegram sent (the last is the largest; the area decides if not). */
export function largestPhoto(sizes: readonly PhotoSize[]): PhotoSize | null {
  return sizes.reduce<PhotoSize | null>((best, size) => (!best || size.width * size.height >= best.width * best.height ? size : best), null);
}
