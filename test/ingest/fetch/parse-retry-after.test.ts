import { describe, expect, it } from "vitest";

import { parseRetryAfter } from "../../../src/ingest/fetch/parse-retry-after.js";

describe("parseRetryAfter", () => {
  const now = Date.parse("2023-09-11T08:12:00Z");

  it("reads seconds", () => {
    expect(parseRetryAfter("120", now)).toBe(120_000);
  });

  it("reads an HTTP date", () => {
    expect(parseRetryAfter("Mon, 11 Sep 2023 08:13:30 GMT", now)).toBe(90_000);
  });

  it("treats a date in the past as now", () => {
    expect(parseRetryAfter("Mon, 11 Sep 2023 08:00:00 GMT", now)).toBe(0);
  });

  it.each([null, "", "soon", "-5"])("gives null for %j", (value) => {
    expect(parseRetryAfter(value, now)).toBeNull();
  });
});
