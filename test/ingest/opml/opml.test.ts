import { describe, expect, it } from "vitest";

import { type OpmlFeed, OpmlError, buildOpml, parseOpml } from "../../../src/ingest/opml/opml.js";

const feedlyExport = `<?xml version="1.0" encoding="UTF-8"?>
<opml version="1.0">
  <head><title>Desk subscriptions</title></head>
  <body>
    <outline text="World" title="World">
      <outline type="rss" text="BBC News - World" title="BBC News - World" xmlUrl="https://feeds.bbci.co.uk/news/world/rss.xml" htmlUrl="https://www.bbc.co.uk/news"/>
      <outline text="Asia">
        <outline type="rss" text="NK News" xmlUrl="https://www.nknews.org/feed/"/>
      </outline>
    </outline>
    <outline type="rss" text="Loose feed" xmlUrl="https://example.com/rss"/>
    <outline text="A note without a feed"/>
  </body>
</opml>`;

describe("parseOpml", () => {
  it("reads a feed reader's export, turning folders into topics", () => {
    expect(parseOpml(feedlyExport)).toEqual([
      { url: "https://feeds.bbci.co.uk/news/world/rss.xml", title: "BBC News - World", topic: "world" },
      { url: "https://www.nknews.org/feed/", title: "NK News", topic: "asia" },
      { url: "https://example.com/rss", title: "Loose feed", topic: null },
    ]);
  });

  it("prefers an OPML 2.0 category over the folder, taking its most specific step", () => {
    const xml = `<opml version="2.0"><head/><body><outline text="Folder">
      <outline text="A" xmlUrl="https://a.example/feed" category="/News/North Korea,/Tags/Asia"/>
      <outline text="B" xmlUrl="https://b.example/feed" category=""/>
    </outline></body></opml>`;
    expect(parseOpml(xml)).toEqual([
      { url: "https://a.example/feed", title: "A", topic: "north-korea" },
      { url: "https://b.example/feed", title: "B", topic: "folder" },
    ]);
  });

  it("accepts the xmlUrl attribute in any letter case and decodes entities", () => {
    const xml = `<opml version="1.1"><body>
      <outline TEXT="Caf&#233; &amp; Soci&#xE9;t&#233;" XMLURL="https://example.com/rss?a=1&amp;b=2"/>
      <outline text="x" xmlurl="https://example.com/other"/>
    </body></opml>`;
    expect(parseOpml(xml)).toEqual([
      { url: "https://example.com/rss?a=1&b=2", title: "Café & Société", topic: null },
      { url: "https://example.com/other", title: "x", topic: null },
    ]);
  });

  it("gives a null title when the outline has none, or only repeats the URL", () => {
    const xml = `<opml><body><outline xmlUrl="https://a.example/rss"/><outline text="https://b.example/rss" xmlUrl="https://b.example/rss"/></body></opml>`;
    expect(parseOpml(xml).map((feed) => feed.title)).toEqual([null, null]);
  });

  it("keeps a feed listed in two folders once, at its first place", () => {
    const xml = `<opml><body>
      <outline text="Asia"><outline text="NK" xmlUrl="https://nk.example/rss"/></outline>
      <outline text="Korea"><outline text="NK" xmlUrl="https://nk.example/rss"/></outline>
    </body></opml>`;
    expect(parseOpml(xml)).toEqual([{ url: "https://nk.example/rss", title: "NK", topic: "asia" }]);
  });

  it("reads an empty subscription list", () => {
    expect(parseOpml(`<opml version="2.0"><head><title>x</title></head><body></body></opml>`)).toEqual([]);
    expect(parseOpml(`<opml version="2.0"><body/></opml>`)).toEqual([]);
  });

  it("tolerates a byte-order mark and a plain DOCTYPE", () => {
    const xml = `\uFEFF<?xml version="1.0"?><!DOCTYPE opml><opml><body><outline text="a" xmlUrl="https://a.example/rss"/></body></opml>`;
    expect(parseOpml(xml)).toHaveLength(1);
  });

  it("reads folders nested as deep as any reader makes them", () => {
    const depth = 90;
    const xml = `<opml><body>${'<outline text="f">'.repeat(depth)}<outline text="deep" xmlUrl="https://deep.example/rss"/>${"</outline>".repeat(depth)}</body></opml>`;
    expect(parseOpml(xml)).toEqual([{ url: "https://deep.example/rss", title: "deep", topic: "f" }]);
  });

  describe("refuses input that is not a usable OPML document", () => {
    const refused = (xml: string): OpmlError => {
      try {
        parseOpml(xml);
      } catch (error) {
        expect(error).toBeInstanceOf(OpmlError);
        return error as OpmlError;
      }
      throw new Error("parseOpml accepted the input");
    };

    it("an empty file", () => {
      expect(refused("  \n").message).toMatch(/empty/);
    });

    it("HTML or plain text", () => {
      expect(refused("This is not XML").message).toMatch(/not well-formed XML/);
      expect(refused("<html><body><p>Hello<br></p></body></html>").message).toMatch(/not well-formed XML/);
    });

    it("a truncated download, saying where it broke", () => {
      expect(refused(`<opml>\n<body>\n<outline text="a" xmlUrl="https://a.example/rss">\n</body></opml>`).message).toMatch(
        /line \d+/,
      );
    });

    it("an RSS feed given where OPML was expected", () => {
      expect(refused(`<rss version="2.0"><channel><title>x</title></channel></rss>`).message).toBe(
        "Not an OPML document: the root element is <rss>, not <opml>.",
      );
    });

    it("an <opml> without a body", () => {
      expect(refused(`<opml version="2.0"><head/></opml>`).message).toMatch(/no <body>/);
    });

    it("a billion-laughs entity bomb, before expanding it", () => {
      const levels = Array.from({ length: 9 }, (_, i) => `<!ENTITY lol${i + 1} "${`&lol${i};`.repeat(10)}">`).join("");
      const bomb = `<?xml version="1.0"?><!DOCTYPE opml [<!ENTITY lol0 "lol">${levels}]><opml><body><outline text="&lol9;" xmlUrl="https://a.example/rss"/></body></opml>`;
      expect(refused(bomb).message).toBe("The OPML document declares XML entities (<!ENTITY>), which is refused as unsafe.");
    });

    it("outlines nested thousands deep", () => {
      const depth = 5000;
      const xml = `<opml><body>${"<outline text=\"f\">".repeat(depth)}${"</outline>".repeat(depth)}</body></opml>`;
      expect(refused(xml).message).toMatch(/nested more than 100 deep/);
    });

    it("an external-entity read", () => {
      const xxe = `<?xml version="1.0"?><!DOCTYPE opml [<!ENTITY xxe SYSTEM "file:///etc/passwd">]><opml><body><outline text="&xxe;" xmlUrl="https://a.example/rss"/></body></opml>`;
      expect(refused(xxe).message).toMatch(/entities/);
    });
  });
});

describe("buildOpml", () => {
  const feeds: OpmlFeed[] = [
    { url: "https://feeds.bbci.co.uk/news/world/rss.xml", title: "BBC News - World", topic: "world" },
    { url: "https://www.nknews.org/feed/", title: "NK News", topic: "north-korea" },
    { url: "https://example.com/rss?a=1&b=2", title: `Tom & Jerry's "<Daily>"`, topic: null },
    { url: "https://meduza.io/rss/all", title: "Медуза", topic: "россия" },
    { url: "https://untitled.example/rss", title: null, topic: "world" },
  ];

  it("round-trips through parseOpml, grouping feeds by topic", () => {
    const parsed = parseOpml(buildOpml(feeds));
    expect(parsed).toHaveLength(feeds.length);
    expect(new Set(parsed.map((feed) => JSON.stringify(feed)))).toEqual(new Set(feeds.map((feed) => JSON.stringify(feed))));
  });

  it("writes a valid OPML 2.0 document with one folder per topic, named for people", () => {
    const xml = buildOpml(feeds, "Newsroom feeds");
    expect(xml).toMatch(/^<\?xml version="1.0" encoding="UTF-8"\?>/);
    expect(xml).toContain('<opml version="2.0">');
    expect(xml).toContain("<title>Newsroom feeds</title>");
    expect(xml).toContain('<outline text="North Korea" title="North Korea">');
    expect(xml).toContain('category="/north-korea"');
    expect(xml.match(/<outline text="World"/g)).toHaveLength(1);
  });

  it("escapes attribute values", () => {
    const xml = buildOpml([{ url: "https://example.com/rss?a=1&b=2", title: `Tom & Jerry's "<Daily>"`, topic: null }]);
    expect(xml).toContain('xmlUrl="https://example.com/rss?a=1&amp;b=2"');
    expect(xml).toContain("Tom &amp; Jerry&apos;s &quot;&lt;Daily&gt;&quot;");
  });

  it("drops characters XML cannot carry and folds line breaks in titles", () => {
    const xml = buildOpml([{ url: "https://a.example/rss", title: "Bad\u0000 \u0007title\nwith break", topic: null }]);
    expect(parseOpml(xml)).toEqual([{ url: "https://a.example/rss", title: "Bad title with break", topic: null }]);
  });

  it("gives the same bytes for the same feeds", () => {
    expect(buildOpml(feeds)).toBe(buildOpml(feeds));
  });

  it("writes an empty list that still parses", () => {
    expect(parseOpml(buildOpml([]))).toEqual([]);
  });
});
