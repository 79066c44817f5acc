/** Who may use an editors' command where, and the refusal everyone else reads. Pure. */
import type { Translate } from "../i18n/translate.js";

/** A chat as the decision needs it. */
export interface ChatSeen {
  id: number;
  type: string;
  username?: string | undefined;
}

/** The fields of a Telegram chat the decision reads (groups have no username). */
export function chatSeenOf(chat: { id: number; type: string; username?: string }): ChatSeen {
  return { id: chat.id, type: chat.type, username: chat.username };
}

/** True when `chat` is the chat configured (or migrated) as the admin chat, given as id or @username. */
export function isAdminChat(chat: ChatSeen, adminChatId: number | string | null): boolean {
  if (adminChatId === null) return false;
  if (typeof adminChatId === "number") return chat.id === adminChatId;
  return chat.username !== undefined && `@${chat.username}`.toLowerCase() === adminChatId.toLowerCase();
}

/**
 * Why an editors' command (or button) is refused here, or null when it may run.
 * `isEditor` is only asked in the admin chat: elsewhere nobody's rights are looked up.
 */
export function editorRefusal(
  t: Translate,
  what: string,
  chat: ChatSeen | null,
  adminChatId: number | string | null,
): { kind: "refuse"; text: string } | { kind: "check-editor" } {
  if (adminChatId === null) {
    return { kind: "refuse", text: t("guard-editors-off", { what }) };
  }
  if (!chat || !isAdminChat(chat, adminChatId)) {
    return { kind: "refuse", text: t("guard-admin-chat-only", { what }) };
  }
  return { kind: "check-editor" };
}

/** The refusal for someone in the admin chat who is not an editor. */
export function notAnEditorRefusal(t: Translate, what: string): string {
  return t("guard-not-an-editor", { what });
}
