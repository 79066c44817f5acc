/** Editors' previews of channel posts: sent exactly as the channel gets them (method, picture, text, preview). */
import type { Api, Context } from "grammy";
import type { InlineKeyboardMarkup, Message, PhotoSize } from "grammy/types";

import type { ChatRef } from "../../../config.js";
import type { PostMessage } from "../../../publish/post-message.js";
import { isPictureRefused } from "../../../publish/send-failure-policy.js";

/**
 * Sends a post (or an editor's card of one) to `chatId` as the channel will see it, with the
 * editors' buttons under it. When Telegram refuses the picture, `withoutPicture` is sent
 * instead, as the outbox would send the post.
 */
export async function sendPost(
  api: Pick<Api, "sendMessage" | "sendPhoto">,
  chatId: ChatRef,
  message: PostMessage,
  keyboard?: InlineKeyboardMarkup,
  withoutPicture?: () => PostMessage,
): Promise<Message> {
  const markup = keyboard ? { reply_markup: keyboard } : {};
  if (message.media !== "photo") return api.sendMessage(chatId, message.text, { parse_mode: "HTML", link_preview_options: message.linkPreview, ...markup });
  try {
    return await api.sendPhoto(chatId, message.photo, { caption: message.caption, parse_mode: "HTML", ...markup });
  } catch (error) {
    if (!withoutPicture || !isPictureRefused(error)) throw error;
    return sendPost(api, chatId, withoutPicture(), keyboard);
  }
}

/** {@link sendPost} in reply to an editor, in their chat. */
export function replyWithPost(
  ctx: Context,
  message: PostMessage,
  keyboard?: InlineKeyboardMarkup,
  withoutPicture?: () => PostMessage,
): Promise<Message> {
  const chat = ctx.chat;
  if (!chat) throw new Error("a preview is a reply in a chat");
  return sendPost(ctx.api, chat.id, message, keyboard, withoutPicture);
}

/** The largest size of a photo Telegram sent (the last is the largest; the area decides if not). */
export function largestPhoto(sizes: readonly PhotoSize[]): PhotoSize | null {
  return sizes.reduce<PhotoSize | null>((best, size) => (!best || size.width * size.height >= best.width * best.height ? size : best), null);
}
