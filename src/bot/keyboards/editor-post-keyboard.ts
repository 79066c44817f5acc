/** The editors' buttons and their callback data ("ed:<action>:<post id>"). */
import { InlineKeyboard } from "grammy";

import { EDITOR_CALLBACK_PREFIX } from "../filters/editor-guard.js";

const POST_ACTIONS = ["now", "breaking", "schedule", "edit", "cancel", "delete", "keep", "resend", "marksent", "leave"] as const;
export type PostAction = (typeof POST_ACTIONS)[number];

/** Callback data for an action on a post. */
function postCallback(action: PostAction, postId: number): string {
  return `${EDITOR_CALLBACK_PREFIX}${action}:${postId}`;
}

/** Reads callback data written by {@link postCallback}; null for anything else. */
export function parsePostCallback(data: string): { action: PostAction; postId: number } | null {
  const match = /^ed:([a-z]+):(\d{1,9})$/.exec(data);
  if (!match || !(POST_ACTIONS as readonly string[]).includes(match[1] ?? "")) return null;
  return { action: match[1] as PostAction, postId: Number(match[2]) };
}

/** The "🔴 Breaking" button: posts at once, ahead of the queue, with notification (review cards use it too). */
export function breakingButton(postId: number) {
  return InlineKeyboard.text("🔴 Breaking", postCallback("breaking", postId));
}

/** Under a preview: Post now · Schedule · Edit · Cancel · 🔴 Breaking. */
export function previewKeyboard(postId: number): InlineKeyboard {
  return new InlineKeyboard()
    .text("Post now", postCallback("now", postId))
    .text("Schedule", postCallback("schedule", postId))
    .row()
    .text("Edit", postCallback("edit", postId))
    .text("Cancel", postCallback("cancel", postId))
    .row()
    .add(breakingButton(postId));
}

/** Under /scheduled: one row per post. */
export function queueKeyboard(postIds: number[]): InlineKeyboard {
  return InlineKeyboard.from(
    postIds.map((id) => [InlineKeyboard.text(`Post #${id} now`, postCallback("now", id)), InlineKeyboard.text(`Cancel #${id}`, postCallback("cancel", id))]),
  );
}

/** Asks before a post is taken down. */
export function deleteConfirmKeyboard(postId: number): InlineKeyboard {
  return new InlineKeyboard().text("Yes, delete it", postCallback("delete", postId)).text("Keep it", postCallback("keep", postId));
}

/** Under a post that may already be in the channel: Send anyway · Mark as sent · Cancel. */
export function maybeInChannelKeyboard(postId: number): InlineKeyboard {
  return new InlineKeyboard()
    .text("Send anyway", postCallback("resend", postId))
    .text("Mark as sent", postCallback("marksent", postId))
    .text("Cancel", postCallback("leave", postId));
}

/** Callback data of the compose conversation's confirmation. */
export const COMPOSE_POST = `${EDITOR_CALLBACK_PREFIX}compose:post`;
export const COMPOSE_DISCARD = `${EDITOR_CALLBACK_PREFIX}compose:discard`;

/** Under the /compose preview: Post it · Discard. */
export function composeConfirmKeyboard(): InlineKeyboard {
  return new InlineKeyboard().text("Post it", COMPOSE_POST).text("Discard", COMPOSE_DISCARD);
}
