/** The buttons under a headline-correction card and their callback data ("ed:corr:<apply|ignore>:<correction id>"). */
import { InlineKeyboard } from "grammy";

import type { Translate } from "../../i18n/translate.js";
import { EDITOR_CALLBACK_PREFIX } from "../filters/editor-guard.js";

export type CorrectionDecision = "apply" | "ignore";

/** Matches the card's callback data; the editor guard checks the presser first (its prefix is the editors'). */
export const CORRECTION_CALLBACK = /^ed:corr:(apply|ignore):(\d{1,9})$/;

/** Under a correction card: Apply to channel post · Ignore. */
export function correctionKeyboard(correctionId: number, t: Translate): InlineKeyboard {
  return new InlineKeyboard()
    .text(t("correction-button-apply"), `${EDITOR_CALLBACK_PREFIX}corr:apply:${correctionId}`)
    .text(t("correction-button-ignore"), `${EDITOR_CALLBACK_PREFIX}corr:ignore:${correctionId}`);
}

/** Reads callback data written by {@link correctionKeyboard}; null for anything else. */
export function parseCorrectionCallback(data: string): { decision: CorrectionDecision; correctionId: number } | null {
  const match = CORRECTION_CALLBACK.exec(data);
  return match ? { decision: match[1] as CorrectionDecision, correctionId: Number(match[2]) } : null;
}
