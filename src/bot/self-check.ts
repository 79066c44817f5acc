/**
 * The start-up self-check: may the bot post in the channel, and can it read the
 * admin chat? Every problem is one log line saying what to fix, also told to the
 * admin chat when it can be reached. Never throws: a Telegram outage must not
 * stop the rest of Newsdesk from starting.
 */
import type { Api } from "grammy";
import type { ChatMember } from "grammy/types";

import type { ChatRef } from "../config.js";
import type { Translate } from "../i18n/translate.js";
import { postingForbiddenText, type PostingForbidden } from "../publish/posting-forbidden.js";
import { escapeHtml } from "../publish/telegram-html.js";
import type { Logger } from "../logger.js";
import type { AdminNotifier } from "../ops/admin-notifier.js";
import { errorReason } from "../ops/error-reason.js";

/** The problems found, in English (the log's words). */
export interface SelfCheckResult {
  problems: string[];
}

/** What is wrong with the bot's membership of the channel in `t`'s language, or null when it may post. */
export function channelProblem(t: Translate, member: ChatMember, channel: ChatRef | string): string | null {
  const standing = channelStanding(member, channel);
  return standing ? postingForbiddenText(t, standing) : null;
}

/** Why the bot's membership of the channel keeps it from posting, as a code to store; null when it may post. */
export function channelStanding(member: ChatMember, channel: ChatRef | string): PostingForbidden | null {
  if (member.status === "creator") return null;
  if (member.status !== "administrator") return { code: "not-admin", channel: String(channel) };
  if (!member.can_post_messages) return { code: "cannot-post", channel: String(channel) };
  return null;
}

/** What is wrong with the bot's membership of the admin chat in `t`'s language, or null. */
export function adminChatProblem(t: Translate, member: ChatMember, chat: ChatRef | string): string | null {
  if (member.status === "left" || member.status === "kicked") return t("self-check-admin-chat-not-member", { chat: String(chat) });
  if (member.status === "member" || member.status === "restricted") return t("self-check-admin-chat-only-member", { chat: String(chat) });
  return null;
}

export async function runSelfCheck(deps: {
  api: Pick<Api, "getChatMember" | "getChat">;
  botId: number;
  channelId: ChatRef | null;
  adminChatId: ChatRef | null;
  admin: AdminNotifier;
  logger: Logger;
  /** The log's words; the notice is written in ADMIN_LANGUAGE. */
  english: Translate;
  timeoutMs?: number;
}): Promise<SelfCheckResult> {
  // Each problem as a text of a language: the log's in English, the notice's in ADMIN_LANGUAGE.
  const problems: ((t: Translate) => string)[] = [];
  const signal = () => AbortSignal.timeout(deps.timeoutMs ?? 10_000) as unknown as Parameters<Api["getChatMember"]>[2];
  /** The chat as people know it: its title (or @username), asked of Telegram once; the id when it will not say. */
  const nameOf = async (chat: ChatRef): Promise<string> => {
    try {
      const info = await deps.api.getChat(chat, signal());
      if ("title" in info && info.title) return `“${info.title}”`;
      if ("username" in info && info.username) return `@${info.username}`;
    } catch {
      // The membership check below reports what is wrong with the chat.
    }
    return String(chat);
  };
  const check = async (chat: ChatRef, judge: typeof channelProblem, what: "channel" | "admin-chat") => {
    try {
      const member = await deps.api.getChatMember(chat, deps.botId, signal());
      // Telegram is asked for the chat's name only when there is something to say about it.
      if (judge(deps.english, member, String(chat)) === null) return;
      const name = await nameOf(chat);
      problems.push((t) => judge(t, member, name) ?? "");
    } catch (error) {
      const reason = errorReason(error);
      problems.push((t) => t(`self-check-cannot-check-${what}`, { chat: String(chat), reason }));
    }
  };
  if (deps.channelId !== null) await check(deps.channelId, channelProblem, "channel");
  if (deps.adminChatId !== null) await check(deps.adminChatId, adminChatProblem, "admin-chat");
  else problems.push((t) => t("self-check-no-admin-chat"));
  const inEnglish = problems.map((problem) => problem(deps.english));
  for (const problem of inEnglish) deps.logger.error(`self-check: ${problem}`);
  // The notice is HTML and a problem quotes Telegram's own words, which may hold "<" or "&".
  if (problems.length > 0) await deps.admin.notify((t) => [escapeHtml(t("notice-self-check-problems")), ...problems.map((p) => `• ${escapeHtml(p(t))}`)].join("\n"));
  else deps.logger.info("self-check: the bot may post in the channel and reads the admin chat");
  return { problems: inEnglish };
}
