/**
 * Why the outbox did not send a post, as data: why a send failed (stored as the post's
 * `lastError`, and the digest's) and why nothing went out now. The bot words it in each
 * editor's language (src/editorial/outbox-reason-text.ts); logs, alerts and the CLI read
 * {@link sendFailureInEnglish}. A reason an earlier version stored as an English sentence is
 * read as it is. Pure.
 */
import { storedFields, storedText, type StoredText } from "../i18n/stored-reason.js";
import type { AutoPostingBlock } from "./posting-policy.js";

/** Why a send failed; `description` is always Telegram's own words. */
export type SendFailure =
  /** Telegram asked the bot to wait (429). */
  | { code: "flood-wait"; description: string }
  /** The bot may not post in this chat (kicked, rights removed). */
  | { code: "forbidden"; description: string }
  /** Telegram refused the message itself (a bad request): it will never go as it is. */
  | { code: "refused"; description: string }
  /** Telegram failed (5xx); `final` once the last attempt failed too. */
  | { code: "telegram-failed"; description: string; final: boolean }
  /** The request never reached Telegram; `network` is the error's code (ECONNREFUSED…). */
  | { code: "unreachable"; network: string }
  /** The connection broke during the call: Telegram may or may not have it. `detail`: the error's code or words. */
  | { code: "connection-broke"; detail: string }
  /** Telegram's flood wait held the send budget longer than this attempt could wait. */
  | { code: "budget-wait" }
  /** The sending process stopped before Telegram answered (its lease ran out). */
  | { code: "process-stopped" }
  | StoredText;

/** Why nothing was sent now, though nothing failed. */
export type OutboxWait =
  /** The bot may not post in the channel until its rights return. */
  | { code: "posting-forbidden" }
  | { code: "no-such-post"; postId: number }
  /** Another instance has the post, or it was sent meanwhile. */
  | { code: "not-waiting"; postId: number }
  | { code: "waiting-for-slot" }
  /** Automatic posts wait (a pause, quiet hours, the hourly cap). */
  | { code: "auto-held"; block: AutoPostingBlock }
  | { code: "nothing-new" }
  | { code: "taken-elsewhere" }
  /** An approved story waits for the next POST_SLOTS slot. */
  | { code: "queued-for-slot" }
  /** A front end that never posts (the CLI): the running bot does. */
  | { code: "no-channel" };

export type OutboxReason = SendFailure | OutboxWait;

const DESCRIBED = new Set(["flood-wait", "forbidden", "refused", "telegram-failed"]);
const PLAIN = new Set(["budget-wait", "process-stopped"]);

/** A stored `lastError`; null when there is none. */
export function readSendFailure(stored: unknown): SendFailure | null {
  const fields = storedFields(stored);
  const code = fields?.code as string;
  const known =
    (DESCRIBED.has(code) && typeof fields?.description === "string" && (code !== "telegram-failed" || typeof fields.final === "boolean")) ||
    (code === "unreachable" && typeof fields?.network === "string") ||
    (code === "connection-broke" && typeof fields?.detail === "string") ||
    PLAIN.has(code);
  return known ? (fields as unknown as SendFailure) : storedText(stored);
}

/** A failure in the operators' words (logs, alerts, the CLI): English, as earlier versions stored it. */
export function sendFailureInEnglish(failure: SendFailure): string {
  switch (failure.code) {
    case "flood-wait":
      return `flood wait: ${failure.description}`;
    case "forbidden":
    case "refused":
      return failure.description;
    case "telegram-failed":
      return failure.final ? `Telegram kept failing: ${failure.description}` : failure.description;
    case "unreachable":
      return `could not reach Telegram (${failure.network})`;
    case "connection-broke":
      return `the connection to Telegram failed during the call (${failure.detail})`;
    case "budget-wait":
      return "Telegram asked the bot to slow down and the wait outlasted this attempt; the post stays queued";
    case "process-stopped":
      return "the sending process stopped before Telegram answered";
    case "stored-text":
      return failure.text;
  }
}
