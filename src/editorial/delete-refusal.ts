/** Whether a channel post may still be taken down. Pure. */
import type { Translate } from "../i18n/translate.js";
import { formatWhen } from "./format-when.js";

/** Telegram lets bots delete their channel messages for 48 hours after sending. */
export const DELETE_WINDOW_MS = 48 * 60 * 60 * 1000;

/** True while Telegram still lets the bot delete a post sent at `sentAt`. */
export function withinDeleteWindow(sentAt: Date | null, now: Date): boolean {
  return sentAt !== null && now.getTime() - sentAt.getTime() < DELETE_WINDOW_MS;
}

/** Why post `id` sent at `sentAt` can no longer be deleted, or null while it can. */
export function deleteRefusal(t: Translate, id: number, sentAt: Date | null, now: Date, timezone: string): string | null {
  if (!sentAt) return t("delete-no-send-time", { id });
  if (now.getTime() - sentAt.getTime() >= DELETE_WINDOW_MS) return t("delete-too-old", { id, when: formatWhen(sentAt, timezone, now, t.language) });
  return null;
}
