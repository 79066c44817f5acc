import { describe, expect, it } from "vitest";

import { sourceNameOf } from "../../src/ingest/source-name.js";
import { createPostFormat, formatPost, TELEGRAM_CAPTION_LIMIT, type PostContent } from "../../src/publish/format-post.js";
import { cutText, escapeHtml, fitLines, TELEGRAM_TEXT_LIMIT, visibleLength } from "../../src/publish/telegram-html.js";

const FORMAT = createPostFormat({ template: null, readMore: "Read more", breakingMarker: "🔴" });
const post = (content: Partial<PostContent> & Pick<PostContent, "headline" | "summary" | "link">): PostContent => ({
  topics: [],
  source: "Example News",
  breaking: false,
  ...content,
});

describe("a channel post", () => {
  it("is the headline in bold, the summary, a Read more link with the source, and the topics as hashtags", () => {
    expect(
      formatPost(
        post({
          headline: "Kim to visit Russia",
          summary: "SEOUL – North Korean leader Kim Jong Un will soon visit Russia.",
          link: "https://news.example.com/asia/kim",
          topics: ["north-korea", "asia"],
          source: "Korea Herald",
        }),
        FORMAT,
      ),
    ).toBe(
      "<b>Kim to visit Russia</b>\n\nSEOUL – North Korean leader Kim Jong Un will soon visit Russia.\n\n" +
        '<a href="https://news.example.com/asia/kim">Read more</a> · Korea Herald\n\n#north_korea #asia',
    );
  });

  it("escapes everything it interpolates, the link and the source included", () => {
    const text = formatPost(
      post({ headline: "<script>alert(1)</script> & co", summary: 'He said "x < y" & left.', link: 'https://example.com/a?x=1&y="2"', source: "A & B <News>" }),
      FORMAT,
    );
    expect(text).toBe(
      "<b>&lt;script&gt;alert(1)&lt;/script&gt; &amp; co</b>\n\nHe said &quot;x &lt; y&quot; &amp; left.\n\n" +
        '<a href="https://example.com/a?x=1&amp;y=&quot;2&quot;">Read more</a> · A &amp; B &lt;News&gt;',
    );
  });

  it("has no summary paragraph when there is no summary, and no hashtag line without topics", () => {
    expect(formatPost(post({ headline: "H", summary: "  ", link: "https://e.com/" }), FORMAT)).toBe(
      '<b>H</b>\n\n<a href="https://e.com/">Read more</a> · Example News',
    );
  });

  it("puts the breaking-news marker before a breaking post's headline", () => {
    expect(formatPost(post({ headline: "Quake hits the coast", summary: "", link: "https://e.com/q", breaking: true }), FORMAT)).toBe(
      '🔴 <b>Quake hits the coast</b>\n\n<a href="https://e.com/q">Read more</a> · Example News',
    );
  });

  it("keeps within Telegram's 4096 characters by cutting the summary at a sentence", () => {
    const sentence = "This sentence is part of a very long summary & it keeps going. ";
    const text = formatPost(post({ headline: "Long", summary: sentence.repeat(200), link: "https://e.com/", topics: ["world"] }), FORMAT);
    expect(visibleLength(text)).toBeLessThanOrEqual(TELEGRAM_TEXT_LIMIT);
    expect(visibleLength(text)).toBeGreaterThan(TELEGRAM_TEXT_LIMIT - sentence.length - 40);
    expect(text).toMatch(/keeps going\.\n\n<a href="https:\/\/e.com\/">Read more<\/a> · Example News\n\n#world$/);
  });

  it("fits a photo's 1024-character caption after parsing, shortening only the summary (entities count as one)", () => {
    const sentence = "Fish & chips <cost> more. ";
    const headline = "Prices & wages: " + "h".repeat(200);
    const text = formatPost(
      post({ headline, summary: sentence.repeat(100), link: "https://e.com/a?x=1&y=2", topics: ["economy"], source: "The Times & Post" }),
      FORMAT,
      TELEGRAM_CAPTION_LIMIT,
    );
    expect(visibleLength(text)).toBeLessThanOrEqual(TELEGRAM_CAPTION_LIMIT);
    expect(visibleLength(text)).toBeGreaterThan(TELEGRAM_CAPTION_LIMIT - sentence.length - 2);
    expect(text.startsWith(`<b>Prices &amp; wages: ${"h".repeat(200)}</b>\n\nFish &amp; chips &lt;cost&gt; more. `)).toBe(true);
    expect(text.endsWith('more.\n\n<a href="https://e.com/a?x=1&amp;y=2">Read more</a> · The Times &amp; Post\n\n#economy')).toBe(true);
  });

  it("counts entities as one character, as Telegram does after parsing", () => {
    expect(visibleLength("<b>a &amp; b</b>")).toBe(5);
    expect(escapeHtml("<&>\"")).toBe("&lt;&amp;&gt;&quot;");
  });
});

describe("the source's name", () => {
  it("is the stored name, else the feed's title, else the host name", () => {
    expect(sourceNameOf({ sourceName: "Island Times", feedTitle: "Island Times – All stories", url: "https://www.islandtimes.example/a" })).toBe("Island Times");
    expect(sourceNameOf({ sourceName: null, feedTitle: "Island Times – All stories", url: "https://www.islandtimes.example/a" })).toBe(
      "Island Times – All stories",
    );
    expect(sourceNameOf({ sourceName: " ", feedTitle: null, url: "https://www.islandtimes.example/a" })).toBe("islandtimes.example");
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
