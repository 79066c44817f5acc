/**
 * What to do when a send to Telegram fails. Pure: it reads the error's shape
 * (grammY's GrammyError carries `error_code`, `description` and `parameters`;
 * its HttpError wraps the network error in `error`) without importing grammY.
 */

export type SendFailureAction =
  /**
   * Certainly not delivered: try again at `retryAt`. `floodWaitMs` is set when Telegram asked
   * the bot to wait (429): then nobody should send for that long, not only this message.
   */
  | { kind: "retry"; retryAt: Date; reason: string; floodWaitMs: number | null }
  /** Not delivered and never will be as it is (bad request): stop and tell the editors. */
  | { kind: "fail"; reason: string }
  /** The bot may not post to this chat (kicked, rights removed): pause and tell the editors. */
  | { kind: "forbidden"; reason: string }
  /** Unknown whether Telegram got it (the connection broke mid-call): never resend blindly. */
  | { kind: "uncertain"; reason: string };

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

/** Decides the fate of a post (or alert) whose send failed on attempt number `attempt`. */
export function decideSendFailure(error: unknown, attempt: number, now: Date): SendFailureAction {
  const err = error as { error_code?: unknown; description?: unknown; parameters?: { retry_after?: unknown }; message?: unknown };
  const description = typeof err.description === "string" ? err.description : String(err.message ?? error);
  if (typeof err.error_code === "number") {
    const code = err.error_code;
    if (code === 429) {
      const seconds = typeof err.parameters?.retry_after === "number" ? err.parameters.retry_after : 30;
      return { kind: "retry", retryAt: new Date(now.getTime() + seconds * 1000), reason: `flood wait: ${description}`, floodWaitMs: seconds * 1000 };
    }
    if (code === 403 || (code === 400 && /not enough rights|chat not found|CHAT_WRITE_FORBIDDEN|need administrator rights/i.test(description))) {
      return { kind: "forbidden", reason: description };
    }
    if (code >= 500) {
      if (attempt >= MAX_ATTEMPTS) return { kind: "fail", reason: `Telegram kept failing: ${description}` };
      return { kind: "retry", retryAt: new Date(now.getTime() + retryDelayMs(attempt)), reason: description, floodWaitMs: null };
    }
    return { kind: "fail", reason: description };
  }
  const code = findCode(error);
  if (code && NOT_SENT_CODES.has(code)) {
    if (attempt >= MAX_ATTEMPTS) return { kind: "fail", reason: `could not reach Telegram (${code})` };
    return { kind: "retry", retryAt: new Date(now.getTime() + retryDelayMs(attempt)), reason: `could not reach Telegram (${code})`, floodWaitMs: null };
  }
  return { kind: "uncertain", reason: `the connection to Telegram failed during the call (${code ?? description})` };
}
