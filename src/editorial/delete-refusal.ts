/** Whether a channel post may still be taken down. Pure. */
import { formatWhen } from "./format-when.js";

/** Telegram lets bots delete their channel messages for 48 hours after sending. */
export const DELETE_WINDOW_MS = 48 * 60 * 60 * 1000;

/** True while Telegram still lets the bot delete a post sent at `sentAt`. */
export function withinDeleteWindow(sentAt: Date | null, now: Date): boolean {
  return sentAt !== null && now.getTime() - sentAt.getTime() < DELETE_WINDOW_MS;
}

/** Why post `id` sent at `sentAt` can no longer be deleted, or null while it can. */
export function deleteRefusal(id: number, sentAt: Date | null, now: Date, timezone: string): string | null {
  if (!sentAt) return `Post #${id} has no send time recorded, so I cannot tell whether Telegram still lets me delete it.`;
  if (now.getTime() - sentAt.getTime() >= DELETE_WINDOW_MS) {
    return `Post #${id} went out on ${formatWhen(sentAt, timezone, now)}: Telegram lets bots delete messages only within 48 hours. Delete it by hand in the channel.`;
  }
  return null;
}
