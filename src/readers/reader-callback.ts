/**
 * Callback data of the readers' inline buttons: built and parsed here, so the
 * keyboards and the handlers cannot disagree. Telegram allows 64 bytes; topics go
 * by id because slugs may be up to 64 characters.
 */

import { isLanguage, type Language } from "../i18n/languages.js";
import { ALERT_MODES, type AlertMode } from "./alert-mode.js";

export type ReaderCallback =
  | { kind: "toggle-topic"; topicId: number; page: number }
  | { kind: "topics-page"; page: number }
  | { kind: "alert-mode"; mode: AlertMode }
  | { kind: "digest-hour"; hour: number }
  | { kind: "stop"; confirm: boolean }
  | { kind: "language"; language: Language };

/** The callback data of a button. */
export function readerCallbackData(callback: ReaderCallback): string {
  switch (callback.kind) {
    case "toggle-topic":
      // The page is left out on the first page, the one nearly every reader sees.
      return callback.page > 0 ? `topic:${callback.topicId}:${callback.page}` : `topic:${callback.topicId}`;
    case "topics-page":
      return `topics-page:${callback.page}`;
    case "alert-mode":
      return `alerts:${callback.mode}`;
    case "digest-hour":
      return `digest-hour:${callback.hour}`;
    case "stop":
      return callback.confirm ? "stop:confirm" : "stop:cancel";
    case "language":
      return `lang:${callback.language}`;
  }
}

/** Matches every callback data this module builds (for the bot's callbackQuery filters). */
export const READER_CALLBACK_PATTERN = /^(topic|topics-page|alerts|digest-hour|stop|lang):/;

/** Parses callback data; null for anything not built by {@link readerCallbackData} (old or forged buttons). */
export function parseReaderCallback(data: string): ReaderCallback | null {
  const [kind, value = "", ...rest] = data.split(":");
  if (rest.length > (kind === "topic" ? 1 : 0)) return null;
  switch (kind) {
    case "topic": {
      const page = rest[0] === undefined ? 0 : parsePage(rest[0]);
      return /^[1-9]\d{0,9}$/.test(value) && page !== null ? { kind: "toggle-topic", topicId: Number(value), page } : null;
    }
    case "topics-page": {
      const page = parsePage(value);
      return page === null ? null : { kind: "topics-page", page };
    }
    case "alerts":
      return (ALERT_MODES as readonly string[]).includes(value) ? { kind: "alert-mode", mode: value as AlertMode } : null;
    case "digest-hour": {
      const hour = parseDigestHour(value);
      return hour === null ? null : { kind: "digest-hour", hour };
    }
    case "stop":
      return value === "confirm" || value === "cancel" ? { kind: "stop", confirm: value === "confirm" } : null;
    case "lang":
      return isLanguage(value) ? { kind: "language", language: value } : null;
    default:
      return null;
  }
}

/** An hour of the day 0-23 written as digits ("7", "07"); null otherwise. */
export function parseDigestHour(text: string): number | null {
  if (!/^\d{1,2}$/.test(text)) return null;
  const hour = Number(text);
  return hour <= 23 ? hour : null;
}

function parsePage(text: string): number | null {
  return /^(0|[1-9]\d{0,3})$/.test(text) ? Number(text) : null;
}
