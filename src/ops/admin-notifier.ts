/**
 * Messages to the editors' admin chat. Never throws and never waits long: a
 * Telegram outage must not block ingestion, publishing or the CLI.
 */
import type { Api } from "grammy";
import type { InlineKeyboardMarkup } from "grammy/types";

import type { ChatRef } from "../config.js";
import type { Translate } from "../i18n/translate.js";
import type { Logger } from "../logger.js";
import { describeError } from "./describe-error.js";

export interface AdminNotifier {
  /** Sends HTML (with buttons, if given) to the admin chat; false when there is none or it could not be reached in time. */
  notify(html: Notice, options?: { keyboard?: InlineKeyboardMarkup | ((t: Translate) => InlineKeyboardMarkup) }): Promise<boolean>;
}

/**
 * A notice's HTML, or how to write it from the locale files: a notice speaks to the whole
 * chat, not to one editor, so it is written in ADMIN_LANGUAGE.
 */
export type Notice = string | ((t: Translate) => string);

export function createAdminNotifier(deps: {
  api: Pick<Api, "sendMessage">;
  adminChatId: () => ChatRef | null;
  translate: Translate;
  logger: Logger;
  timeoutMs?: number;
}): AdminNotifier {
  const timeoutMs = deps.timeoutMs ?? 10_000;
  return {
    async notify(notice, options = {}) {
      const html = typeof notice === "string" ? notice : notice(deps.translate);
      const keyboard = typeof options.keyboard === "function" ? options.keyboard(deps.translate) : options.keyboard;
      const chatId = deps.adminChatId();
      if (chatId === null) {
        deps.logger.warn({ notice: html }, "no ADMIN_CHAT_ID set: this notice for the editors is only logged");
        return false;
      }
      try {
        // grammY types its signal with the abort-controller polyfill's type; the platform's is compatible.
        const signal = AbortSignal.timeout(timeoutMs) as unknown as Parameters<Api["sendMessage"]>[3];
        await deps.api.sendMessage(
          chatId,
          html,
          { parse_mode: "HTML", link_preview_options: { is_disabled: true }, ...(keyboard ? { reply_markup: keyboard } : {}) },
          signal,
        );
        return true;
      } catch (error) {
        deps.logger.warn({ ...describeError(error), notice: html }, "could not tell the admin chat");
        return false;
      }
    },
  };
}
