/**
 * The editors' cards in Telegram: sent as their post would appear (a photo with its caption, or a
 * text with the post's link preview setting), with the card's buttons, and edited in place.
 */
import { GrammyError, type Api } from "grammy";

import { parseChatRef, type ChatRef } from "../../../config.js";
import type { Translate } from "../../../i18n/translate.js";
import type { Logger } from "../../../logger.js";
import type { CardRef, CardView, ReviewCards } from "../../../newsroom/review-actions.js";
import { describeError } from "../../../ops/describe-error.js";
import { cardMarkup } from "../../keyboards/review-keyboard.js";
import { sendPost } from "./post-preview.js";

type CardApi = Pick<Api, "sendMessage" | "sendPhoto" | "editMessageText" | "editMessageCaption">;

/** Telegram's answer to a caption edit of a message without one (a text card: a /review page, or one sent without its picture). */
function isTextMessage(error: unknown): boolean {
  return error instanceof GrammyError && /no caption in the message to edit/i.test(error.description);
}

/** Sends a card to `chatId` (buttons in `t`'s language); when Telegram refuses its picture, the card without it (a card is never lost). */
export function sendCard(api: CardApi, t: Translate, chatId: ChatRef, card: CardView) {
  return sendPost(api, chatId, card.message, cardMarkup(t, card.buttons, card.postId), () => card.withoutPicture);
}

/** Edits a card in place: a photo card's caption, else its text (with the post's link preview setting), and its buttons. */
export async function editCard(api: CardApi, t: Translate, at: CardRef, card: CardView): Promise<void> {
  const chatId = parseChatRef(at.chatId);
  const reply_markup = cardMarkup(t, card.buttons, card.postId);
  if (card.message.media === "photo") {
    try {
      await api.editMessageCaption(chatId, at.messageId, { caption: card.message.caption, parse_mode: "HTML", reply_markup });
      return;
    } catch (error) {
      if (!isTextMessage(error)) throw error;
    }
  }
  const text = card.message.media === "photo" ? card.withoutPicture : card.message;
  await api.editMessageText(chatId, at.messageId, text.text, { parse_mode: "HTML", link_preview_options: text.linkPreview, reply_markup });
}

/** The admin chat's cards, for the newsroom's review actions; `translate` writes their buttons (ADMIN_LANGUAGE: cards are the whole chat's). */
export function createReviewCards(deps: { api: CardApi; adminChatId: () => ChatRef | null; translate: Translate; logger: Logger }): ReviewCards {
  return {
    send: async (card) => {
      const chatId = deps.adminChatId();
      if (chatId === null) return null;
      try {
        const message = await sendCard(deps.api, deps.translate, chatId, card);
        return { chatId: String(chatId), messageId: message.message_id };
      } catch (error) {
        deps.logger.warn({ ...describeError(error), postId: card.postId }, "could not send a review card to the admin chat");
        return null;
      }
    },
    edit: (at, card) => editCard(deps.api, deps.translate, at, card),
  };
}
