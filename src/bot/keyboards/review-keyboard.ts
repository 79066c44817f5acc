/** The buttons of review cards and drafts, /review's paging, and the same-story question under /queue. */
import { InlineKeyboard } from "grammy";
import type { InlineKeyboardMarkup } from "grammy/types";

import type { Translate } from "../../i18n/translate.js";
import type { CardButtons } from "../../newsroom/review-actions.js";
import { EDITOR_CALLBACK_PREFIX } from "../filters/editor-guard.js";

const DECISIONS = { rpost: "post", rsched: "schedule", redit: "edit", rbreak: "breaking", rskip: "skip" } as const;
type DecisionCode = keyof typeof DECISIONS;
export type CardAction = (typeof DECISIONS)[DecisionCode];

/** Callback data of a card's button: "ed:rpost:12". */
function cardCallback(code: DecisionCode, postId: number): string {
  return `${EDITOR_CALLBACK_PREFIX}${code}:${postId}`;
}

/** Matches every card button's callback data. */
export const CARD_CALLBACK = /^ed:(rpost|rsched|redit|rbreak|rskip):(\d{1,9})$/;

/** Reads a card button's callback data; null for anything else. */
export function parseCardCallback(data: string): { action: CardAction; postId: number } | null {
  const match = CARD_CALLBACK.exec(data);
  if (!match) return null;
  return { action: DECISIONS[match[1] as DecisionCode], postId: Number(match[2]) };
}

/** A review card's ✅ Post · 🕒 Schedule · ✏️ Edit · 🔴 Breaking · 🗑 Skip (a draft's says Post now and Cancel). */
export function cardKeyboard(t: Translate, postId: number, kind: "review" | "draft"): InlineKeyboard {
  return new InlineKeyboard()
    .text(t(kind === "draft" ? "card-button-post-now" : "card-button-post"), cardCallback("rpost", postId))
    .text(t("card-button-schedule"), cardCallback("rsched", postId))
    .text(t("card-button-edit"), cardCallback("redit", postId))
    .row()
    .text(t("card-button-breaking"), cardCallback("rbreak", postId))
    .text(t(kind === "draft" ? "card-button-cancel" : "card-button-skip"), cardCallback("rskip", postId));
}

/** The markup a card carries: its buttons, or none (an empty keyboard removes them when editing). */
export function cardMarkup(t: Translate, buttons: CardButtons, postId: number): InlineKeyboardMarkup {
  return buttons ? cardKeyboard(t, postId, buttons) : { inline_keyboard: [] };
}

/** Callback data of /review's paging: "ed:rpage:<index>". */
export const REVIEW_PAGE_CALLBACK = /^ed:rpage:(\d{1,6})$/;

/** A /review page: the card's buttons, then ◀ Previous · Next ▶ where there is another page. */
export function reviewPageKeyboard(t: Translate, postId: number, index: number, total: number): InlineKeyboard {
  const keyboard = cardKeyboard(t, postId, "review");
  const nav: [string, number][] = [];
  if (index > 0) nav.push([t("review-button-previous"), index - 1]);
  if (index < total - 1) nav.push([t("review-button-next"), index + 1]);
  if (nav.length > 0) keyboard.row();
  for (const [label, to] of nav) keyboard.text(label, `${EDITOR_CALLBACK_PREFIX}rpage:${to}`);
  return keyboard;
}

/** Callback data of the same-story question: "ed:qany:<article id>:<unix seconds or 0>", "ed:qstop". */
export const QUEUE_ANYWAY_CALLBACK = /^ed:qany:(\d{1,9}):(\d{1,12})$/;
export const QUEUE_STOP = `${EDITOR_CALLBACK_PREFIX}qstop`;

/** Under the same-story warning: Queue anyway · Cancel (the time asked for travels in the button). */
export function sameStoryKeyboard(t: Translate, articleId: number, when: Date | null): InlineKeyboard {
  const at = when ? Math.floor(when.getTime() / 1000) : 0;
  return new InlineKeyboard().text(t("queue-button-anyway"), `${EDITOR_CALLBACK_PREFIX}qany:${articleId}:${at}`).text(t("queue-button-stop"), QUEUE_STOP);
}
