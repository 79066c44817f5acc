/**
 * Why a feed's last fetch failed and why it was paused, as they are stored (the feed's
 * `lastError` and `pausedReason`) and read back: codes with their facts, worded when shown, in
 * the reader's language (src/editorial/fetch-failure-text.ts), stored with src/i18n/stored-reason.ts. Reasons stored as English
 * sentences by earlier versions, and failures that are neither the site's nor its feed's (a
 * database failure), are stored and shown as sentences. Pure.
 */
import { FetchError } from "../fetch/fetch-error.js";
import { fetchFailureOf, isFetchFailure, type FetchFailure } from "../fetch/fetch-failure.js";
import { FeedParseError } from "./feed-parse-error.js";
import { storedFields, storedText, type StoredText } from "../../i18n/stored-reason.js";

export type FeedFailure =
  /** The site did not answer, or answered an error. */
  | { code: "fetch-failed"; failure: FetchFailure }
  /** What it answered is not a feed the parser can read; `detail` is the parser's English words. */
  | { code: "unreadable"; detail: string }
  | StoredText;

export type FeedPause =
  /** The feed answered 410 Gone. */
  | { code: "gone" }
  /** `failures` failed fetches in a row, the last one for `last`. */
  | { code: "failing"; failures: number; last: FeedFailure }
  | StoredText;

/** Why a fetch failed, as a code when it is the site's or the feed's doing; null otherwise. */
export function feedFailureOfError(error: unknown): FeedFailure | null {
  if (error instanceof FetchError) return { code: "fetch-failed", failure: fetchFailureOf(error) };
  if (error instanceof FeedParseError) return { code: "unreadable", detail: error.message };
  return null;
}

function feedFailureOf(fields: Record<string, unknown> | null): FeedFailure | null {
  if (fields?.code === "fetch-failed" && isFetchFailure(storedFields(fields.failure))) return fields as unknown as FeedFailure;
  if (fields?.code === "unreadable" && typeof fields.detail === "string") return fields as unknown as FeedFailure;
  return null;
}

/** A stored `lastError` (or its object in an audit entry); null when there is none. */
export function readFeedFailure(stored: unknown): FeedFailure | null {
  return feedFailureOf(storedFields(stored)) ?? storedText(stored);
}

/** A stored `pausedReason` (or its object in an audit entry); null when there is none. */
export function readFeedPause(stored: unknown): FeedPause | null {
  const fields = storedFields(stored);
  if (fields?.code === "gone") return { code: "gone" };
  if (fields?.code === "failing" && typeof fields.failures === "number") {
    const last = feedFailureOf(storedFields(fields.last));
    if (last) return { code: "failing", failures: fields.failures, last };
  }
  return storedText(stored);
}
