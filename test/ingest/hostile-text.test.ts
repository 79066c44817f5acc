/**
 * Every pass over untrusted text is linear: inputs that made a pattern backtrack for seconds or
 * minutes (sized so the old code outran the test timeout) now come back at once, and ordinary
 * text gives the same answers as before.
 */
import { describe, expect, it } from "vitest";

import { cleanBodyText, isRunOnCss } from "../../src/ingest/extract/clean-body.js";
import { cleanHeadline } from "../../src/ingest/extract/clean-headline.js";
import { extractArticle } from "../../src/ingest/extract/extract-article.js";
import { htmlToLine } from "../../src/ingest/feeds/html-to-line.js";
import { htmlToText } from "../../src/ingest/html-to-text.js";
import { isBoilerplate } from "../../src/ingest/summary/is-boilerplate.js";
import { isTeaser } from "../../src/ingest/summary/is-teaser.js";
import { splitSentences } from "../../src/ingest/summary/split-sentences.js";
import { cutAtSentence, summarise } from "../../src/ingest/summary/summarise.js";
import { visibleLength } from "../../src/publish/telegram-html.js";

const PROSE = "Negotiators returned to Cairo on Monday for a new round of ceasefire talks, mediators said.";

describe("run-on CSS in a body", () => {
  it("is still recognised and dropped", () => {
    expect(isRunOnCss('p.caption:before { display: inline-block; content: "x"; color: red }')).toBe(true);
    expect(isRunOnCss(".a{b:c;d:e;}")).toBe(true);
    expect(cleanBodyText(`${PROSE}\n\n.x{margin:0;padding:0;}`)).toBe(PROSE);
  });

  it("is not found in prose or in a single declaration", () => {
    expect(isRunOnCss("Smith: we will build it; Jones: we will not")).toBe(false);
    expect(isRunOnCss(".a { color: red; }")).toBe(false);
    expect(isRunOnCss("a{b:c;d:e;{")).toBe(false);
  });

  it("costs one pass on 16 KB of 'a{a:a;a:a;…{a' (the old pattern backtracked cubically)", () => {
    const hostile = `a{${"a:a;".repeat(4_000)}{a`;
    expect(isRunOnCss(hostile)).toBe(false);
    expect(cleanBodyText(`${PROSE}\n\n${hostile}`)).toBe(`${PROSE}\n\n${hostile}`);
  });
});

describe("summaries of hostile lines", () => {
  it("still drop a caption credit at a line's end", () => {
    expect(isBoilerplate("Kim Jong Un arrives at the station in Vladivostok. REUTERS/Kim Kyung-Hoon")).toBe(true);
    expect(isBoilerplate("Rescue workers search the rubble in Antakya (Photo: Umit Bektas)")).toBe(true);
    expect(isBoilerplate(PROSE)).toBe(false);
  });

  it("read a 200 KB line of 'AP/a ' once (every 'AP' rescanned the rest of the line)", () => {
    const line = `${"AP/a ".repeat(40_000)}1`;
    expect(isBoilerplate(line)).toBe(false);
    expect(summarise({ body: `${line}\n\n${PROSE}`, maxChars: 400 })).toBe(PROSE);
  });

  it("summarise a 5 MiB single line from its start", () => {
    const line = `${PROSE} ${"Talks went on into the night and nobody left the room. ".repeat(95_000)}`;
    expect(line.length).toBeGreaterThan(5_000_000);
    expect(summarise({ body: line, maxChars: 200 })).toBe(
      `${PROSE} Talks went on into the night and nobody left the room.`,
    );
  });

  it("cut a long standfirst at the same sentence as before", () => {
    const text = `${PROSE}\n\n${"One more sentence here.   ".repeat(100_000)}`;
    expect(cutAtSentence(text, 150)).toBe(`${PROSE} One more sentence here. One more sentence here.`);
  });

  it("see a teaser's ending after a run of 200,000 ellipses", () => {
    expect(isTeaser(`${PROSE} Read more…`)).toBe(true);
    expect(isTeaser(`${PROSE} ${"…".repeat(200_000)}a.`)).toBe(false);
  });

  it("split sentences and keep initialisms and quoted questions apart as before", () => {
    expect(splitSentences("The U.S. Senate voted. He asked “why?” Then he left.")).toEqual([
      "The U.S. Senate voted.",
      "He asked “why?”",
      "Then he left.",
    ]);
    expect(splitSentences("“Where is the money?” Johnson asked.")).toEqual(["“Where is the money?” Johnson asked."]);
    const questions = 'Why?" Then '.repeat(20_000);
    expect(splitSentences(questions).length).toBeGreaterThan(1);
    expect(splitSentences(`${"A.B. ".repeat(20_000)}Senate`).join(" ")).toContain("Senate");
  });
});

describe("markup in feed titles, meta tags and posts", () => {
  it("reads an unclosed comment as text and a closed one as nothing, as before", () => {
    expect(htmlToLine("Budget <!-- draft --> approved")).toBe("Budget approved");
    expect(htmlToLine("Budget <!-- approved")).toBe("Budget <!-- approved");
    expect(htmlToLine("<!DOCTYPE x>Budget <!-- a > approved")).toBe("Budget approved");
  });

  it("reads 100,000 unclosed comments in one pass", () => {
    expect(htmlToLine(`Budget ${"<!--".repeat(100_000)}`)).toBe(`Budget ${"<!--".repeat(100_000)}`);
  });

  it("counts a post's visible length past a run of 200,000 stray '<'", () => {
    expect(visibleLength("<b>Kim</b> &amp; Putin")).toBe(11);
    expect(visibleLength(`${"<".repeat(200_000)}<b>x</b>`)).toBe(200_001);
  });

  it("reads a meta description of 200,000 stray '<'", () => {
    const page = `<html><head><meta name="description" content="${"&lt;".repeat(200_000)}b&gt;Summit"></head><body><p>${PROSE}</p></body></html>`;
    expect(extractArticle(page, "https://news.example.com/a").description).toBe(`${"<".repeat(199_999)} Summit`);
  });

  it("turns 50,000 nested elements of a feed item into text without overflowing the stack", () => {
    expect(htmlToText(`${"<div>".repeat(50_000)}Deep${"</div>".repeat(50_000)}`)).toBe("Deep");
    expect(htmlToText("<p>Kim <b>to</b> visit</p><p>Russia<br>today</p><table><tr><td>a</td><td>b</td></tr></table>")).toBe(
      "Kim to visit\n\nRussia\ntoday\n\na b",
    );
  });

  it("strips a site name from a title of 20,000 ' - BBC' segments once", () => {
    expect(cleanHeadline("Kim to visit Russia for summit - BBC News", { siteName: "BBC News" })).toBe("Kim to visit Russia for summit");
    expect(cleanHeadline(`Kim to visit Russia for summit${" - BBC".repeat(20_000)}`, { siteName: "BBC" })).toBe(
      "Kim to visit Russia for summit",
    );
  });
});
