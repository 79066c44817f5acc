/** The editors' words for what happened to a post: the admin chat's rendering of post outcomes. Pure. */
import { deleteRefusal } from "../../../editorial/delete-refusal.js";
import { describeEdit } from "../../../editorial/describe-edit.js";
import { fetchFailureText } from "../../../editorial/fetch-failure-text.js";
import { formatWhen } from "../../../editorial/format-when.js";
import { maybeInChannelText } from "../../../editorial/maybe-in-channel-text.js";
import { outboxReasonText } from "../../../editorial/outbox-reason-text.js";
import type {
  BreakingOutcome,
  CancelOutcome,
  DeleteCheck,
  DeleteOutcome,
  EditOutcome,
  MarkSentOutcome,
  PlaceRefusal,
  PostNowOutcome,
  QueueOutcome,
  RescheduleOutcome,
} from "../../../newsroom/post-actions.js";
import type { Translate } from "../../../i18n/translate.js";
import { escapeHtml } from "../../../publish/telegram-html.js";

/** A post's status inside a sentence ("it is scheduled"), in the editor's language. */
export function statusText(t: Translate, status: string): string {
  return t(`post-status-${status}`);
}

/** Why a story's post could not be placed, in plain text. */
export function placeRefusalText(t: Translate, refusal: PlaceRefusal): string {
  switch (refusal.kind) {
    case "already-sent":
      return t("place-already-sent", { id: refusal.postId });
    case "deleted":
      return t("place-deleted", { id: refusal.postId });
    case "sending":
      return t("place-sending", { id: refusal.postId });
    case "uncertain":
      return t("place-uncertain", { id: refusal.postId });
    case "changed-meanwhile":
      return t("place-changed-meanwhile", { id: refusal.postId });
    case "queued-by-someone-else":
      return t("place-queued-by-someone-else");
    case "killed":
      return t("place-killed");
  }
}

/** /queue's refusal in plain text (the queued case has its own preview). */
export function queueRefusalText(t: Translate, outcome: Exclude<QueueOutcome, { kind: "queued" | "same-story" }>): string {
  switch (outcome.kind) {
    case "invalid-url":
      return t("queue-invalid-url", { input: outcome.input });
    case "fetch-failed":
      return t("queue-fetch-failed", { reason: fetchFailureText(t, outcome.failure) });
    case "unreadable":
      return t("queue-unreadable");
    case "no-article":
      return t("queue-no-article");
    default:
      return placeRefusalText(t, outcome);
  }
}

/** What happened to a post an editor sent now, in plain text (`now` dates an interrupted send). */
export function postNowText(t: Translate, outcome: PostNowOutcome, timezone: string, now: Date): string {
  const id = outcome.postId;
  switch (outcome.kind) {
    case "sent":
      return t("post-sent", { id });
    case "not-found":
      return t("post-not-found", { id });
    case "already-sent":
      return outcome.sentAt ? t("post-already-sent", { id, when: formatWhen(outcome.sentAt, timezone, now, t.language) }) : t("post-already-sent-earlier", { id });
    case "deleted":
      return t("post-deleted", { id });
    case "killed":
      return t("post-killed", { id });
    case "sending":
      return t("post-sending-now", { id });
    case "maybe-in-channel":
      return maybeInChannelText(t, outcome, now, timezone);
    case "failed":
      return t("post-failed", { id, reason: outboxReasonText(t, outcome.reason) });
    case "held":
      return t("post-held", { id, reason: outboxReasonText(t, outcome.reason) });
  }
}

/** What /breaking (or the Breaking button) did, in plain text. */
export function breakingText(t: Translate, outcome: BreakingOutcome, timezone: string, now: Date): string {
  switch (outcome.kind) {
    case "sent":
      return t("breaking-sent", { id: outcome.postId });
    case "not-found":
      return t("breaking-not-found", { id: outcome.postId });
    case "invalid-ref":
      return t("breaking-invalid-ref", { input: outcome.input });
    case "invalid-url":
      return t("queue-invalid-url", { input: outcome.input });
    case "fetch-failed":
      return t("breaking-fetch-failed", { reason: fetchFailureText(t, outcome.failure) });
    case "unreadable":
      return t("breaking-unreadable");
    case "no-article":
      return t("breaking-no-article");
    case "queued-by-someone-else":
    case "changed-meanwhile":
      return placeRefusalText(t, outcome);
    default:
      return postNowText(t, outcome, timezone, now);
  }
}

/** What "Mark as sent" did, in plain text. */
export function markSentText(t: Translate, outcome: MarkSentOutcome): string {
  const id = outcome.postId;
  switch (outcome.kind) {
    case "marked-sent":
      return t("mark-sent-done", { id });
    case "not-found":
      return t("post-not-found", { id });
    case "not-uncertain":
      return outcome.status === "sent" ? t("mark-sent-already", { id }) : t("mark-sent-not-uncertain", { id, status: statusText(t, outcome.status) });
  }
}

export function rescheduleText(t: Translate, outcome: RescheduleOutcome, timezone: string, now: Date): string {
  switch (outcome.kind) {
    case "rescheduled":
      return t("reschedule-done", { id: outcome.postId, when: formatWhen(outcome.when, timezone, now, t.language) });
    case "not-found":
      return t("post-not-found", { id: outcome.postId });
    case "not-waiting":
      return t("post-not-waiting", { id: outcome.postId, status: statusText(t, outcome.status) });
  }
}

export function cancelText(t: Translate, outcome: CancelOutcome): string {
  switch (outcome.kind) {
    case "cancelled":
      return t("cancel-done", { id: outcome.postId });
    case "not-found":
      return t("post-not-found", { id: outcome.postId });
    case "already-sent":
      return t("cancel-already-sent", { id: outcome.postId });
    case "not-waiting":
      return t("post-not-waiting", { id: outcome.postId, status: statusText(t, outcome.status) });
  }
}

/** The reply to /edit, as HTML. */
export function editHtml(t: Translate, outcome: EditOutcome): string {
  const id = outcome.postId;
  switch (outcome.kind) {
    case "edited": {
      const change = describeEdit(t, outcome.field, outcome.before, outcome.after);
      return t(outcome.published ? "edit-done-channel-html" : "edit-done-before-html", { id, change });
    }
    case "not-found":
      return escapeHtml(t("post-not-found", { id }));
    case "not-editable":
      return escapeHtml(t("edit-not-editable", { id, status: statusText(t, outcome.status) }));
    case "unchanged":
      return escapeHtml(t(`edit-unchanged-${outcome.field}`, { id }));
    case "no-message":
      return escapeHtml(t("edit-no-message", { id }));
    case "telegram-refused":
      return escapeHtml(t("edit-refused", { id, reason: outcome.reason }));
  }
}

/** Why a post cannot be taken down, in plain text; null when it can. */
export function deleteRefusalText(t: Translate, check: DeleteCheck | DeleteOutcome, now: Date, timezone: string): string | null {
  const id = "postId" in check ? check.postId : check.post.id;
  switch (check.kind) {
    case "deletable":
    case "deleted":
      return null;
    case "not-found":
      return t("post-not-found", { id });
    case "already-deleted":
      return t("delete-already", { id });
    case "not-in-channel":
      return t("delete-not-in-channel", { id, status: statusText(t, check.status) });
    case "outside-window":
      return deleteRefusal(t, id, check.sentAt, now, timezone);
    case "no-message":
      return t("delete-no-message", { id });
    case "telegram-refused":
      return t("delete-refused", { id, reason: check.reason });
  }
}
