import { describe, expect, it } from "vitest";

import { cleanHeadline } from "../../../src/ingest/extract/clean-headline.js";
import { extractArticle } from "../../../src/ingest/extract/extract-article.js";

const URL_ = "https://news.example.com/asia/kim-visits-russia";
const PARAGRAPHS = [
  "SEOUL – North Korean leader Kim Jong Un will soon visit Russia to meet President Vladimir Putin, the two countries confirmed on Monday.",
  "Mr Kim will visit Russia in the coming days at the invitation of Mr Putin, the Kremlin said, while state media said the two would meet and talk.",
  "Analysts say North Korea has huge supplies of artillery shells, rockets and small-arms ammunition that could help Russia replenish its stocks.",
  "The US and South Korea have expressed concern over the possibility of greater military cooperation and a potential arms deal.",
];

function page({ head = "", before = "", after = "", htmlAttrs = "" } = {}): string {
  return `<!DOCTYPE html><html ${htmlAttrs}><head><title>Kim to visit Russia | The Example Times</title>${head}</head>
<body><header><div class="masthead">Saturday, May 18, 2024</div><nav><a href="/">Home</a></nav></header>
<main><article><h1>Kim to visit Russia</h1>${before}
${PARAGRAPHS.map((p) => `<p>${p}</p>`).join("\n")}
${after}</article></main><footer>© 2024 Example Times</footer></body></html>`;
}

describe("extracting an article page", () => {
  it("strips the site name from the headline", () => {
    expect(extractArticle(page(), URL_).headline).toBe("Kim to visit Russia");
    expect(cleanHeadline("Kim to visit Russia  -  BBC News", { siteName: "BBC News" })).toBe("Kim to visit Russia");
    expect(cleanHeadline("The Straits Times | Kim to visit Russia for summit", { pageUrl: "https://www.straitstimes.com/x" })).toBe(
      "Kim to visit Russia for summit",
    );
    expect(cleanHeadline("Opinion: why the summit matters")).toBe("Opinion: why the summit matters");
  });

  it("keeps paragraphs apart and leaves the headline out of the body", () => {
    const { body } = extractArticle(page(), URL_);
    expect(body).toBe(PARAGRAPHS.join("\n\n"));
  });

  it("takes the canonical link, else og:url, made absolute", () => {
    expect(extractArticle(page({ head: '<link rel="canonical" href="/asia/kim">' }), URL_).canonicalUrl).toBe(
      "https://news.example.com/asia/kim",
    );
    expect(extractArticle(page({ head: '<meta property="og:url" content="https://news.example.com/k">' }), URL_).canonicalUrl).toBe(
      "https://news.example.com/k",
    );
    expect(extractArticle(page(), URL_).canonicalUrl).toBeNull();
  });

  it("reads JSON-LD dates, from @graph and from arrays", () => {
    const graph = `<script type="application/ld+json">{"@context":"https://schema.org","@graph":[{"@type":"WebSite","name":"X"},
      {"@type":"NewsArticle","datePublished":"2023-09-11T08:12:00+08:00","dateModified":"2023-09-11T10:00:00Z","articleSection":"Asia"}]}</script>`;
    const article = extractArticle(page({ head: graph }), URL_);
    expect(article.publishedAt?.toISOString()).toBe("2023-09-11T00:12:00.000Z");
    expect(article.modifiedAt?.toISOString()).toBe("2023-09-11T10:00:00.000Z");
    expect(article.section).toBe("Asia");

    const list = `<script type="application/ld+json">[{"@type":"BreadcrumbList","itemListElement":[]},
      {"@type":["ReportageNewsArticle"],"datePublished":"2023-09-12"}]</script>`;
    expect(extractArticle(page({ head: list }), URL_).publishedAt?.toISOString()).toBe("2023-09-12T00:00:00.000Z");
  });

  it("reads article:published_time, treating a zone-less time as UTC", () => {
    const head = '<meta property="article:published_time" content="2023-09-11T08:12:00">';
    expect(extractArticle(page({ head }), URL_).publishedAt?.toISOString()).toBe("2023-09-11T08:12:00.000Z");
  });

  it("reads <time datetime> inside the article", () => {
    const before = '<time datetime="2023-09-11T08:12:00Z">11 Sep</time>';
    expect(extractArticle(page({ before }), URL_).publishedAt?.toISOString()).toBe("2023-09-11T08:12:00.000Z");
  });

  it("reads a visible byline date and never the masthead's date of today", () => {
    const before = '<div class="story-meta">Published Sep 11, 2023, 08:12 AM</div>';
    const article = extractArticle(page({ before }), URL_);
    expect(article.publishedAt?.toISOString()).toBe("2023-09-11T08:12:00.000Z");
    expect(article.body).not.toContain("Published");
    expect(extractArticle(page(), URL_).publishedAt).toBeNull();
  });

  it("takes the section from breadcrumbs", () => {
    const before = '<ol class="breadcrumbs"><li><a href="/">Home</a></li><li><a href="/asia">Asia</a></li></ol>';
    const article = extractArticle(page({ before }), URL_);
    expect(article.section).toBe("Asia");
    expect(article.body.startsWith("SEOUL")).toBe(true);
  });

  it("makes og:image absolute and reads language, author and description", () => {
    const head = `<meta property="og:image" content="/img/kim.jpg"><meta name="author" content="Jane Smith">
      <meta name="description" content="Kim &amp; Putin to  meet.">`;
    const article = extractArticle(page({ head, htmlAttrs: 'lang="en_SG"' }), URL_);
    expect(article.imageUrl).toBe("https://news.example.com/img/kim.jpg");
    expect(article.language).toBe("en-SG");
    expect(article.author).toBe("Jane Smith");
    expect(article.description).toBe("Kim & Putin to meet.");
    expect(extractArticle(page({ head: '<meta property="og:locale" content="fr_FR">' }), URL_).language).toBe("fr-FR");
  });

  it("leaves captions, credits, share rows, promos, ads and related links out of the body", () => {
    const before = `<figure><img src="a.jpg"><figcaption>Mr Kim in Pyongyang. PHOTO: AFP</figcaption></figure>
      <ul class="share-tools"><li>Share</li><li>Tweet</li></ul><div class="ad-slot">Advertisement</div>`;
    const after = `<p>Join our Telegram channel for the latest news.</p><p>Sign up for our newsletter</p>
      <h3>More On This Topic</h3><ul><li><a href="/a">Why Kim may meet Putin</a></li><li><a href="/b">Kim, Putin exchange letters</a></li></ul>
      <style>p.promo:before { display: inline-block; }</style><p>- Advertisment -</p><div class="most-popular"><h3>Most Popular</h3></div>`;
    const { body } = extractArticle(page({ before, after }), URL_);
    expect(body).toBe(PARAGRAPHS.join("\n\n"));
  });

  it("keeps a wrapper named like a widget when it holds the page, even after its menu is removed", () => {
    // A site-wide "overlay" wrapper: its navigation alone is removed first, which must not make
    // the wrapper look small enough to be a widget itself.
    const menu = Array.from({ length: 60 }, (_, i) => `<li><a href="/s/${i}">Section number ${i}</a></li>`).join("");
    const html = `<html><head><title>Kim to visit Russia</title></head><body><div id="site_overlay" class="page-overlay">
      <nav><ul>${menu}</ul></nav><div class="story">${PARAGRAPHS.map((p) => `<p>${p}</p>`).join("\n")}</div></div></body></html>`;
    expect(extractArticle(html, URL_).body).toBe(PARAGRAPHS.join("\n\n"));
  });

  it("never throws on garbage and returns an empty body", () => {
    for (const garbage of ["", "   ", "<<<>>>", "\u0000\u0001binary", "<html><body></body></html>", "<div>".repeat(5000), "not html at all"]) {
      const article = extractArticle(garbage, "not a url");
      expect(typeof article.body).toBe("string");
      expect(article.publishedAt).toBeNull();
    }
    expect(extractArticle("<html><body></body></html>", URL_).body).toBe("");
  });
});
