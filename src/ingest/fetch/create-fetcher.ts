import { lookup as dnsLookup } from "node:dns/promises";
import { isIP } from "node:net";

import type { Dispatcher } from "undici";

import type { Metrics } from "../../ops/metrics.js";

import { createGuardedAgent } from "./create-guarded-agent.js";
import { createHostLimiter } from "./create-host-limiter.js";
import { decodeBody } from "./decode-body.js";
import { describeUrl } from "./describe-url.js";
import { FetchError } from "./fetch-error.js";
import { parseMaxAge } from "./parse-max-age.js";
import { parseRetryAfter } from "./parse-retry-after.js";
import type { PrivateAddressPolicy } from "./private-address-policy.js";
import { isUrlAllowedPrivate } from "./private-address-policy.js";
import { BodyTooLargeError, readBodyCapped } from "./read-body-capped.js";
import type { LookupAll } from "./resolve-public-address.js";
import { PrivateAddressRefusedError, findRefusedAddress } from "./resolve-public-address.js";

export { FetchError } from "./fetch-error.js";
export type { FetchErrorCode } from "./fetch-error.js";
export { parsePrivateAddressPolicy } from "./private-address-policy.js";
export type { PrivateAddressPolicy } from "./private-address-policy.js";

/** Limits and identity of the fetcher; main.ts builds these from config. */
export interface FetcherOptions {
  allowPrivate: PrivateAddressPolicy;
  userAgent: string;
  /** Time allowed to open a TCP/TLS connection; default 10 s. */
  connectTimeoutMs: number;
  /** Time allowed for one attempt, redirects and body included; default 30 s. */
  requestTimeoutMs: number;
  /** Cap on the decompressed feed body; default 5 MiB. */
  maxFeedBytes: number;
  /** Cap on the decompressed page body; default 5 MiB. */
  maxPageBytes: number;
  maxRedirects?: number;
  perHostConcurrency?: number;
  /** Longest Retry-After the fetcher waits out itself before retrying once; default 60 s. */
  maxRetryAfterMs?: number;
  /** Cap on an API's JSON answer to {@link Fetcher.postJson}; default 64 KiB. */
  maxJsonAnswerBytes?: number;
}

/** Outside effects, injectable so tests run without DNS, sockets or real waiting. */
export interface FetcherDeps {
  /** Aborted when Newsdesk stops: every request in flight is cancelled at once. */
  stopSignal?: AbortSignal;
  lookup?: LookupAll;
  fetch?: typeof globalThis.fetch;
  sleep?: (ms: number) => Promise<void>;
  /** Times each attempt by kind (feed or page); optional. */
  metrics?: Pick<Metrics, "fetchDuration">;
}

/** One GET of a feed or an article page; pass the stored validators for a conditional GET. */
export interface FetchRequest {
  url: string;
  kind: "feed" | "page";
  etag?: string | null;
  lastModified?: string | null;
  signal?: AbortSignal;
}

/** A 304 (nothing changed) or a 2xx with its body read and decoded. */
export type FetchResponse =
  | {
      notModified: true;
      url: string;
      status: 304;
      /** How long the answer stays fresh (Cache-Control max-age, seconds); null when it does not say. */
      maxAgeSeconds: number | null;
    }
  | {
      notModified: false;
      /** Final URL after redirects. */
      url: string;
      status: number;
      /** How long the answer stays fresh (Cache-Control max-age, seconds); null when it does not say. */
      maxAgeSeconds: number | null;
      contentType: string | null;
      etag: string | null;
      lastModified: string | null;
      /** The body decoded to text (BOM, HTTP charset, XML declaration or meta, else UTF-8). */
      text: string;
    };

/** One POST of a JSON body to an outside API (the summary endpoint). */
export interface PostJsonRequest {
  url: string;
  /** Sent as JSON. */
  body: unknown;
  /** Extra headers, such as Authorization. */
  headers?: Record<string, string>;
  /** Time allowed for one attempt instead of the fetcher's (an API may be slower than a feed). */
  timeoutMs?: number;
  signal?: AbortSignal;
}

/** A 2xx answer to {@link Fetcher.postJson}, read as UTF-8 text (the caller parses it). */
export interface JsonAnswer {
  /** Final URL after redirects. */
  url: string;
  status: number;
  contentType: string | null;
  text: string;
}

/** The one way the app reaches the outside web: feeds, pages and the summary API. */
export interface Fetcher {
  /** Fetches a URL; throws only {@link FetchError}. */
  fetch(request: FetchRequest): Promise<FetchResponse>;
  /**
   * POSTs JSON under the same guard as `fetch` (private addresses refused, checked again after
   * each redirect, timeout, size cap); throws only {@link FetchError}. A redirect is followed
   * only when it keeps the POST (307, 308): an API that answers 301-303 is misconfigured.
   */
  postJson(request: PostJsonRequest): Promise<JsonAnswer>;
  /** Closes pooled connections; call on shutdown. */
  close(): Promise<void>;
}

/** Defaults for the optional limits (the required ones come from the configuration). */
const fetcherDefaults = {
  maxRedirects: 5,
  perHostConcurrency: 2,
  maxRetryAfterMs: 60_000,
  maxJsonAnswerBytes: 64 * 1024,
} as const;

/** A server's Retry-After is reported to the caller up to this bound (a day). */
const maxReportedRetryAfterMs = 24 * 60 * 60 * 1000;

const redirectStatuses = new Set([301, 302, 303, 307, 308]);
/** Redirects that keep the method and body; the others turn a POST into a GET. */
const methodKeepingRedirects = new Set([307, 308]);

const acceptHeaders = {
  feed: "application/rss+xml, application/atom+xml, application/feed+json, application/rdf+xml;q=0.9, application/json;q=0.9, application/xml;q=0.8, text/xml;q=0.8, */*;q=0.5",
  page: "text/html, application/xhtml+xml;q=0.9, */*;q=0.5",
  json: "application/json",
} as const;

/** What one request sends and how its answer is read: a GET of a feed or a page, or a POST of JSON. */
type Outgoing =
  | (FetchRequest & { method: "GET" })
  | { method: "POST"; kind: "json"; url: string; body: string; headers: Record<string, string>; timeoutMs?: number; signal?: AbortSignal };

async function defaultLookup(hostname: string): Promise<{ address: string; family: number }[]> {
  return dnsLookup(hostname, { all: true });
}

function defaultSleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

/**
 * Creates the safe fetcher: http(s) only, private addresses refused before every
 * request and again at connect time, manual redirects, conditional GET, total
 * timeouts, streaming size caps, charset decoding, per-host concurrency, and one
 * retry after a short Retry-After. Feeds and pages are GET; an API's JSON is POSTed
 * under the same guard.
 */
export function createFetcher(options: FetcherOptions, deps: FetcherDeps = {}): Fetcher {
  const lookup = deps.lookup ?? defaultLookup;
  const fetchImpl = deps.fetch ?? globalThis.fetch;
  const sleep = deps.sleep ?? defaultSleep;
  const maxRedirects = options.maxRedirects ?? fetcherDefaults.maxRedirects;
  const maxRetryAfterMs = options.maxRetryAfterMs ?? fetcherDefaults.maxRetryAfterMs;
  const limiter = createHostLimiter(options.perHostConcurrency ?? fetcherDefaults.perHostConcurrency);
  const agent = createGuardedAgent({
    lookup,
    allowPrivate: options.allowPrivate,
    connectTimeoutMs: options.connectTimeoutMs,
  });

  async function assertAllowedDestination(url: URL, signal: AbortSignal): Promise<void> {
    if (isUrlAllowedPrivate(options.allowPrivate, url)) return;
    const host = url.hostname.replace(/^\[|\]$/g, "");
    const advice = "set ALLOW_PRIVATE_URLS to allow it";
    if (isIP(host) !== 0) {
      const refused = findRefusedAddress([{ address: host }]);
      if (refused) {
        throw new FetchError(
          "private_address",
          url.href,
          `refused ${describeUrl(url)}: ${host} is ${refused.description}; ${advice}`,
        );
      }
      return;
    }
    let addresses: { address: string; family: number }[];
    try {
      addresses = await raceAbort(lookup(host), signal);
    } catch (error) {
      if (signal.aborted) throw error;
      throw new FetchError("dns", url.href, `could not resolve ${host} for ${describeUrl(url)}: ${errorCode(error)}`);
    }
    if (addresses.length === 0) {
      throw new FetchError("dns", url.href, `could not resolve ${host} for ${describeUrl(url)}: no addresses`);
    }
    const refused = findRefusedAddress(addresses);
    if (refused) {
      throw new FetchError(
        "private_address",
        url.href,
        `refused ${describeUrl(url)}: ${host} resolves to ${refused.address}, ${refused.description}; ${advice}`,
      );
    }
  }

  function buildHeaders(request: Outgoing): Headers {
    const headers = new Headers({
      accept: acceptHeaders[request.kind],
      "accept-encoding": "gzip, deflate, br",
      "user-agent": options.userAgent,
    });
    if (request.method === "POST") {
      for (const [name, value] of Object.entries(request.headers)) headers.set(name, value);
      headers.set("content-type", "application/json");
      return headers;
    }
    if (request.etag) headers.set("if-none-match", request.etag);
    if (request.lastModified) headers.set("if-modified-since", request.lastModified);
    return headers;
  }

  function maxBytesOf(kind: Outgoing["kind"]): number {
    if (kind === "json") return options.maxJsonAnswerBytes ?? fetcherDefaults.maxJsonAnswerBytes;
    return kind === "feed" ? options.maxFeedBytes : options.maxPageBytes;
  }

  /** One request/response exchange for one URL, holding a per-host slot until its body is read. */
  async function exchange(
    url: URL,
    request: Outgoing,
    signal: AbortSignal,
  ): Promise<{ redirectTo: URL } | { response: FetchResponse } | { retryable: FetchError }> {
    await assertAllowedDestination(url, signal);
    return limiter.run(
      url.host,
      async () => {
        const init: RequestInit & { dispatcher: Dispatcher } = {
          method: request.method,
          headers: buildHeaders(request),
          ...(request.method === "POST" ? { body: request.body } : {}),
          redirect: "manual",
          signal,
          dispatcher: agent,
        };
        const response = await fetchImpl(url, init);

        if (redirectStatuses.has(response.status)) {
          discardBody(response);
          if (request.method === "POST" && !methodKeepingRedirects.has(response.status)) {
            throw new FetchError(
              "http_status",
              url.href,
              `${describeUrl(url)} answered ${response.status} to a POST; use the URL it redirects to`,
              { status: response.status },
            );
          }
          const location = response.headers.get("location");
          if (!location) {
            throw new FetchError(
              "http_status",
              url.href,
              `${describeUrl(url)} answered ${response.status} without a Location header`,
              { status: response.status },
            );
          }
          let target: URL;
          try {
            target = new URL(location, url);
          } catch {
            throw new FetchError("invalid_url", url.href, `${describeUrl(url)} redirected to an invalid URL`);
          }
          return { redirectTo: target };
        }

        if (response.status === 304) {
          discardBody(response);
          return { response: { notModified: true, url: url.href, status: 304, maxAgeSeconds: parseMaxAge(response.headers.get("cache-control")) } };
        }

        if (response.status < 200 || response.status > 299) {
          discardBody(response);
          const reason = response.statusText ? ` ${response.statusText}` : "";
          const details: { status: number; retryAfterMs?: number } = { status: response.status };
          if (response.status === 429 || response.status === 503) {
            const retryAfter = parseRetryAfter(response.headers.get("retry-after"));
            if (retryAfter !== null) details.retryAfterMs = Math.min(retryAfter, maxReportedRetryAfterMs);
          }
          const error = new FetchError(
            "http_status",
            url.href,
            `${describeUrl(url)} answered ${response.status}${reason}`,
            details,
          );
          if (details.retryAfterMs === undefined) throw error;
          return { retryable: error };
        }

        const maxBytes = maxBytesOf(request.kind);
        const declaredLength = Number(response.headers.get("content-length"));
        if (Number.isFinite(declaredLength) && declaredLength > maxBytes) {
          discardBody(response);
          throw tooLarge(url, maxBytes);
        }
        let bytes: Uint8Array;
        try {
          bytes = await readBodyCapped(response.body, maxBytes, signal);
        } catch (error) {
          if (error instanceof BodyTooLargeError) throw tooLarge(url, maxBytes);
          throw error;
        }
        const contentType = response.headers.get("content-type");
        return {
          response: {
            notModified: false,
            url: url.href,
            status: response.status,
            maxAgeSeconds: parseMaxAge(response.headers.get("cache-control")),
            contentType,
            etag: response.headers.get("etag"),
            lastModified: response.headers.get("last-modified"),
            // JSON is UTF-8 (RFC 8259); feeds and pages declare their charsets in many ways.
            text: request.kind === "json" ? new TextDecoder().decode(bytes) : decodeBody(bytes, contentType, request.kind),
          },
        };
      },
      signal,
    );
  }

  /** Follows redirects from `start` within one timeout budget. */
  async function attempt(start: URL, request: Outgoing, signal: AbortSignal): Promise<FetchResponse | FetchError> {
    const visited = new Set<string>();
    let url = start;
    for (let redirects = 0; ; redirects += 1) {
      visited.add(url.href);
      const outcome = await exchange(url, request, signal);
      if ("response" in outcome) return outcome.response;
      if ("retryable" in outcome) return outcome.retryable;
      const next = outcome.redirectTo;
      if (next.protocol !== "http:" && next.protocol !== "https:") {
        throw new FetchError("invalid_url", url.href, `${describeUrl(url)} redirected to a non-http(s) URL`);
      }
      if (visited.has(next.href)) {
        throw new FetchError("too_many_redirects", url.href, `redirect loop at ${describeUrl(next)}`);
      }
      if (redirects + 1 > maxRedirects) {
        throw new FetchError(
          "too_many_redirects",
          url.href,
          `more than ${maxRedirects} redirects starting at ${describeUrl(start)}`,
        );
      }
      url = next;
    }
  }

  async function attemptWithTimeout(start: URL, request: Outgoing): Promise<FetchResponse | FetchError> {
    const timeoutMs = (request.method === "POST" ? request.timeoutMs : undefined) ?? options.requestTimeoutMs;
    const timeout = AbortSignal.timeout(timeoutMs);
    const cancel = [request.signal, deps.stopSignal].filter((s): s is AbortSignal => s !== undefined);
    const signal = AbortSignal.any([timeout, ...cancel]);
    const stopTimer = request.method === "GET" ? deps.metrics?.fetchDuration.startTimer(request.kind) : undefined;
    try {
      return await attempt(start, request, signal);
    } catch (error) {
      throw toFetchError(error, start, {
        timedOut: timeout.aborted,
        timeoutMs,
        cancelled: cancel.some((s) => s.aborted),
        stopping: deps.stopSignal?.aborted ?? false,
      });
    } finally {
      stopTimer?.();
    }
  }

  /** Checks the URL, then one attempt, and one more after a short Retry-After. */
  async function send(request: Outgoing): Promise<FetchResponse> {
    let start: URL;
    try {
      start = new URL(request.url);
    } catch {
      throw new FetchError("invalid_url", request.url, `invalid URL: ${describeUrl(request.url)}`);
    }
    if (start.protocol !== "http:" && start.protocol !== "https:") {
      throw new FetchError("invalid_url", request.url, `only http and https URLs can be fetched, not ${start.protocol}`);
    }
    if (start.username !== "" || start.password !== "") {
      throw new FetchError("invalid_url", request.url, `URLs with credentials are not supported: ${describeUrl(start)}`);
    }

    const first = await attemptWithTimeout(start, request);
    if (!(first instanceof FetchError)) return first;
    const wait = first.retryAfterMs;
    if (wait === undefined || wait > maxRetryAfterMs) throw first;
    try {
      await raceAbort(sleep(wait), AbortSignal.any([request.signal, deps.stopSignal].filter((s): s is AbortSignal => s !== undefined)));
    } catch {
      throw new FetchError("cancelled", first.url, `the request to ${describeUrl(start)} was cancelled`);
    }
    const second = await attemptWithTimeout(start, request);
    if (second instanceof FetchError) throw second;
    return second;
  }

  return {
    fetch: (request) => send({ ...request, method: "GET" }),
    async postJson(request) {
      const answer = await send({
        method: "POST",
        kind: "json",
        url: request.url,
        body: JSON.stringify(request.body),
        headers: request.headers ?? {},
        ...(request.timeoutMs !== undefined ? { timeoutMs: request.timeoutMs } : {}),
        ...(request.signal ? { signal: request.signal } : {}),
      });
      // A POST sends no validators, so no server has a reason to answer 304.
      if (answer.notModified) throw new FetchError("http_status", answer.url, `${describeUrl(answer.url)} answered 304 to a POST`, { status: 304 });
      return { url: answer.url, status: answer.status, contentType: answer.contentType, text: answer.text };
    },
    async close() {
      await agent.close();
    },
  };
}

/**
 * Releases an unread body so the connection can be reused. Not awaited: some
 * stream sources (msw's, for one) settle cancel() only once the producer ends.
 */
function discardBody(response: Response): void {
  response.body?.cancel().catch(() => undefined);
}

function tooLarge(url: URL, maxBytes: number): FetchError {
  return new FetchError("too_large", url.href, `${describeUrl(url)} is larger than the ${maxBytes}-byte limit`);
}

function raceAbort<T>(promise: Promise<T>, signal: AbortSignal | undefined): Promise<T> {
  if (!signal) return promise;
  if (signal.aborted) return Promise.reject(signal.reason as Error);
  return new Promise<T>((resolve, reject) => {
    const onAbort = () => reject(signal.reason as Error);
    signal.addEventListener("abort", onAbort, { once: true });
    promise.then(
      (value) => {
        signal.removeEventListener("abort", onAbort);
        resolve(value);
      },
      (error: unknown) => {
        signal.removeEventListener("abort", onAbort);
        reject(error instanceof Error ? error : new Error(String(error)));
      },
    );
  });
}

function errorCode(error: unknown): string {
  if (error && typeof error === "object" && "code" in error && typeof error.code === "string") return error.code;
  return error instanceof Error ? error.message : "unknown error";
}

const dnsErrorCodes = new Set(["ENOTFOUND", "EAI_AGAIN", "EAI_FAIL", "EAI_NONAME", "ENODATA"]);
const timeoutErrorCodes = new Set(["UND_ERR_CONNECT_TIMEOUT", "UND_ERR_HEADERS_TIMEOUT", "UND_ERR_BODY_TIMEOUT", "ETIMEDOUT"]);

/** Maps anything thrown along the way to a FetchError without leaking library internals. */
function toFetchError(
  error: unknown,
  url: URL,
  context: { timedOut: boolean; timeoutMs: number; cancelled: boolean; stopping: boolean },
): FetchError {
  if (error instanceof FetchError) return error;
  const where = describeUrl(url);
  if (context.stopping) return new FetchError("cancelled", url.href, `Newsdesk is stopping: the request to ${where} was cancelled`);
  if (context.cancelled) return new FetchError("cancelled", url.href, `the request to ${where} was cancelled`);
  if (context.timedOut) {
    return new FetchError("timeout", url.href, `${where} did not answer within ${context.timeoutMs} ms`);
  }
  const cause = error instanceof Error && error.cause !== undefined ? error.cause : error;
  if (cause instanceof PrivateAddressRefusedError) {
    return new FetchError(
      "private_address",
      url.href,
      `refused ${where}: ${cause.message}; set ALLOW_PRIVATE_URLS to allow it`,
    );
  }
  const code = errorCode(cause);
  if (dnsErrorCodes.has(code)) return new FetchError("dns", url.href, `could not resolve the host of ${where}: ${code}`);
  if (timeoutErrorCodes.has(code)) return new FetchError("timeout", url.href, `${where} timed out: ${code}`);
  if (error instanceof Error && error.name === "AbortError") {
    return new FetchError("network", url.href, `request to ${where} was aborted`);
  }
  return new FetchError("network", url.href, `network error fetching ${where}: ${code}`);
}
