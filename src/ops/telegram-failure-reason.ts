/**
 * Why a Bot API call failed, in a few words for a log line: Telegram's own answer
 * ("429 Too Many Requests: retry after 5"), or the network's ("ECONNREFUSED"). Reads the
 * shapes of grammY's GrammyError (error_code, description) and HttpError (the fetch error
 * in `error`, its cause carrying the code) without importing grammY.
 */
export function telegramFailureReason(error: unknown): string {
  const answer = error as { error_code?: unknown; description?: unknown };
  if (typeof answer.error_code === "number") return `${answer.error_code} ${typeof answer.description === "string" ? answer.description : ""}`.trim();
  let current: unknown = error;
  for (let depth = 0; depth < 5 && current && typeof current === "object"; depth++) {
    const { code, error: inner, cause } = current as { code?: unknown; error?: unknown; cause?: unknown };
    if (typeof code === "string") return code;
    current = inner ?? cause;
  }
  if (current instanceof Error && current.name === "AbortError") return "timed out";
  return error instanceof Error ? error.message : String(error);
}
