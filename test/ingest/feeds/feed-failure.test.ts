import { describe, expect, it } from "vitest";

import { feedRefusalText, feedPauseText } from "../../../src/editorial/fetch-failure-text.js";
import { createFluentTranslator } from "../../../src/i18n/fluent-translator.js";
import { storeReason } from "../../../src/i18n/stored-reason.js";
import { feedFailureOfError, readFeedFailure, readFeedPause, type FeedFailure } from "../../../src/ingest/feeds/feed-failure.js";
import { FeedParseError } from "../../../src/ingest/feeds/feed-parse-error.js";
import { FetchError } from "../../../src/ingest/fetch/fetch-error.js";

const en = createFluentTranslator("en");
const ru = createFluentTranslator("ru");

const URL = "https://news.example.com/rss.xml";
const TIMEOUT: FeedFailure = { code: "fetch-failed", failure: { code: "timeout", url: URL, detail: `${URL} did not answer within 15000 ms` } };

describe("why a feed failed or was paused, stored as a code and worded when shown", () => {
  it("reads back what it stored", () => {
    const unreadable: FeedFailure = { code: "unreadable", detail: "the document is HTML, not a feed" };
    for (const failure of [TIMEOUT, unreadable]) expect(readFeedFailure(storeReason(failure))).toEqual(failure);
    expect(readFeedPause(storeReason({ code: "gone" }))).toEqual({ code: "gone" });
    expect(readFeedPause(storeReason({ code: "failing", failures: 10, last: TIMEOUT }))).toEqual({ code: "failing", failures: 10, last: TIMEOUT });
  });

  it("reads a sentence an earlier version stored (or an audit entry's copy of one) as that sentence, and nothing as none", () => {
    expect(readFeedFailure("answered 500")).toEqual({ code: "stored-text", text: "answered 500" });
    expect(readFeedFailure("{not json")).toEqual({ code: "stored-text", text: "{not json" });
    expect(readFeedPause('{"code":"failing","failures":"ten"}')).toEqual({ code: "stored-text", text: '{"code":"failing","failures":"ten"}' });
    expect(readFeedPause({ code: "stored-text", text: "10 failures in a row" })).toEqual({ code: "stored-text", text: "10 failures in a row" });
    expect(storeReason({ code: "stored-text", text: "the database is full" })).toBe("the database is full");
    expect([readFeedFailure(null), readFeedPause(""), readFeedPause(undefined)]).toEqual([null, null, null]);
  });

  it("makes a code of the site's and the parser's refusals only", () => {
    const fetchError = new FetchError("http_status", URL, `${URL} answered 404 Not Found`, { status: 404 });
    expect(feedFailureOfError(fetchError)).toEqual({
      code: "fetch-failed",
      failure: { code: "http-status", url: URL, status: "404 Not Found", detail: `${URL} answered 404 Not Found` },
    });
    expect(feedFailureOfError(new FeedParseError("the document is empty"))).toEqual({ code: "unreadable", detail: "the document is empty" });
    expect(feedFailureOfError(new Error("the database is full"))).toBeNull();
  });

  it("words the reasons in English and in Russian, quoting the parser's own words", () => {
    const unreadable: FeedFailure = { code: "unreadable", detail: "the document is HTML, not a feed" };
    expect([feedRefusalText(en, TIMEOUT), feedRefusalText(en, unreadable)]).toEqual([`${URL} did not answer in time`, "the document is HTML, not a feed"]);
    expect([feedRefusalText(ru, TIMEOUT), feedRefusalText(ru, unreadable)]).toEqual([
      `по адресу ${URL} сервер не ответил вовремя`,
      "это не лента, которую можно прочитать (RSS, RDF, Atom или JSON Feed): «the document is HTML, not a feed»",
    ]);
    expect(feedPauseText(en, { code: "failing", failures: 1, last: TIMEOUT })).toBe(`1 failure in a row; last: ${URL} did not answer in time`);
    expect(feedPauseText(ru, { code: "failing", failures: 3, last: TIMEOUT })).toBe(`3 сбоя подряд; последний: по адресу ${URL} сервер не ответил вовремя`);
    expect(feedPauseText(ru, { code: "failing", failures: 5, last: TIMEOUT })).toBe(`5 сбоев подряд; последний: по адресу ${URL} сервер не ответил вовремя`);
    expect([feedPauseText(en, { code: "gone" }), feedPauseText(ru, { code: "gone" })]).toEqual(["the feed answered 410 Gone: it was removed", "лента ответила 410 Gone: её удалили"]);
    expect(feedPauseText(ru, { code: "stored-text", text: "10 failures in a row" })).toBe("10 failures in a row");
  });
});
