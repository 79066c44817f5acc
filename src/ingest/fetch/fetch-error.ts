/** Why an outbound fetch failed; callers branch on this, never on message text. */
export type FetchErrorCode =
  | "invalid_url"
  | "private_address"
  | "dns"
  | "timeout"
  | "too_large"
  | "too_many_redirects"
  | "http_status"
  | "network"
  /** Newsdesk is stopping (or the caller gave up): not the site's fault. */
  | "cancelled";

/** Extra facts attached to a {@link FetchError}. */
export interface FetchErrorDetails {
  status?: number;
  retryAfterMs?: number;
}

/**
 * The only error the fetcher throws. The message is safe to log and show to an
 * operator: it names the URL without credentials or query string.
 */
export class FetchError extends Error {
  override readonly name = "FetchError";
  readonly code: FetchErrorCode;
  readonly status?: number;
  readonly retryAfterMs?: number;
  /** The URL of the request that failed (after redirects, if any were followed). */
  readonly url: string;

  constructor(code: FetchErrorCode, url: string, message: string, details: FetchErrorDetails = {}) {
    super(message);
    this.code = code;
    this.url = url;
    if (details.status !== undefined) this.status = details.status;
    if (details.retryAfterMs !== undefined) this.retryAfterMs = details.retryAfterMs;
  }
}
