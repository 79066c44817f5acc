import { describe, expect, it } from "vitest";

import { isLikelyBot } from "../../src/readers/is-likely-bot.js";

describe("isLikelyBot", () => {
  it("recognises link-preview robots, crawlers and scripts", () => {
    for (const ua of [
      "TelegramBot (like TwitterBot)",
      "Mozilla/5.0 (compatible; Googlebot/2.1; +http://www.google.com/bot.html)",
      "facebookexternalhit/1.1",
      "curl/8.5.0",
      "",
      undefined,
    ]) {
      expect(isLikelyBot(ua), String(ua)).toBe(true);
    }
  });

  it("counts browsers and the Telegram apps' in-app browser as readers", () => {
    for (const ua of [
      "Mozilla/5.0 (iPhone; CPU iPhone OS 17_0 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Mobile/15E148 Telegram-iOS/10.0",
      "Mozilla/5.0 (X11; Linux x86_64; rv:128.0) Gecko/20100101 Firefox/128.0",
    ]) {
      expect(isLikelyBot(ua), ua).toBe(false);
    }
  });
});
