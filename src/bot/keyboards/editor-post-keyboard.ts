/** The editors' buttons and their callback data ("ed:<action>:<post id>"). */
import type { Translate } from "../../i18n/translate.js";
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
export function breakingButton(postId: number, label = "🔴 Breaking") {
  return InlineKeyboard.text(label, postCallback("breaking", postId));
}

/** Under a preview: Post now · Schedule · Edit · Cancel · 🔴 Breaking. */
export function previewKeyboard(t: Translate, postId: number): InlineKeyboard {
  return new InlineKeyboard()
    .text(t("button-post-now"), postCallback("now", postId))
    .text(t("button-schedule"), postCallback("schedule", postId))
    .row()
    .text(t("button-edit"), postCallback("edit", postId))
    .text(t("button-cancel"), postCallback("cancel", postId))
    .row()
    .add(breakingButton(postId, t("button-breaking")));
}

/** Under /scheduled: one row per post. */
export function queueKeyboard(t: Translate, postIds: number[]): InlineKeyboard {
  return InlineKeyboard.from(
    postIds.map((id) => [
      InlineKeyboard.text(t("button-post-id-now", { id }), postCallback("now", id)),
      InlineKeyboard.text(t("button-cancel-id", { id }), postCallback("cancel", id)),
    ]),
  );
}

/** Asks before a post is taken down. */
export function deleteConfirmKeyboard(t: Translate, postId: number): InlineKeyboard {
  return new InlineKeyboard().text(t("button-delete-yes"), postCallback("delete", postId)).text(t("button-delete-keep"), postCallback("keep", postId));
}

/** Under a post that may already be in the channel: Send anyway · Mark as sent · Cancel. */
export function maybeInChannelKeyboard(postId: number, t: Translate): InlineKeyboard {
  return new InlineKeyboard()
    .text(t("button-send-anyway"), postCallback("resend", postId))
    .text(t("button-mark-sent"), postCallback("marksent", postId))
    .text(t("button-cancel"), postCallback("leave", postId));
}

/** Callback data of the compose conversation's confirmation. */
export const COMPOSE_POST = `${EDITOR_CALLBACK_PREFIX}compose:post`;
export const COMPOSE_DISCARD = `${EDITOR_CALLBACK_PREFIX}compose:discard`;

/** Under the /compose preview: Post it · Discard. */
export function composeConfirmKeyboard(t: Translate): InlineKeyboard {
  return new InlineKeyboard().text(t("button-post-it"), COMPOSE_POST).text(t("button-discard"), COMPOSE_DISCARD);
}
