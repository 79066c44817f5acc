/** Why a page or a feed could not be fetched or added, in the reader's language. Pure. */
import type { Translate } from "../i18n/translate.js";
import type { FetchFailure } from "../ingest/fetch/fetch-failure.js";
import type { FeedFailure, FeedPause } from "../ingest/feeds/feed-failure.js";
import type { FeedRefusal } from "../ingest/feeds/feed-refusal.js";
import type { FeedUrlProblem } from "../ingest/feeds/parse-feed-url.js";

/** "https://example.com/rss.xml answered 404 Not Found", a clause to fit into a sentence. */
export function fetchFailureText(t: Translate, failure: FetchFailure): string {
  switch (failure.code) {
    case "http-status":
      return t("fetch-failure-http-status", { url: failure.url, status: failure.status });
    case "dns":
      return t("fetch-failure-dns", { url: failure.url, host: failure.host });
    default:
      return t(`fetch-failure-${failure.code}`, { url: failure.url });
  }
}

/**
 * Why /addfeed refused an address (or added it only because it was forced), or why a feed's
 * last fetch failed, as a clause.
 */
export function feedRefusalText(t: Translate, reason: FeedRefusal | FeedFailure): string {
  switch (reason.code) {
    case "fetch-failed":
      return fetchFailureText(t, reason.failure);
    case "unreadable":
      return t("feed-refusal-unreadable", { detail: reason.detail });
    case "stored-text":
      return reason.text;
    default:
      return t(`feed-refusal-${reason.code}`);
  }
}

/** Why a feed address's form was refused, as a sentence without its full stop. */
export function feedUrlProblemText(t: Translate, input: string, problem: FeedUrlProblem): string {
  return problem.code === "not-web" ? t("feed-url-not-web", { input, scheme: problem.scheme }) : t(`feed-url-${problem.code}`, { input });
}

/** Why a feed was paused, as a clause. */
export function feedPauseText(t: Translate, pause: FeedPause): string {
  switch (pause.code) {
    case "gone":
      return t("feed-paused-gone");
    case "failing":
      return t("feed-paused-failing", { count: pause.failures, last: feedRefusalText(t, pause.last) });
    case "stored-text":
      return pause.text;
  }
}
