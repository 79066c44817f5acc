/** What every editors' feature needs: the services, the outbox, and small reply helpers. */
import type { Context } from "grammy";
import type { InlineKeyboardMarkup } from "grammy/types";

import type { OutboxDeps } from "../../../publish/outbox.js";
import { escapeHtml } from "../../../publish/telegram-html.js";
import type { Services } from "../../../services.js";
import type { AdminNotifier } from "../../admin-notifier.js";

export interface EditorServices {
  services: Services;
  admin: AdminNotifier;
  /** The outbox the publish job uses: "Post now" goes through its claim, so a post is never sent twice. */
  outbox: OutboxDeps;
}

/** Who did something, as the audit log and the queue record it. */
export interface Actor {
  id: number;
  name: string | null;
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

