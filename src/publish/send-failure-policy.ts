/**
 * What to do when a send to Telegram fails. Pure: it reads the error's shape
 * (grammY's GrammyError carries `error_code`, `description` and `parameters`;
 * its HttpError wraps the network error in `error`) without importing grammY.
 */
import type { SendFailure } from "./outbox-reason.js";

export type SendFailureAction =
  /**
   * Certainly not delivered: try again at `retryAt`. `floodWaitMs` is set when Telegram asked
   * the bot to wait (429): then nobody should send for that long, not only this message.
   */
  | { kind: "retry"; retryAt: Date; failure: SendFailure; floodWaitMs: number | null }
  /** Not delivered and never will be as it is (bad request): stop and tell the editors. */
  | { kind: "fail"; failure: SendFailure }
  /** The bot may not post to this chat (kicked, rights removed): pause and tell the editors. */
  | { kind: "forbidden"; failure: { code: "forbidden"; description: string } }
  /** Unknown whether Telegram got it (the connection broke mid-call): never resend blindly. */
  | { kind: "uncertain"; failure: SendFailure };

/** Network failures that happen before a request reaches Telegram: safe to retry. */
const NOT_SENT_CODES = new Set(["ECONNREFUSED", "ENOTFOUND", "EAI_AGAIN", "ENETUNREACH", "EHOSTUNREACH", "UND_ERR_CONNECT_TIMEOUT"]);

const MAX_ATTEMPTS = 5;

/** Back-off for retries Telegram did not time itself: 30 s, 1, 2, 4, 8 minutes. */
export function retryDelayMs(attempt: number): number {
  return 30_000 * 2 ** Math.max(0, Math.min(attempt - 1, 4));
}

function findCode(error: unknown): string | undefined {
  let current: unknown = error;
  for (let depth = 0; depth < 5 && current && typeof current === "object"; depth++) {
    const code = (current as { code?: unknown }).code;
    if (typeof code === "string") return code;
    const obj = current as { error?: unknown; cause?: unknown };
    current = obj.error ?? obj.cause;
  }
  return undefined;
}

/** Why a send failed, in a word: a small fixed set, so it can label a metric too. */
export const SEND_FAILURE_CAUSES = ["flood_wait", "forbidden", "bad_request", "server_error", "network", "uncertain"] as const;
export type SendFailureCause = (typeof SEND_FAILURE_CAUSES)[number];

interface TelegramErrorShape {
  error_code?: unknown;
  description?: unknown;
  parameters?: { retry_after?: unknown };
  message?: unknown;
}

function descriptionOf(error: unknown): string {
  const err = error as TelegramErrorShape;
  return typeof err.description === "string" ? err.description : String(err.message ?? error);
}

/**
 * Why a send failed: Telegram asked to wait (429), the bot may not post there, Telegram
 * refused the message, Telegram failed (5xx), the request never left (network), or the
 * connection broke mid-call so nobody knows whether it was delivered (uncertain).
 */
export function classifySendFailure(error: unknown): SendFailureCause {
  const err = error as TelegramErrorShape;
  if (typeof err.error_code === "number") {
    const code = err.error_code;
    if (code === 429) return "flood_wait";
    if (code === 403 || (code === 400 && /not enough rights|chat not found|CHAT_WRITE_FORBIDDEN|need administrator rights/i.test(descriptionOf(error)))) {
      return "forbidden";
    }
    return code >= 500 ? "server_error" : "bad_request";
  }
  const code = findCode(error);
  return code && NOT_SENT_CODES.has(code) ? "network" : "uncertain";
}

/** Decides the fate of a post (or alert) whose send failed on attempt number `attempt`. */
export function decideSendFailure(error: unknown, attempt: number, now: Date): SendFailureAction {
  const description = descriptionOf(error);
  const later = (failure: SendFailure): SendFailureAction => ({ kind: "retry", retryAt: new Date(now.getTime() + retryDelayMs(attempt)), failure, floodWaitMs: null });
  const last = attempt >= MAX_ATTEMPTS;
  switch (classifySendFailure(error)) {
    case "flood_wait": {
      const retryAfter = (error as TelegramErrorShape).parameters?.retry_after;
      const seconds = typeof retryAfter === "number" ? retryAfter : 30;
      return { kind: "retry", retryAt: new Date(now.getTime() + seconds * 1000), failure: { code: "flood-wait", description }, floodWaitMs: seconds * 1000 };
    }
    case "forbidden":
      return { kind: "forbidden", failure: { code: "forbidden", description } };
    case "server_error": {
      const failure: SendFailure = { code: "telegram-failed", description, final: last };
      return last ? { kind: "fail", failure } : later(failure);
    }
    case "bad_request":
      return { kind: "fail", failure: { code: "refused", description } };
    case "network": {
      const failure: SendFailure = { code: "unreachable", network: findCode(error) ?? "network" };
      return last ? { kind: "fail", failure } : later(failure);
    }
    case "uncertain":
      return { kind: "uncertain", failure: { code: "connection-broke", detail: findCode(error) ?? description } };
  }
}

/** What Telegram says when it cannot use a post's picture (a dead or wrong link, an unreadable or too large image). */
const PICTURE_REFUSED =
  /wrong file identifier|failed to get HTTP URL content|IMAGE_PROCESS_FAILED|PHOTO_|wrong type of the web page content|file is too big|too large|wrong remote file|WEBPAGE_MEDIA_EMPTY|MEDIA_EMPTY/i;

/**
 * Whether a failed sendPhoto was refused because of its picture: a 400, so certainly not sent,
 * and the same post can go out at once without it.
 */
export function isPictureRefused(error: unknown): boolean {
  const err = error as TelegramErrorShape;
  return err.error_code === 400 && PICTURE_REFUSED.test(descriptionOf(error));
}
