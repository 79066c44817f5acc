import { formatWhen } from "./format-when.js";

/** What an editor reads when a post is waiting: when it goes out. Pure. */
export function waitingText(postId: number, scheduledAt: Date | null, timezone: string, now: Date): string {
  return scheduledAt
    ? `Post #${postId}: scheduled for ${formatWhen(scheduledAt, timezone, now)}.`
    : `Post #${postId}: queued for the next slot (editors' posts go first).`;
}
