/**
 * Who may use the editors' commands and buttons: the administrators of the admin
 * chat (asked with getChatAdministrators, cached for a few minutes, and kept current
 * by the chat_member updates Telegram sends when someone is promoted or demoted) and
 * EDITOR_IDS, and only inside the admin chat. Everyone else gets a clear refusal and
 * nothing runs.
 */
import type { Api, MiddlewareFn } from "grammy";
import type { ChatMember } from "grammy/types";

import type { Logger } from "../../logger.js";
import { chatSeenOf, editorRefusal, isAdminChat, notAnEditorRefusal } from "../../editorial/editor-refusal.js";
import type { BotContext } from "../context.js";
import { describeError } from "../../ops/describe-error.js";

/** How long a chat's administrator list is trusted before asking Telegram again. */
const ADMINISTRATORS_TTL_MS = 5 * 60_000;

export interface EditorCheck {
  /** True when `userId` is an editor for the admin chat `chatId`. Throws when Telegram cannot be asked. */
  isEditor(api: Pick<Api, "getChatAdministrators">, chatId: number, userId: number): Promise<boolean>;
  /** Applies a member's new standing in `chatId` (from a chat_member update) to the cached administrators at once. */
  memberChanged(chatId: number, member: ChatMember): void;
}

/** Whether a member's standing makes them one of the chat's (human) administrators. */
function isHumanAdministrator(member: ChatMember): boolean {
  return (member.status === "creator" || member.status === "administrator") && !member.user.is_bot;
}

/**
 * The editor check with its per-chat administrator cache (EDITOR_IDS need no Telegram call).
 * Changes seen while Telegram is being asked are applied on top of its answer, which may
 * have been read before them.
 */
export function createEditorCheck(deps: { editorIds: number[]; now: () => Date; ttlMs?: number }): EditorCheck {
  const ttlMs = deps.ttlMs ?? ADMINISTRATORS_TTL_MS;
  const cache = new Map<number, { ids: Set<number>; until: number }>();
  const asking = new Map<number, { answer: Promise<Set<number>>; changes: Map<number, boolean> }>();

  /** The chat's administrators from Telegram; one question per chat at a time. */
  function askTelegram(api: Pick<Api, "getChatAdministrators">, chatId: number, now: number): Promise<Set<number>> {
    const pending = asking.get(chatId);
    if (pending) return pending.answer;
    const changes = new Map<number, boolean>();
    const answer = api
      .getChatAdministrators(chatId)
      .then((admins) => {
        const ids = new Set(admins.filter((a) => !a.user.is_bot).map((a) => a.user.id));
        for (const [userId, admin] of changes) {
          if (admin) ids.add(userId);
          else ids.delete(userId);
        }
        cache.set(chatId, { ids, until: now + ttlMs });
        return ids;
      })
      .finally(() => asking.delete(chatId));
    asking.set(chatId, { answer, changes });
    return answer;
  }

  return {
    async isEditor(api, chatId, userId) {
      if (deps.editorIds.includes(userId)) return true;
      const now = deps.now().getTime();
      const entry = cache.get(chatId);
      const ids = entry && entry.until > now ? entry.ids : await askTelegram(api, chatId, now);
      return ids.has(userId);
    },
    memberChanged(chatId, member) {
      const admin = isHumanAdministrator(member);
      asking.get(chatId)?.changes.set(member.user.id, admin);
      const ids = cache.get(chatId)?.ids;
      if (admin) ids?.add(member.user.id);
      else ids?.delete(member.user.id);
    },
  };
}

/** Callback data of every editors' button starts with this. */
export const EDITOR_CALLBACK_PREFIX = "ed:";

/**
 * The command a message starts with (without the slash), when it is addressed to this bot. Reads
 * messages the way grammY's command matching does (any bot_command entity at offset 0, channel
 * posts too), so no command can reach a handler without passing the guard.
 */
function commandOf(ctx: BotContext): string | null {
  const message = ctx.message ?? ctx.channelPost;
  const entity = message?.entities?.find((e) => e.type === "bot_command" && e.offset === 0);
  if (!message?.text || !entity) return null;
  const [name, bot] = message.text.slice(1, entity.length).split("@");
  if (bot && bot.toLowerCase() !== ctx.me.username.toLowerCase()) return null;
  return name?.toLowerCase() ?? null;
}

/**
 * Middleware that lets an editors' command or button through only for an editor
 * in the admin chat. Other updates pass on; a chat_member update of the admin chat
 * updates who is an editor first.
 */
export function createEditorGuard(deps: {
  check: EditorCheck;
  commands: string[];
  /** Readers' commands: one editors also have (/topics) is the readers' outside the admin chat. */
  readerCommands?: string[];
  adminChatId: () => number | string | null;
  logger: Logger;
}): MiddlewareFn<BotContext> {
  return async (ctx, next) => {
    // A promotion or demotion in the admin chat counts from now, not when the cache runs out.
    const change = ctx.chatMember;
    if (change && isAdminChat(chatSeenOf(change.chat), deps.adminChatId())) {
      deps.check.memberChanged(change.chat.id, change.new_chat_member);
    }
    const command = commandOf(ctx);
    const isButton = ctx.callbackQuery?.data?.startsWith(EDITOR_CALLBACK_PREFIX) ?? false;
    if ((command === null || !deps.commands.includes(command)) && !isButton) return next();
    const inAdminChat = ctx.chat !== undefined && isAdminChat(chatSeenOf(ctx.chat), deps.adminChatId());
    if (command !== null && !isButton && !inAdminChat && deps.readerCommands?.includes(command)) return next();

    const what = command ? `/${command}` : ctx.t("guard-these-buttons");
    const refuse = async (text: string) => {
      if (isButton) await ctx.answerCallbackQuery({ text, show_alert: true });
      else await ctx.reply(text);
    };
    const where = editorRefusal(ctx.t, what, ctx.chat ? chatSeenOf(ctx.chat) : null, deps.adminChatId());
    if (where.kind === "refuse") return refuse(isButton ? ctx.t("guard-buttons-admin-chat-only") : where.text);
    if (!ctx.from || !ctx.chat) return refuse(notAnEditorRefusal(ctx.t, what));
    let editor: boolean;
    try {
      editor = await deps.check.isEditor(ctx.api, ctx.chat.id, ctx.from.id);
    } catch (error) {
      deps.logger.warn({ ...describeError(error), chatId: ctx.chat.id }, "could not read the admin chat's administrators");
      return refuse(ctx.t("editor-check-failed"));
    }
    if (!editor) return refuse(notAnEditorRefusal(ctx.t, what));
    return next();
  };
}
