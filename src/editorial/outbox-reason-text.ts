/** Why the outbox did not send a post, in the reader's language; Telegram's own words quoted. Pure. */
import type { Translate } from "../i18n/translate.js";
import type { OutboxReason } from "../publish/outbox-reason.js";
import { autoPostingBlockText } from "./format-status.js";

/** The reason as a clause to fit into a sentence. */
export function outboxReasonText(t: Translate, reason: OutboxReason): string {
  switch (reason.code) {
    case "flood-wait":
      return t("outbox-flood-wait", { description: reason.description });
    case "forbidden":
    case "refused":
      return t("telegram-refused-posting", { description: reason.description });
    case "telegram-failed":
      return t(reason.final ? "outbox-telegram-kept-failing" : "outbox-telegram-failed", { description: reason.description });
    case "unreachable":
      return t("outbox-unreachable", { network: reason.network });
    case "connection-broke":
      return t("outbox-connection-broke", { detail: reason.detail });
    case "no-such-post":
    case "not-waiting":
      return t(`outbox-${reason.code}`, { id: reason.postId });
    case "auto-held":
      return autoPostingBlockText(t, reason.block);
    case "stored-text":
      return reason.text;
    default:
      return t(`outbox-${reason.code}`);
  }
}
