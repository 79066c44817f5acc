import { describe, expect, it } from "vitest";

import { decideAlertFailure } from "../../../src/publish/alerts/decide-alert-failure.js";

const now = new Date("2026-11-28T10:00:00Z");

describe("what happens to an alert whose send failed", () => {
  it("waits as long as Telegram says on 429, and pauses everyone for as long", () => {
    const error = { error_code: 429, description: "Too Many Requests: retry after 3", parameters: { retry_after: 3 } };
    expect(decideAlertFailure(error, 1, now)).toEqual({
      kind: "retry",
      retryAt: new Date("2026-11-28T10:00:03Z"),
      reason: "flood wait: Too Many Requests: retry after 3",
      pauseMs: 3000,
    });
  });

  it("treats a reader who blocked the bot or deleted their account as gone", () => {
    for (const description of ["Forbidden: bot was blocked by the user", "Forbidden: user is deactivated"]) {
      expect(decideAlertFailure({ error_code: 403, description }, 1, now)).toEqual({ kind: "reader-gone", reason: description });
    }
  });

  it("retries Telegram's own failures with back-off, without pausing others", () => {
    expect(decideAlertFailure({ error_code: 502, description: "Bad Gateway" }, 1, now)).toEqual({
      kind: "retry",
      retryAt: new Date("2026-11-28T10:00:30Z"),
      reason: "Bad Gateway",
      pauseMs: null,
    });
  });

  it("sends again when the connection broke mid-call, up to five attempts", () => {
    const broken = Object.assign(new Error("socket hang up"), { code: "ECONNRESET" });
    expect(decideAlertFailure(broken, 2, now)).toMatchObject({ kind: "retry", retryAt: new Date("2026-11-28T10:01:00Z"), pauseMs: null });
    expect(decideAlertFailure(broken, 5, now)).toMatchObject({ kind: "fail" });
  });

  it("gives up on a message Telegram refuses", () => {
    expect(decideAlertFailure({ error_code: 400, description: "Bad Request: message is too long" }, 1, now)).toEqual({
      kind: "fail",
      reason: "Bad Request: message is too long",
    });
  });
});
