/**
 * A fake Telegram Bot API at the HTTP level (through msw): it records every call
 * and answers like Telegram does. Tests assert on the exact payloads sent.
 */
import { delay, http, HttpResponse } from "msw";
import type { Message, UserFromGetMe } from "grammy/types";

import { server } from "./msw.js";

export const TEST_TOKEN = "123456789:AAtest_token_for_newsdesk_tests_0001";
export const TEST_API_ROOT = "https://telegram.test";
/** What getChat answers for the channel by default. */
export const TEST_CHANNEL_TITLE = "Newsdesk Daily";
export const TEST_CHANNEL_USERNAME = "newsdesk_daily";
export const BOT_INFO: UserFromGetMe = {
  id: 123456789,
  is_bot: true,
  first_name: "Newsdesk",
  username: "newsdesk_test_bot",
  can_join_groups: true,
  can_read_all_group_messages: false,
  supports_inline_queries: true,
  can_connect_to_business: false,
  has_main_web_app: false,
  has_topics_enabled: false,
  allows_users_to_create_topics: false,
} as UserFromGetMe;

export interface ApiCall {
  method: string;
  payload: Record<string, unknown>;
}

/** What a custom answer may return: a result, or a Telegram error. */
export type FakeAnswer = { result: unknown } | { error_code: number; description: string; parameters?: { retry_after?: number } };

export interface FakeTelegram {
  calls: ApiCall[];
  /** Calls of one method, in order. */
  callsTo(method: string): ApiCall[];
  /** Overrides how one method answers (until reset). */
  answer(method: string, handler: (payload: Record<string, unknown>) => FakeAnswer): void;
  reset(): void;
}

/** Installs the fake on the shared msw server; call in beforeEach (msw handlers reset after each test). */
export function installFakeTelegram(options: { apiRoot?: string; token?: string } = {}): FakeTelegram {
  const apiRoot = options.apiRoot ?? TEST_API_ROOT;
  const token = options.token ?? TEST_TOKEN;
  const calls: ApiCall[] = [];
  const overrides = new Map<string, (payload: Record<string, unknown>) => FakeAnswer>();
  let nextMessageId = 1000;

  const defaultAnswer = (method: string, payload: Record<string, unknown>): FakeAnswer => {
    const date = Math.floor(Date.now() / 1000);
    switch (method) {
      case "getMe":
        return { result: BOT_INFO };
      case "sendMessage":
      case "sendPhoto": {
        const content =
          method === "sendMessage"
            ? { text: payload.text }
            : { photo: [{ file_id: String(payload.photo), file_unique_id: "photo", width: 800, height: 600 }], ...(payload.caption ? { caption: payload.caption } : {}) };
        const chat = { id: typeof payload.chat_id === "number" ? payload.chat_id : -100, type: "channel" };
        return { result: { message_id: ++nextMessageId, date, chat, ...content } };
      }
      case "editMessageText":
      case "editMessageCaption":
      case "editMessageMedia":
      case "editMessageReplyMarkup":
        return { result: { message_id: payload.message_id ?? 1, date, chat: { id: payload.chat_id, type: "private" }, text: payload.text } };
      case "getChatMember":
        return { result: { status: "administrator", user: BOT_INFO, can_post_messages: true, can_be_edited: false } };
      case "getChat":
        // Every chat looks like the newsroom's public channel (what /start names and links to).
        return { result: { id: payload.chat_id, type: "channel", title: TEST_CHANNEL_TITLE, username: TEST_CHANNEL_USERNAME } };
      case "getChatAdministrators":
        return { result: [] };
      case "getUpdates":
        return { result: [] };
      default:
        return { result: true };
    }
  };

  server.use(
    http.post(`${apiRoot}/bot${token}/:method`, async ({ request, params }) => {
      const method = String(params.method);
      const text = await request.text();
      const payload = text ? (JSON.parse(text) as Record<string, unknown>) : {};
      calls.push({ method, payload });
      // Long polling: an empty getUpdates answer comes after a pause, as Telegram's does.
      if (method === "getUpdates" && !overrides.has(method)) await delay(200);
      const answer = (overrides.get(method) ?? ((p) => defaultAnswer(method, p)))(payload);
      if ("error_code" in answer) {
        return HttpResponse.json({ ok: false, ...answer }, { status: answer.error_code });
      }
      return HttpResponse.json({ ok: true, result: answer.result });
    }),
  );
  return {
    calls,
    callsTo: (method) => calls.filter((c) => c.method === method),
    answer: (method, handler) => overrides.set(method, handler),
    reset: () => {
      calls.length = 0;
      overrides.clear();
    },
  };
}

let updateId = 1;

/** A private-chat text message from a reader, as an Update. */
export function privateMessage(text: string, from: { id: number; first_name?: string; username?: string; language_code?: string } = { id: 42 }) {
  const entities = text.startsWith("/") ? [{ type: "bot_command" as const, offset: 0, length: text.split(" ")[0]!.length }] : undefined;
  return {
    update_id: updateId++,
    message: {
      message_id: updateId,
      date: Math.floor(Date.now() / 1000),
      chat: { id: from.id, type: "private" as const, first_name: from.first_name ?? "Reader" },
      from: {
        id: from.id,
        is_bot: false,
        first_name: from.first_name ?? "Reader",
        ...(from.username ? { username: from.username } : {}),
        ...(from.language_code ? { language_code: from.language_code } : {}),
      },
      text,
      ...(entities ? { entities } : {}),
    },
  };
}

/** A text message in a group chat (e.g. the admin chat), as an Update. */
export function groupMessage(text: string, chatId: number, from: { id: number; first_name?: string; username?: string; language_code?: string }) {
  const entities = text.startsWith("/") ? [{ type: "bot_command" as const, offset: 0, length: text.split(" ")[0]!.length }] : undefined;
  return {
    update_id: updateId++,
    message: {
      message_id: updateId,
      date: Math.floor(Date.now() / 1000),
      chat: { id: chatId, type: "supergroup" as const, title: "Editors" },
      from: {
        id: from.id,
        is_bot: false,
        first_name: from.first_name ?? "Editor",
        ...(from.username ? { username: from.username } : {}),
        ...(from.language_code ? { language_code: from.language_code } : {}),
      },
      text,
      ...(entities ? { entities } : {}),
    },
  };
}

/** A photo in a group chat (e.g. the admin chat), optionally in reply to an earlier message, as an Update. */
export function groupPhoto(fileId: string, chatId: number, from: { id: number; first_name?: string }, replyTo?: Record<string, unknown>) {
  const { update_id, message } = groupMessage("", chatId, from);
  return {
    update_id,
    message: {
      ...message,
      text: undefined,
      photo: [
        { file_id: `${fileId}-small`, file_unique_id: `${fileId}-s`, width: 90, height: 60 },
        { file_id: fileId, file_unique_id: `${fileId}-l`, width: 1280, height: 853 },
      ],
      // The message replied to, as Telegram includes it (the test gives its fields).
      ...(replyTo ? { reply_to_message: replyTo as unknown as Message & { reply_to_message: undefined } } : {}),
    },
  };
}
