/**
 * Why the bot may not post in the channel, as it is stored (the setting {@link OUTBOX_FORBIDDEN}
 * in src/publish/outbox.ts) and read back: a code with its facts, worded when shown, in the
 * reader's language. Reasons stored as English sentences by earlier versions are read as they
 * are. Pure.
 */
import { storedFields, storedText, storeReason, type StoredText } from "../i18n/stored-reason.js";
import type { Translate } from "../i18n/translate.js";

export type PostingForbidden =
  /** Telegram says the bot is not an administrator of the channel. */
  | { code: "not-admin"; channel: string }
  /** An administrator without the "Post messages" right. */
  | { code: "cannot-post"; channel: string }
  /** Telegram refused a post as forbidden; `description` is Telegram's own words. */
  | { code: "telegram-refused"; description: string }
  | StoredText;

const CODES = new Set(["not-admin", "cannot-post", "telegram-refused"]);

/** The setting's value for a reason. */
export const storePostingForbidden: (reason: PostingForbidden) => string = storeReason;

/**
 * A stored reason: the setting's text, or the object an audit entry holds. Anything that is
 * not one of ours is an earlier version's sentence; null when there is no reason at all.
 */
export function readPostingForbidden(stored: unknown): PostingForbidden | null {
  const fields = storedFields(stored);
  if (fields && CODES.has(fields.code as string)) {
    const fact = fields.code === "telegram-refused" ? fields.description : fields.channel;
    if (typeof fact === "string") return fields as unknown as PostingForbidden;
  }
  return storedText(stored);
}

/** The reason as a clause, in `t`'s language. */
export function postingForbiddenText(t: Translate, reason: PostingForbidden): string {
  switch (reason.code) {
    case "not-admin":
      return t("self-check-channel-not-admin", { channel: reason.channel });
    case "cannot-post":
      return t("self-check-channel-cannot-post", { channel: reason.channel });
    case "telegram-refused":
      return t("telegram-refused-posting", { description: reason.description });
    case "stored-text":
      return reason.text;
  }
}
