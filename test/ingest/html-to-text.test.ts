import { describe, expect, it } from "vitest";

import { htmlToText } from "../../src/ingest/html-to-text.js";

describe("htmlToText", () => {
  it("decodes named and numeric entities, and a non-breaking space becomes a plain space", () => {
    expect(htmlToText("Tom &amp; Jerry&#8217;s&nbsp;show &hellip; &#x201C;live&#x201D;")).toBe(
      "Tom & Jerry’s show … “live”",
    );
  });

  it("turns block elements, however deeply nested, into paragraph breaks", () => {
    const html = "<div><section><p>First <b>bold</b> paragraph.</p><div><p>Second one.</p></div></section>After</div>";
    expect(htmlToText(html)).toBe("First bold paragraph.\n\nSecond one.\n\nAfter");
  });

  it("turns <br> into a single newline", () => {
    expect(htmlToText("Line one<br>Line two<br/>Line three<BR />")).toBe("Line one\nLine two\nLine three");
  });

  it("puts each list item in its own paragraph", () => {
    expect(htmlToText("<p>Key points:</p><ul><li>Rates held</li><li>Inflation <em>eased</em></li></ul>")).toBe(
      "Key points:\n\nRates held\n\nInflation eased",
    );
  });

  it("drops script, style, noscript and template content entirely", () => {
    const html =
      '<p>Before</p><script>window.ads = "<p>ad</p>";</script><style>p { color: red }</style>' +
      "<noscript>Enable JavaScript</noscript><template><p>hidden</p></template><p>After</p>";
    expect(htmlToText(html)).toBe("Before\n\nAfter");
  });

  it("collapses whitespace, including source newlines inside a paragraph", () => {
    expect(htmlToText("<p>  The   minister\n\tsaid\r\n on Monday .  </p>\n\n\n<p>Next</p>")).toBe(
      "The minister said on Monday .\n\nNext",
    );
  });

  it("copes with malformed HTML: unclosed tags, stray closers, bare ampersands", () => {
    const html = "<p>Unclosed <b>bold <i>and italic<p>Second</span> para & more</div><p>Third";
    expect(htmlToText(html)).toBe("Unclosed bold and italic\n\nSecond para & more\n\nThird");
  });

  it("reads a headline full of HTML as the words a reader sees", () => {
    const title =
      "<strong>LIVE:</strong> PM&#8217;s <a href=\"/x?a=1&amp;b=2\">&#x2018;last-ditch&#x2019;</a> Brexit talks &ndash; <em>latest</em>";
    expect(htmlToText(title)).toBe("LIVE: PM’s ‘last-ditch’ Brexit talks – latest");
  });

  it("decodes a second time when the feed escaped its markup twice", () => {
    expect(htmlToText("&lt;p&gt;Rates rise &amp;amp; shares fall&lt;/p&gt;&lt;p&gt;More&lt;/p&gt;")).toBe(
      "Rates rise & shares fall\n\nMore",
    );
  });

  it("leaves escaped angle brackets in prose alone", () => {
    expect(htmlToText("<p>Growth was &lt; 2% and debt &gt; 90%.</p>")).toBe("Growth was < 2% and debt > 90%.");
  });

  it("keeps table cells apart and rows in their own paragraphs", () => {
    expect(htmlToText("<table><tr><th>Party</th><th>Seats</th></tr><tr><td>Labour</td><td>411</td></tr></table>")).toBe(
      "Party Seats\n\nLabour 411",
    );
  });

  it("removes soft hyphens and zero-width spaces but keeps emoji joiners", () => {
    expect(htmlToText("inter&shy;national&#8203; news 👨‍👩‍👧")).toBe("international news 👨‍👩‍👧");
  });

  it("returns an empty string for empty, whitespace-only or tag-only input", () => {
    expect(htmlToText("")).toBe("");
    expect(htmlToText("   \n ")).toBe("");
    expect(htmlToText("<p></p><br><img src=x>")).toBe("");
  });

  it("never throws, whatever it is given", () => {
    expect(() => htmlToText("<<<>>></p></p><!-- unterminated")).not.toThrow();
    expect(() => htmlToText(undefined as unknown as string)).not.toThrow();
    expect(htmlToText(null as unknown as string)).toBe("");
  });
});
