import { describe, expect, it } from "vitest";

import { elementToText } from "../../../src/ingest/extract/element-to-text.js";
import { parseHtmlDocument } from "../../../src/ingest/extract/parse-html-document.js";
import { stripInertMarkup } from "../../../src/ingest/extract/strip-inert-markup.js";

function visibleText(html: string): string {
  return elementToText(parseHtmlDocument(html)!.body!);
}

describe("cutting markup extraction never reads", () => {
  it("removes scripts, styles, SVG and comments but keeps JSON-LD", () => {
    const html =
      '<head><script>var ad = 1;</script><style>p{color:red}</style><script type="application/ld+json">{"@type":"NewsArticle"}</script></head>' +
      "<p>Text<!-- note --><svg><text>icon</text></svg></p>";
    expect(stripInertMarkup(html)).toBe(
      '<head><script type="application/ld+json">{"@type":"NewsArticle"}</script></head><p>Text  </p>',
    );
  });

  it("drops indentation around block tags and keeps the spaces between inline words", () => {
    const html = "<div>\n    <p><b>Kim</b> <i>Jong</i> Un arrived.</p>\n    <p>Talks <a href='/x'>began</a> today.</p>\n  </div>";
    expect(stripInertMarkup(html)).toBe("<div><p><b>Kim</b> <i>Jong</i> Un arrived.</p><p>Talks <a href='/x'>began</a> today.</p></div>");
    expect(visibleText(stripInertMarkup(html))).toBe("Kim Jong Un arrived.\n\nTalks began today.");
  });

  it("drops data-, event, image-list and title attributes and keeps what Readability and metadata read", () => {
    const html =
      '<article class="story" data-id="7" itemprop="articleBody"><img src="/a.jpg" srcset="/a.jpg 1x, /b.jpg 2x" alt="A photo" data-src=\'/c.jpg\'>' +
      '<a href="/x" target=_blank onclick="track()" title="More">x</a><div style="display:none" hidden data-flag>y</div></article>';
    expect(stripInertMarkup(html)).toBe(
      '<article class="story" itemprop="articleBody"><img src="/a.jpg"><a href="/x">x</a><div style="display:none" hidden data-flag>y</div></article>',
    );
  });

  it("leaves attribute-like words in the text alone", () => {
    const html = '<p>Set data-limit="5" and onload=true in the config; alt="text" is required.</p>';
    expect(stripInertMarkup(html)).toBe(html);
  });
});
