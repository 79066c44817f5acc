import { describe, expect, it } from "vitest";

import { parseDigestHour, parseReaderCallback, READER_CALLBACK_PATTERN, readerCallbackData, type ReaderCallback } from "../../src/readers/reader-callback.js";

describe("reader callback data", () => {
  const all: ReaderCallback[] = [
    { kind: "toggle-topic", topicId: 12, page: 0 },
    { kind: "toggle-topic", topicId: 12, page: 3 },
    { kind: "topics-page", page: 0 },
    { kind: "topics-page", page: 2 },
    { kind: "alert-mode", mode: "instant" },
    { kind: "alert-mode", mode: "digest" },
    { kind: "alert-mode", mode: "off" },
    { kind: "digest-hour", hour: 0 },
    { kind: "digest-hour", hour: 23 },
    { kind: "stop", confirm: true },
    { kind: "stop", confirm: false },
  ];

  it("parses back what it builds, within Telegram's 64 bytes, matched by the pattern", () => {
    for (const callback of all) {
      const data = readerCallbackData(callback);
      expect(parseReaderCallback(data)).toEqual(callback);
      expect(Buffer.byteLength(data)).toBeLessThanOrEqual(64);
      expect(READER_CALLBACK_PATTERN.test(data)).toBe(true);
    }
    expect(readerCallbackData({ kind: "toggle-topic", topicId: 2_147_483_647, page: 0 })).toBe("topic:2147483647");
    expect(readerCallbackData({ kind: "toggle-topic", topicId: 5, page: 1 })).toBe("topic:5:1");
  });

  it("refuses forged or stale data", () => {
    for (const data of ["topic:", "topic:0", "topic:-1", "topic:1.5", "topic:12345678901", "topic:1:2:3", "topic:1:x", "topic:1:01", "topics-page:", "topics-page:-1", "alerts:loud", "digest-hour:24", "digest-hour:7am", "stop:", "stop:yes", "other:1", ""]) {
      expect(parseReaderCallback(data), data).toBeNull();
    }
  });
});

describe("parseDigestHour", () => {
  it("accepts 0 to 23 written as one or two digits", () => {
    expect(parseDigestHour("0")).toBe(0);
    expect(parseDigestHour("07")).toBe(7);
    expect(parseDigestHour("23")).toBe(23);
    expect(parseDigestHour("24")).toBeNull();
    expect(parseDigestHour("007")).toBeNull();
    expect(parseDigestHour("")).toBeNull();
  });
});
