import type { Translate } from "../i18n/translate.js";
import { formatWhen } from "./format-when.js";

/** What an editor reads when a post is waiting: when it goes out. Pure. */
export function waitingText(t: Translate, postId: number, scheduledAt: Date | null, timezone: string, now: Date): string {
  return scheduledAt
    ? t("waiting-scheduled-for", { id: postId, when: formatWhen(scheduledAt, timezone, now, t.language) })
    : t("waiting-next-slot", { id: postId });
}
