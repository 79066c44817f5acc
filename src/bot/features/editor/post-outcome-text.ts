/** The editors' words for what happened to a post: the admin chat's rendering of post outcomes. Pure. */
import { deleteRefusal } from "../../../editorial/delete-refusal.js";
import { describeEdit } from "../../../editorial/describe-edit.js";
import { formatWhen } from "../../../editorial/format-when.js";
import { maybeInChannelText } from "../../../editorial/maybe-in-channel-text.js";
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
import { escapeHtml } from "../../../publish/telegram-html.js";

/** Why a story's post could not be placed, in plain text. */
export function placeRefusalText(refusal: PlaceRefusal): string {
  switch (refusal.kind) {
    case "already-sent":
      return `This story is already in the channel as post #${refusal.postId}.`;
    case "deleted":
      return `This story was posted as post #${refusal.postId} and deleted from the channel.`;
    case "sending":
      return `This story is being sent right now as post #${refusal.postId}.`;
    case "uncertain":
      return `This story may already be in the channel as post #${refusal.postId}. Check the channel, then use /postnow ${refusal.postId} to send it anyway or mark it as sent.`;
    case "changed-meanwhile":
      return `Post #${refusal.postId} of this story changed meanwhile; try again.`;
    case "queued-by-someone-else":
      return "Someone queued this story at the same moment; see /scheduled.";
    case "killed":
      return "This story was killed (/kill): it is never posted.";
  }
}

/** /queue's refusal in plain text (the queued case has its own preview). */
export function queueRefusalText(outcome: Exclude<QueueOutcome, { kind: "queued" | "same-story" }>): string {
  switch (outcome.kind) {
    case "invalid-url":
      return `“${outcome.input}” is not a web address: give the article's full link, e.g. https://example.com/story.`;
    case "fetch-failed":
      return `I could not fetch that page: ${outcome.reason}. Nothing was queued.`;
    case "unreadable":
      return `I could not read that page: ${outcome.reason}. Nothing was queued.`;
    case "no-article":
      return "I found no article on that page (no headline). Nothing was queued.";
    default:
      return placeRefusalText(outcome);
  }
}

/** What happened to a post an editor sent now, in plain text (`now` dates an interrupted send). */
export function postNowText(outcome: PostNowOutcome, timezone: string, now: Date): string {
  const id = outcome.postId;
  switch (outcome.kind) {
    case "sent":
      return `Post #${id} is in the channel now.`;
    case "not-found":
      return `There is no post #${id}.`;
    case "already-sent":
      return `Post #${id} is already in the channel (sent ${outcome.sentAt ? formatWhen(outcome.sentAt, timezone, now) : "earlier"}).`;
    case "deleted":
      return `Post #${id} was deleted from the channel; queue its link again with /queue to repost it.`;
    case "killed":
      return `Post #${id}'s story was killed (/kill): it is never posted.`;
    case "sending":
      return `Post #${id} is being sent right now.`;
    case "maybe-in-channel":
      return maybeInChannelText(outcome, now, timezone);
    case "failed":
      return `Post #${id} could not be sent: ${outcome.reason}.`;
    case "held":
      return `Post #${id} was not sent: ${outcome.reason}.`;
  }
}

/** What /breaking (or the Breaking button) did, in plain text. */
export function breakingText(outcome: BreakingOutcome, timezone: string, now: Date): string {
  switch (outcome.kind) {
    case "sent":
      return `🔴 Breaking: post #${outcome.postId} is in the channel now, with notification; readers following its topics are alerted at once.`;
    case "not-found":
      return `There is no post #${outcome.postId}. Use /breaking <link> or the id of a post from /scheduled.`;
    case "invalid-ref":
      return `“${outcome.input}” is neither a post id nor a web address. Use /breaking <link> or /breaking <post id>, e.g. /breaking 12.`;
    case "invalid-url":
    case "fetch-failed":
    case "unreadable":
    case "no-article":
      return queueRefusalText(outcome).replace("Nothing was queued.", "Nothing was posted.");
    case "queued-by-someone-else":
    case "changed-meanwhile":
      return placeRefusalText(outcome);
    default:
      return postNowText(outcome, timezone, now);
  }
}

/** What "Mark as sent" did, in plain text. */
export function markSentText(outcome: MarkSentOutcome): string {
  const id = outcome.postId;
  switch (outcome.kind) {
    case "marked-sent":
      return `Post #${id} is recorded as sent. I do not know its channel message, so /edit and /delete cannot reach it: correct or delete it in the channel itself.`;
    case "not-found":
      return `There is no post #${id}.`;
    case "not-uncertain":
      return outcome.status === "sent"
        ? `Post #${id} is already recorded as sent; nothing changed.`
        : `Post #${id} is ${outcome.status}, not waiting for a check of the channel; nothing changed.`;
  }
}

export function rescheduleText(outcome: RescheduleOutcome, timezone: string, now: Date): string {
  switch (outcome.kind) {
    case "rescheduled":
      return `Post #${outcome.postId} rescheduled: scheduled for ${formatWhen(outcome.when, timezone, now)}.`;
    case "not-found":
      return `There is no post #${outcome.postId}.`;
    case "not-waiting":
      return `Post #${outcome.postId} is not waiting to be sent (it is ${outcome.status}); nothing changed.`;
  }
}

export function cancelText(outcome: CancelOutcome): string {
  switch (outcome.kind) {
    case "cancelled":
      return `Post #${outcome.postId} is cancelled: it will not be posted.`;
    case "not-found":
      return `There is no post #${outcome.postId}.`;
    case "already-sent":
      return `Post #${outcome.postId} is already in the channel; to take it down use /delete ${outcome.postId}.`;
    case "not-waiting":
      return `Post #${outcome.postId} is not waiting to be sent (it is ${outcome.status}); nothing changed.`;
  }
}

/** The reply to /edit, as HTML. */
export function editHtml(outcome: EditOutcome): string {
  const id = outcome.postId;
  switch (outcome.kind) {
    case "edited": {
      const where = outcome.published ? "corrected in the channel" : "corrected before posting";
      return `Post #${id} ${where}. ${describeEdit(outcome.field, outcome.before, outcome.after)}`;
    }
    case "not-found":
      return escapeHtml(`There is no post #${id}.`);
    case "not-editable":
      return escapeHtml(`Post #${id} is ${outcome.status}: only waiting and published posts can be corrected.`);
    case "unchanged":
      return escapeHtml(`Post #${id} already has that ${outcome.field}; nothing changed.`);
    case "no-message":
      return escapeHtml(`Post #${id} was marked as sent by hand, so I have no record of its channel message: correct it in the channel itself.`);
    case "telegram-refused":
      return escapeHtml(`Telegram refused the edit of post #${id}: ${outcome.reason}. Nothing was changed.`);
  }
}

/** Why a post cannot be taken down, in plain text; null when it can. */
export function deleteRefusalText(check: DeleteCheck | DeleteOutcome, now: Date, timezone: string): string | null {
  const id = "postId" in check ? check.postId : check.post.id;
  switch (check.kind) {
    case "deletable":
    case "deleted":
      return null;
    case "not-found":
      return `There is no post #${id}.`;
    case "already-deleted":
      return `Post #${id} is already deleted.`;
    case "not-in-channel":
      return `Post #${id} is not in the channel (it is ${check.status}); to stop a waiting post use /cancel ${id}.`;
    case "outside-window":
      return deleteRefusal(id, check.sentAt, now, timezone);
    case "no-message":
      return `Post #${id} was marked as sent by hand, so I have no record of its channel message: delete it in the channel itself.`;
    case "telegram-refused":
      return `Telegram refused to delete post #${id}: ${check.reason}. Nothing was changed.`;
  }
}
