/** What every editors' feature needs, and small reply helpers. */
import type { Context, StorageAdapter } from "grammy";
import type { InlineKeyboardMarkup } from "grammy/types";

import type { ChatRef } from "../../../config.js";
import type { Language } from "../../../i18n/languages.js";
import type { Translate } from "../../../i18n/translate.js";
import type { Logger } from "../../../logger.js";
import type { Actor } from "../../../newsroom/actor.js";
import type { Newsroom } from "../../../newsroom/newsroom.js";
import type { AdminNotifier } from "../../../ops/admin-notifier.js";
import { escapeHtml } from "../../../publish/telegram-html.js";

/** The editors' chat; Telegram may move it (a group upgraded to a supergroup). */
export interface AdminChat {
  get(): ChatRef | null;
  set(chatId: ChatRef): Promise<void>;
}

/** The editors' features' dependencies: the newsroom's actions and what the glue itself needs. */
export interface EditorDeps {
  newsroom: Newsroom;
  adminChat: AdminChat;
  /** Notices to the admin chat that are not replies to an editor. */
  admin: AdminNotifier;
  channelId: ChatRef | null;
  editorIds: number[];
  timezone: string;
  now: () => Date;
  logger: Logger;
  /** Storage that survives restarts (/compose keeps its conversations there). */
  sessionStorage<T>(prefix: string): StorageAdapter<T>;
  /** Texts in a given language (the editors' menu is registered in each); replies use `ctx.t`, in the editor's language. */
  translator: (language: Language) => Translate;
  /** The language of the admin chat's shared notices (ADMIN_LANGUAGE), kept when a button edits one. */
  adminLanguage: Language;
}

/** The user behind an update, with a readable name for the queue and the audit log. */
export function actorOf(ctx: Context): Actor {
  const from = ctx.from;
  if (!from) return { id: 0, name: null };
  const name = [from.first_name, from.last_name].filter(Boolean).join(" ") || (from.username ? `@${from.username}` : null);
  return { id: from.id, name };
}

/** Replies in HTML without link previews (lists of links would otherwise grow a card). */
export async function replyHtml(ctx: Context, html: string, keyboard?: InlineKeyboardMarkup): Promise<void> {
  await ctx.reply(html, { parse_mode: "HTML", link_preview_options: { is_disabled: true }, ...(keyboard ? { reply_markup: keyboard } : {}) });
}

/** Replies with plain text, escaped for HTML parse mode (errors quote what the editor typed). */
export function replyText(ctx: Context, text: string): Promise<void> {
  return replyHtml(ctx, escapeHtml(text));
}

/** The text after the command, or "" (commands in groups may carry "@bot"). */
export function argsOf(ctx: Context): string {
  return typeof ctx.match === "string" ? ctx.match.trim() : "";
}
