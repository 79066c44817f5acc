/**
 * A grammY API transformer that counts failed Bot API calls by Telegram's error code.
 * Install it before any retrying transformer (auto-retry), so it sits closest to the
 * network and sees every attempt: each 429 a retry swallows is counted too.
 */
import type { Transformer } from "grammy";

import type { Metrics, TelegramErrorCode } from "../ops/metrics.js";

const COUNTED_ONE_BY_ONE = new Set([400, 401, 403, 404, 409, 429]);

/** The metric label of a Telegram error code: the few that matter one by one, "5xx", or "other". */
export function telegramErrorLabel(errorCode: number): TelegramErrorCode {
  if (COUNTED_ONE_BY_ONE.has(errorCode)) return String(errorCode) as TelegramErrorCode;
  return errorCode >= 500 ? "5xx" : "other";
}

/** Counts every failed call (network failures as "network"; calls we aborted ourselves are not failures). */
export function createTelegramErrorMetrics(metrics: Pick<Metrics, "telegramErrors">): Transformer {
  return async (prev, method, payload, signal) => {
    try {
      const response = await prev(method, payload, signal);
      if (!response.ok) metrics.telegramErrors.inc(telegramErrorLabel(response.error_code));
      return response;
    } catch (error) {
      if (!signal?.aborted) metrics.telegramErrors.inc("network");
      throw error;
    }
  };
}
