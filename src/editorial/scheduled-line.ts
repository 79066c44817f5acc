/** One line of /scheduled: "#12 Tue 1 Dec 07:00 · Headline · queued by Alice". Pure. */
import type { Translate } from "../i18n/translate.js";
import { escapeHtml } from "../publish/telegram-html.js";
import { readSendFailure } from "../publish/outbox-reason.js";
import { formatWhen } from "./format-when.js";
import { outboxReasonText } from "./outbox-reason-text.js";

export interface WaitingPost {
  id: number;
  origin: string;
  scheduledAt: Date | null;
  queuedByName: string | null;
  lastError: string | null;
  article: { headline: string };
}

/** HTML; every interpolated text is escaped. */
export function scheduledLine(t: Translate, post: WaitingPost, timezone: string, now: Date): string {
  const when = post.scheduledAt ? formatWhen(post.scheduledAt, timezone, now, t.language) : t("queue-line-next-slot");
  const who = post.origin === "editor" ? t("queue-line-queued-by-html", { name: escapeHtml(post.queuedByName ?? t("an-editor")) }) : t("queue-line-automatic");
  const failure = readSendFailure(post.lastError);
  const retry = failure ? ` ${t("queue-line-retrying-html", { error: escapeHtml(outboxReasonText(t, failure)) })}` : "";
  return `#${post.id} ${escapeHtml(when)} · ${escapeHtml(post.article.headline)} · ${who}${retry}`;
}
