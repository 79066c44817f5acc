import { describe, expect, it } from "vitest";

import { htmlToLine } from "../../../src/ingest/feeds/html-to-line.js";

describe("htmlToLine", () => {
  it.each([
    ["<b>Big</b> &amp; <i>bold</i>", "Big & bold"],
    ["plain words", "plain words"],
    ["line<br>break and <p>para</p>graph", "line break and para graph"],
    ["A < B and C > D", "A < B and C > D"],
    ["caf&eacute; &#8220;x&#8221; &#x263A; &nbsp;end", "café “x” ☺ end"],
    ["<script>alert(1)</script>Safe<style>p{}</style> text", "Safe text"],
    ["The <script> tag, explained", "The tag, explained"],
    ["<!-- note -->Visible<!DOCTYPE html>", "Visible"],
    ["  lots \n\t of   space  ", "lots of space"],
    ["&unknownentity; stays", "&unknownentity; stays"],
  ])("turns %j into %j", (html, text) => {
    expect(htmlToLine(html)).toBe(text);
  });

  // A quadratic pass over this input would run for minutes and hit the test's time limit.
  it("reads hostile markup in one linear pass", { timeout: 10_000 }, () => {
    const hostile = "<b>".repeat(100_000) + "<".repeat(100_000) + "</b>".repeat(100_000) + "<script>".repeat(50_000);
    expect(htmlToLine(hostile)).toBe("<".repeat(100_000));
  });
});
