import { autoRetry } from "@grammyjs/auto-retry";
import type { Transformer } from "grammy";

/** Flood waits and Telegram 5xx are retried, within bounds, so a handler never hangs for minutes. */
export function createRetryTransformer(): Transformer {
  return autoRetry({ maxRetryAttempts: 3, maxDelaySeconds: 30, rethrowInternalServerErrors: false });
}
