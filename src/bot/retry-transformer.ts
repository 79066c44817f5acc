import { autoRetry } from "@grammyjs/auto-retry";
import type { Transformer } from "grammy";

/**
 * Flood waits and Telegram 5xx are retried, within bounds, so a handler never hangs for
 * minutes. Network errors are not: auto-retry would retry them without end, and a handler
 * (or a stop) waiting on an unreachable Telegram must fail and say so instead.
 */
export function createRetryTransformer(): Transformer {
  return autoRetry({ maxRetryAttempts: 3, maxDelaySeconds: 30, rethrowInternalServerErrors: false, rethrowHttpErrors: true });
}
