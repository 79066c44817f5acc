import { describe, expect, it } from "vitest";

import { createTranslations } from "../../src/i18n/create-i18n.js";
import { engagementWords, inlineArticle, popularLine, storyLine } from "../../src/readers/format-reader-lists.js";

const en = createTranslations().translator("en");
const ru = createTranslations().translator("ru");

describe("reader lists", () => {
  it("links headlines with everything escaped", () => {
    expect(storyLine({ headline: 'Q&A: "<why>"', url: "https://x.example/a?b=1&c=2" })).toBe(
      '• <a href="https://x.example/a?b=1&amp;c=2">Q&amp;A: &quot;&lt;why&gt;&quot;</a>',
    );
  });

  it("says what a story collected, in words, leaving out zeros", () => {
    expect(engagementWords(en, { reactions: 1, clicks: 0 })).toBe("1 reaction");
    expect(engagementWords(en, { reactions: 0, clicks: 1 })).toBe("1 click");
    expect(engagementWords(en, { reactions: 2, clicks: 3 })).toBe("2 reactions, 3 clicks");
    // Russian has three plural forms: 1, 2-4 and 5+ (21 is "one" again).
    expect(engagementWords(ru, { reactions: 1, clicks: 2 })).toBe("1 реакция, 2 перехода");
    expect(engagementWords(ru, { reactions: 5, clicks: 21 })).toBe("5 реакций, 21 переход");
    expect(popularLine(en, { reactions: 0, clicks: 0, article: { headline: "A", url: "https://x.example/" } })).toBe('• <a href="https://x.example/">A</a>');
  });

  it("cuts long summaries in inline results and stays within Telegram's limit", () => {
    const summary = "A sentence that goes on. ".repeat(400);
    const result = inlineArticle({ id: 7, url: "https://x.example/", headline: "H", summary });
    expect(result.description!.length).toBeLessThanOrEqual(200);
    expect(result.input_message_content.message_text.length).toBeLessThanOrEqual(4096);
    expect(result.input_message_content.message_text.startsWith('<a href="https://x.example/">H</a>\n\nA sentence that goes on.')).toBe(true);
  });
});
