import { describe, expect, it } from "vitest";

import { formatPost } from "../../src/publish/format-post.js";
import { cutText, escapeHtml, fitLines, TELEGRAM_TEXT_LIMIT, visibleLength } from "../../src/publish/telegram-html.js";

describe("a channel post", () => {
  it("is the headline in bold, the summary, a Read more link and the topics as hashtags", () => {
    expect(
      formatPost({
        headline: "Kim to visit Russia",
        summary: "SEOUL – North Korean leader Kim Jong Un will soon visit Russia.",
        link: "https://news.example.com/asia/kim",
        topics: ["north-korea", "asia"],
      }),
    ).toBe(
      "<b>Kim to visit Russia</b>\n\nSEOUL – North Korean leader Kim Jong Un will soon visit Russia.\n\n" +
        '<a href="https://news.example.com/asia/kim">Read more</a>\n\n#north_korea #asia',
    );
  });

  it("escapes everything it interpolates, the link included", () => {
    const text = formatPost({
      headline: "<script>alert(1)</script> & co",
      summary: 'He said "x < y" & left.',
      link: 'https://example.com/a?x=1&y="2"',
      topics: [],
    });
    expect(text).toBe(
      "<b>&lt;script&gt;alert(1)&lt;/script&gt; &amp; co</b>\n\nHe said &quot;x &lt; y&quot; &amp; left.\n\n" +
        '<a href="https://example.com/a?x=1&amp;y=&quot;2&quot;">Read more</a>',
    );
  });

  it("has no summary paragraph when there is no summary, and no hashtag line without topics", () => {
    expect(formatPost({ headline: "H", summary: "  ", link: "https://e.com/", topics: [] })).toBe(
      '<b>H</b>\n\n<a href="https://e.com/">Read more</a>',
    );
  });

  it("keeps within Telegram's 4096 characters by cutting the summary at a sentence", () => {
    const sentence = "This sentence is part of a very long summary & it keeps going. ";
    const text = formatPost({ headline: "Long", summary: sentence.repeat(200), link: "https://e.com/", topics: ["world"] });
    expect(visibleLength(text)).toBeLessThanOrEqual(TELEGRAM_TEXT_LIMIT);
    expect(visibleLength(text)).toBeGreaterThan(TELEGRAM_TEXT_LIMIT - sentence.length - 40);
    expect(text).toMatch(/keeps going\.\n\n<a href="https:\/\/e.com\/">Read more<\/a>\n\n#world$/);
  });

  it("counts entities as one character, as Telegram does after parsing", () => {
    expect(visibleLength("<b>a &amp; b</b>")).toBe(5);
    expect(escapeHtml("<&>\"")).toBe("&lt;&amp;&gt;&quot;");
  });
});

describe("cutting text", () => {
  it("never splits a word and marks the cut", () => {
    expect(cutText("one two three four", 10)).toBe("one two…");
  });
  it("prefers a sentence end", () => {
    expect(cutText("First sentence here. Second one is longer than that.", 30)).toBe("First sentence here.");
  });
  it("leaves short text alone", () => {
    expect(cutText("short", 10)).toBe("short");
  });
});

describe("fitting lines in one message", () => {
  it("cuts at whole lines and says how many were left out", () => {
    const lines = Array.from({ length: 100 }, (_, i) => `line number ${i} ${"x".repeat(60)}`);
    const text = fitLines(lines, 500);
    expect(visibleLength(text)).toBeLessThanOrEqual(500);
    const kept = text.split("\n");
    expect(kept.at(-1)).toBe(`… and ${100 - (kept.length - 1)} more`);
    expect(kept.slice(0, -1).every((line, i) => line === lines[i])).toBe(true);
  });
  it("keeps every line when they fit", () => {
    expect(fitLines(["a", "b"], 10)).toBe("a\nb");
  });
});
