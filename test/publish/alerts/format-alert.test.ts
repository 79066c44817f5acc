import { describe, expect, it } from "vitest";

import { formatAlert } from "../../../src/publish/alerts/format-alert.js";
import { visibleLength } from "../../../src/publish/telegram-html.js";
import { createTranslations } from "../../../src/i18n/create-i18n.js";

const translations = createTranslations();
const en = translations.translator("en");

describe("the instant alert", () => {
  it("shows the headline as a bold link, the summary, and why the reader gets it", () => {
    expect(
      formatAlert(en, {
        headline: "Rates held at 5%",
        summary: "The central bank kept rates where they were.",
        link: "https://news.example.com/rates?a=1&b=2",
        followedTopics: ["economy"],
      }),
    ).toBe(
      '<b><a href="https://news.example.com/rates?a=1&amp;b=2">Rates held at 5%</a></b>\n\n' +
        "The central bank kept rates where they were.\n\n" +
        "You get this because you follow #economy · /settings",
    );
  });

  it("escapes what the feed wrote and names every followed topic of the post", () => {
    expect(
      formatAlert(en, {
        headline: "<script> & \"friends\"",
        summary: "a < b > c",
        link: "https://x.example/\"q\"",
        followedTopics: ["north-korea", "economy"],
      }),
    ).toBe(
      '<b><a href="https://x.example/&quot;q&quot;">&lt;script&gt; &amp; &quot;friends&quot;</a></b>\n\n' +
        "a &lt; b &gt; c\n\n" +
        "You get this because you follow #north_korea, #economy · /settings",
    );
  });

  it("cuts a long summary so the message stays within Telegram's 4096 characters", () => {
    const summary = "A sentence that goes on. ".repeat(400);
    const text = formatAlert(en, { headline: "Long", summary, link: "https://x.example/", followedTopics: ["world"] });
    expect(visibleLength(text)).toBeLessThanOrEqual(4096);
    expect(text.endsWith("\n\nYou get this because you follow #world · /settings")).toBe(true);
    expect(text).toContain("A sentence that goes on. A sentence");
  });
});
