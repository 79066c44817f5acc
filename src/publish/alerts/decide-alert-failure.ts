/**
 * What to do with an alert whose send failed. Built on the outbox's
 * `decideSendFailure`, with two differences that fit a reader's private chat:
 * "forbidden" means the reader is gone (blocked the bot, deleted their account), and
 * an uncertain outcome is retried, because a rare duplicate alert is better than a lost one.
 */
import { sendFailureInEnglish } from "../outbox-reason.js";
import { decideSendFailure, retryDelayMs } from "../send-failure-policy.js";

export type AlertFailureAction =
  /** Try again at `retryAt`; `pauseMs` set when Telegram asked everyone to wait (429). */
  | { kind: "retry"; retryAt: Date; reason: string; pauseMs: number | null }
  /** The reader cannot be reached: mark them blocked and skip their alerts. */
  | { kind: "reader-gone"; reason: string }
  /** Give up on this alert. */
  | { kind: "fail"; reason: string };

/** Attempts after which an uncertain send is given up. */
export const ALERT_MAX_ATTEMPTS = 5;

/** Decides the fate of an alert whose send failed on attempt number `attempt`. */
export function decideAlertFailure(error: unknown, attempt: number, now: Date): AlertFailureAction {
  const action = decideSendFailure(error, attempt, now);
  // Alerts' reasons are for operators (the logs, the alert's row): English.
  const reason = sendFailureInEnglish(action.failure);
  switch (action.kind) {
    case "retry":
      return { kind: "retry", retryAt: action.retryAt, reason, pauseMs: action.floodWaitMs };
    case "forbidden":
      return { kind: "reader-gone", reason };
    case "uncertain":
      if (attempt >= ALERT_MAX_ATTEMPTS) return { kind: "fail", reason };
      return { kind: "retry", retryAt: new Date(now.getTime() + retryDelayMs(attempt)), reason, pauseMs: null };
    case "fail":
      return { kind: "fail", reason };
  }
}
