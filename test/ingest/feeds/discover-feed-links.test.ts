import { describe, expect, it } from "vitest";

import { discoverFeedLinks } from "../../../src/ingest/feeds/discover-feed-links.js";

describe("the feeds a web page declares", () => {
  it("finds RSS, Atom and JSON Feed alternates in document order, resolving relative links against the page", () => {
    const html = `<!doctype html><html><head>
      <link rel="alternate" type="application/rss+xml" title="  All
        stories " href="/feeds/all.xml#top">
      <link rel="alternate feed" type="application/atom+xml; charset=utf-8" href="sport.atom" title="Sport">
      <link rel="Alternate" type="Application/Feed+JSON" href="https://cdn.example.net/world.json">
    </head><body></body></html>`;
    expect(discoverFeedLinks(html, "https://paper.example.com/news/index.html")).toEqual([
      { url: "https://paper.example.com/feeds/all.xml", title: "All stories" },
      { url: "https://paper.example.com/news/sport.atom", title: "Sport" },
      { url: "https://cdn.example.net/world.json", title: null },
    ]);
  });

  it("resolves against <base href> when the page has one, and lists each feed once", () => {
    const html = `<html><head><base href="https://static.example.com/en/">
      <link rel="alternate" type="application/rss+xml" href="rss.xml">
      <link rel="alternate" type="application/rss+xml" href="https://static.example.com/en/rss.xml"></head></html>`;
    expect(discoverFeedLinks(html, "https://www.example.com/")).toEqual([{ url: "https://static.example.com/en/rss.xml", title: null }]);
  });

  it("ignores links in comments, other rels and types, translations and non-web addresses", () => {
    const html = `<html><head>
      <!-- <link rel="alternate" type="application/rss+xml" href="/old.xml"> -->
      <link rel="alternate" hreflang="fr" href="/fr/">
      <link rel="alternate" type="text/html" href="/amp/">
      <link rel="stylesheet" type="application/rss+xml" href="/not-a-feed.xml">
      <link rel="alternate" type="application/rss+xml" href="javascript:alert(1)">
      <link rel="alternate" type="application/rss+xml" href="ftp://files.example.com/feed.xml">
      <link rel="alternate" type="application/rss+xml">
    </head></html>`;
    expect(discoverFeedLinks(html, "https://www.example.com/")).toEqual([]);
  });

  it("finds nothing in a document that is not HTML", () => {
    expect(discoverFeedLinks("", "https://www.example.com/")).toEqual([]);
    expect(discoverFeedLinks('{"items": []}', "https://www.example.com/")).toEqual([]);
  });
});
