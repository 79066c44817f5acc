/**
 * The start-up self-check: may the bot post in the channel, and can it read the
 * admin chat? Every problem is one log line saying what to fix, also told to the
 * admin chat when it can be reached. Never throws: a Telegram outage must not
 * stop the rest of Newsdesk from starting.
 */
import type { Api } from "grammy";
import type { ChatMember } from "grammy/types";

import type { ChatRef } from "../config.js";
import { escapeHtml } from "../publish/telegram-html.js";
import type { Logger } from "../logger.js";
import type { AdminNotifier } from "../ops/admin-notifier.js";
import { errorReason } from "../ops/error-reason.js";

export interface SelfCheckResult {
  problems: string[];
}

/** What is wrong with the bot's membership of the channel, or null when it may post. */
export function channelProblem(member: ChatMember, channel: ChatRef | string): string | null {
  if (member.status === "creator") return null;
  if (member.status !== "administrator") {
    return `the bot is not an administrator of the channel ${channel}: add it as an administrator with the right to post messages`;
  }
  if (!member.can_post_messages) {
    return `the bot is an administrator of the channel ${channel} but may not post: give it the "Post messages" right`;
  }
  return null;
}

/** What is wrong with the bot's membership of the admin chat, or null. */
export function adminChatProblem(member: ChatMember, chat: ChatRef | string): string | null {
  if (member.status === "left" || member.status === "kicked") {
    return `the bot is not a member of the admin chat ${chat}: add it (as an administrator, so it sees the editors' answers)`;
  }
  if (member.status === "member" || member.status === "restricted") {
    return `the bot is only a member of the admin chat ${chat}: make it an administrator so it sees the editors' plain-text answers`;
  }
  return null;
}

export async function runSelfCheck(deps: {
  api: Pick<Api, "getChatMember" | "getChat">;
  botId: number;
  channelId: ChatRef | null;
  adminChatId: ChatRef | null;
  admin: AdminNotifier;
  logger: Logger;
  timeoutMs?: number;
}): Promise<SelfCheckResult> {
  const problems: string[] = [];
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
  const check = async (chat: ChatRef, judge: (member: ChatMember, chat: string) => string | null, what: string) => {
    try {
      const member = await deps.api.getChatMember(chat, deps.botId, signal());
      // Telegram is asked for the chat's name only when there is something to say about it.
      const problem = judge(member, String(chat)) === null ? null : judge(member, await nameOf(chat));
      if (problem) problems.push(problem);
    } catch (error) {
      problems.push(`cannot check the ${what} ${chat} (${errorReason(error)}): check the id and that the bot was added to it`);
    }
  };
  if (deps.channelId !== null) await check(deps.channelId, channelProblem, "channel");
  if (deps.adminChatId !== null) await check(deps.adminChatId, adminChatProblem, "admin chat");
  else problems.push("ADMIN_CHAT_ID is not set: editors' commands and notices are off; set it to the editors' group id");
  for (const problem of problems) deps.logger.error(`self-check: ${problem}`);
  // The notice is HTML and a problem quotes Telegram's own words, which may hold "<" or "&".
  if (problems.length > 0) await deps.admin.notify((t) => [escapeHtml(t("notice-self-check-problems")), ...problems.map((p) => `• ${escapeHtml(p)}`)].join("\n"));
  else deps.logger.info("self-check: the bot may post in the channel and reads the admin chat");
  return { problems };
}
