/**
 * Why a story waits for an editor instead of being posted automatically, as it is stored (the
 * article's `holdReason`) and read back: a code with its facts, worded on the review card in
 * the chat's language. A reason an earlier version stored as an English sentence is shown as
 * it is. Pure.
 */
import { storedFields, storedText, type StoredText } from "../i18n/stored-reason.js";
import type { Translate } from "../i18n/translate.js";

export type HoldReason =
  /** The item's page answered an HTTP error `status` and the feed itself gave no text. */
  | { code: "dead-link"; status: number }
  | StoredText;

/** A stored reason; null when the story was not held. */
export function readHoldReason(stored: unknown): HoldReason | null {
  const fields = storedFields(stored);
  if (fields?.code === "dead-link" && typeof fields.status === "number") return { code: "dead-link", status: fields.status };
  return storedText(stored);
}

/** The reason as a clause, in `t`'s language. */
export function holdReasonText(t: Translate, reason: HoldReason): string {
  return reason.code === "dead-link" ? t("hold-dead-link", { status: reason.status }) : reason.text;
}
