/**
 * Whether Telegram's Bot API answers, as seen by every API object the app creates: a grammY
 * transformer records each answer and each call that got none (network error, timeout, a
 * gateway's 5xx), so the health checks can say "Telegram has not answered for 3 minutes".
 */
import type { Transformer } from "grammy";

import type { TelegramState } from "./health/judge-problems.js";

export interface TelegramReachability {
  /** Install on every Api (`api.config.use(…)`), including those inside conversations. */
  transformer: Transformer;
  state(): TelegramState;
}

/**
 * The network code (ECONNREFUSED, ETIMEDOUT…) or message of a failed call, looking through its
 * causes. Messages that quote the request URL ("request to …/bot<token>/… failed, reason: …")
 * are cut to their reason: the URL carries the bot's token.
 */
function failureOf(error: unknown): string {
  const seen = new Set<unknown>();
  let current: unknown = error;
  let message: string | null = null;
  while (current && typeof current === "object" && !seen.has(current)) {
    seen.add(current);
    const { code, status, statusText, name } = current as { code?: unknown; status?: unknown; statusText?: unknown; name?: string };
    if (typeof code === "string" && /^E[A-Z_]+$|^UND_ERR/.test(code)) return code;
    if (typeof status === "number" && typeof statusText === "string") return `HTTP ${status} ${statusText}`;
    if (name === "AbortError" || name === "TimeoutError") return "no answer in time";
    if (name !== "HttpError" && current instanceof Error) message ??= withoutUrl(current.message);
    const next = current as { error?: unknown; cause?: unknown };
    current = next.error ?? next.cause;
  }
  return message ?? "the request failed";
}

function withoutUrl(message: string): string {
  const reason = /reason: (.+)$/s.exec(message)?.[1] ?? message;
  return reason.replace(/https?:\/\/\S+/g, "the Bot API").trim();
}

export interface ReachabilityChanges {
  /** The first call that got no answer after calls that did (or at start). */
  lost(reason: string): void;
  /** The first answer after calls that got none; `silentMs` is how long Telegram was silent. */
  regained(silentMs: number): void;
}

export function createTelegramReachability(deps: { now: () => Date; apiRoot: string; changes?: ReachabilityChanges }): TelegramReachability {
  const state: TelegramState = { lastOkAt: null, failingSince: null, reason: null };
  const answered = () => {
    const since = state.failingSince;
    state.lastOkAt = deps.now();
    state.failingSince = null;
    state.reason = null;
    if (since) deps.changes?.regained(deps.now().getTime() - since.getTime());
  };
  const failed = (what: string) => {
    const first = state.failingSince === null;
    state.failingSince ??= deps.now();
    state.reason = `${what} at ${deps.apiRoot}`;
    if (first) deps.changes?.lost(state.reason);
  };
  return {
    transformer: async (prev, method, payload, signal) => {
      let response;
      try {
        response = await prev(method, payload, signal);
      } catch (error) {
        // A call its caller cancelled (a stop ending the long poll) says nothing about Telegram.
        if (!signal?.aborted) failed(failureOf(error));
        throw error;
      }
      // An error from Telegram itself (400, 403, 429) is still an answer; a gateway's 5xx is not.
      if (!response.ok && response.error_code >= 500) failed(`HTTP ${response.error_code} ${response.description}`);
      else answered();
      return response;
    },
    state: () => ({ ...state }),
  };
}
