import { describe, expect, it } from "vitest";

import { formatDigest } from "../../../src/publish/alerts/format-digest.js";
import { visibleLength } from "../../../src/publish/telegram-html.js";
import { createTranslations } from "../../../src/i18n/create-i18n.js";

const translations = createTranslations();
const en = translations.translator("en");

const item = (n: number) => ({ headline: `Story ${n}`, link: `https://news.example.com/${n}` });

describe("the daily digest", () => {
  it("lists the posts as linked headlines under the day, with the footer", () => {
    expect(formatDigest(en, { dateLabel: "Sat 28 Nov", hour: 8, items: [item(2), { headline: "Tom & Jerry <3", link: "https://x.example/?a&b" }] })).toBe(
      "<b>Your daily digest · Sat 28 Nov</b>\n\n" +
        '• <a href="https://news.example.com/2">Story 2</a>\n' +
        '• <a href="https://x.example/?a&amp;b">Tom &amp; Jerry &lt;3</a>\n\n' +
        "You get this every day at 08:00 · /settings",
    );
  });

  it("lists at most 20 headlines and counts the rest", () => {
    const text = formatDigest(en, { dateLabel: "Sat 28 Nov", hour: 19, items: Array.from({ length: 23 }, (_, i) => item(i + 1)) });
    const lines = text.split("\n");
    expect(lines.filter((l) => l.startsWith("• "))).toHaveLength(20);
    expect(lines).toContain('• <a href="https://news.example.com/20">Story 20</a>');
    expect(lines).toContain("… and 3 more");
    expect(text).not.toContain("Story 21");
  });

  it("cuts at whole lines when long headlines would pass 4096 characters", () => {
    const items = Array.from({ length: 20 }, (_, i) => ({ headline: `${"word ".repeat(39)}${i}`, link: `https://news.example.com/${i}` }));
    const text = formatDigest(en, { dateLabel: "Sat 28 Nov", hour: 8, items }, 1000);
    expect(visibleLength(text)).toBeLessThanOrEqual(1000);
    const lines = text.split("\n");
    const listed = lines.filter((l) => l.startsWith("• "));
    expect(listed.length).toBeGreaterThan(0);
    expect(listed.every((l) => l.endsWith("</a>"))).toBe(true);
    expect(lines).toContain(`… and ${20 - listed.length} more`);
  });
});
