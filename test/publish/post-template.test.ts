import { describe, expect, it } from "vitest";

import { defaultPostTemplateText, parsePostTemplate, renderPostTemplate, type PostTemplate, type PostValues } from "../../src/publish/post-template.js";
import { visibleLength } from "../../src/publish/telegram-html.js";

const values: PostValues = {
  headline: "Ferry <line> links the islands & the mainland",
  summary: "The harbour authority confirmed the ferry line. It starts next spring.",
  link: "https://news.example.com/ferry?a=1&b=2",
  source: "Island Times",
  hashtags: "#islands #transport",
  marker: "",
};

function template(text: string): PostTemplate {
  const parsed = parsePostTemplate(text);
  if (!parsed.ok) throw new Error(parsed.error);
  return parsed.template;
}

describe("POST_TEMPLATE", () => {
  it("lays out the default post with every value escaped", () => {
    expect(renderPostTemplate(template(defaultPostTemplateText("Read more")), values, 4096)).toBe(
      "<b>Ferry &lt;line&gt; links the islands &amp; the mainland</b>\n\n" +
        "The harbour authority confirmed the ferry line. It starts next spring.\n\n" +
        '<a href="https://news.example.com/ferry?a=1&amp;b=2">Read more</a> · Island Times\n\n' +
        "#islands #transport",
    );
  });

  it("marks breaking news and leaves no blank lines where values are empty", () => {
    expect(renderPostTemplate(template(defaultPostTemplateText("Read more")), { ...values, summary: "", hashtags: "", marker: "🔴 " }, 4096)).toBe(
      '🔴 <b>Ferry &lt;line&gt; links the islands &amp; the mainland</b>\n\n<a href="https://news.example.com/ferry?a=1&amp;b=2">Read more</a> · Island Times',
    );
  });

  it("takes an operator's layout, with \\n for line breaks", () => {
    const own = template('{marker}{headline}\\n<i>{source}</i>: {summary}\\n<a href="{link}">→</a> {hashtags}');
    expect(renderPostTemplate(own, values, 4096)).toBe(
      "Ferry &lt;line&gt; links the islands &amp; the mainland\n<i>Island Times</i>: The harbour authority confirmed the ferry line. It starts next spring.\n" +
        '<a href="https://news.example.com/ferry?a=1&amp;b=2">→</a> #islands #transport',
    );
  });

  it("shortens only the summary to fit a photo's caption, at a sentence or word", () => {
    const long = { ...values, summary: "A sentence of news about the islands. ".repeat(60) };
    const caption = renderPostTemplate(template(defaultPostTemplateText("Read more")), long, 1024);
    expect(visibleLength(caption)).toBeLessThanOrEqual(1024);
    expect(caption).toMatch(/^<b>Ferry &lt;line&gt; links the islands &amp; the mainland<\/b>\n\n(A sentence of news about the islands\. )+A sentence of news about the islands\.\n\n<a href=/);
    expect(caption.endsWith('">Read more</a> · Island Times\n\n#islands #transport')).toBe(true);
  });

  it("refuses unknown placeholders and markup Telegram would reject, naming POST_TEMPLATE", () => {
    const refusals: [string, string][] = [
      ["{title} {link}", "POST_TEMPLATE has an unknown placeholder {title}: use {headline}, {summary}, {link}, {source}, {hashtags}, {marker}"],
      ["{link}", "POST_TEMPLATE must contain {headline}"],
      ["<b>{headline}</b>", "POST_TEMPLATE must contain {link}"],
      ["<b>{headline} {link}", "POST_TEMPLATE leaves <b> open"],
      ["<b>{headline}</i> {link}", "POST_TEMPLATE closes </i> that is not the innermost open tag"],
      ["<h1>{headline}</h1> {link}", "POST_TEMPLATE uses <h1>, which Telegram does not support (use b, i, u, s, a, code, pre, blockquote, tg-spoiler)"],
      ['<a href="{link}" target="_blank">{headline}</a>', "POST_TEMPLATE gives <a> an attribute Telegram ignores: target"],
      ["{headline} & more {link}", 'POST_TEMPLATE has a bare "&": write &amp;'],
      ["{headline} <3 {link}", 'POST_TEMPLATE has a "<" that opens no tag: write &lt;'],
      ["<b onclick=\"x\">{headline}</b> {link}", "POST_TEMPLATE gives <b> an attribute Telegram ignores: onclick"],
    ];
    for (const [text, error] of refusals) expect(parsePostTemplate(text), text).toEqual({ ok: false, error });
  });
});
