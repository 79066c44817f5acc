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
      '<article class="story" itemprop="articleBody"><img src="/a.jpg"><a href="/x">x</a><div style="display:none" hidden>y</div></article>',
    );
  });

  it("never takes words inside a quoted value for attributes", () => {
    const html = '<meta property="og:title" content="Why alt=text matters, and width = 100 too" data-x="1">';
    expect(stripInertMarkup(html)).toBe('<meta property="og:title" content="Why alt=text matters, and width = 100 too">');
  });

  it("lets an element left open run to the end of the page, as a browser does", () => {
    expect(stripInertMarkup("<p>Kept</p><!-- never closed <p>gone</p>")).toBe("<p>Kept</p> ");
    expect(stripInertMarkup("<p>Kept</p><script>var a = 1; <p>gone</p>")).toBe("<p>Kept</p> ");
    expect(stripInertMarkup('<p>One <svg class="icon"/> two</p><svg><path/></svg><p>Three</p>')).toBe("<p>One   two</p><p>Three</p>");
  });

  // Patterns that search again from every opening would take minutes on these and hit the time limit.
  it("reads hostile pages in one linear pass", { timeout: 10_000 }, () => {
    expect(stripInertMarkup(`<a${" title=x".repeat(200_000)}`)).toHaveLength(1_600_002);
    expect(stripInertMarkup("<!--".repeat(200_000))).toBe(" ");
    expect(stripInertMarkup("<script>".repeat(100_000))).toBe(" ");
  });

  it("leaves attribute-like words in the text alone", () => {
    const html = '<p>Set data-limit="5" and onload=true in the config; alt="text" is required.</p>';
    expect(stripInertMarkup(html)).toBe(html);
  });
});
