import { describe, expect, it } from "vitest";

import { FeedParseError, parseFeed } from "../../../src/ingest/feeds/parse-feed.js";

const feedUrl = "https://news.example/feeds/main.xml";

function parseError(text: string): FeedParseError {
  try {
    parseFeed(text, feedUrl);
  } catch (error) {
    expect(error).toBeInstanceOf(FeedParseError);
    return error as FeedParseError;
  }
  throw new Error("expected parseFeed to fail");
}

const rss2 = `<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0"
  xmlns:content="http://purl.org/rss/1.0/modules/content/"
  xmlns:media="http://search.yahoo.com/mrss/"
  xmlns:dc="http://purl.org/dc/elements/1.1/"
  xmlns:itunes="http://www.itunes.com/dtds/podcast-1.0.dtd">
  <channel>
    <title>The Daily &amp; Nightly</title>
    <link>https://news.example/</link>
    <description>All the news</description>
    <item>
      <title><![CDATA[<b>Big</b> &amp; <i>bold</i>]]></title>
      <link>/2023/09/big-story</link>
      <guid isPermaLink="false">story-1</guid>
      <description>&lt;p&gt;The &lt;em&gt;short&lt;/em&gt; version.&lt;/p&gt;</description>
      <content:encoded><![CDATA[<p>The long version, with <a href="/more">a link</a>.</p>]]></content:encoded>
      <media:content url="https://img.example/big.jpg" medium="image" type="image/jpeg" width="1200"/>
      <media:thumbnail url="/thumbs/big.jpg"/>
      <category>World</category>
      <category domain="https://news.example/tags">Politics</category>
      <category>World</category>
      <dc:creator>Jane Doe</dc:creator>
      <pubDate>Mon, 11 Sep 2023 08:12:00 EDT</pubDate>
    </item>
    <item>
      <title>Only a thumbnail</title>
      <link>https://news.example/thumb</link>
      <media:thumbnail url="/thumbs/only.jpg"/>
      <dc:date>2023-09-11T08:12:00Z</dc:date>
      <author>desk@news.example (The Desk)</author>
    </item>
    <item>
      <title>An image enclosure</title>
      <guid>https://news.example/permalink-only</guid>
      <enclosure url="https://news.example/audio.mp3" type="audio/mpeg" length="100"/>
      <enclosure url="/photo.png" type="image/png" length="100"/>
    </item>
    <item>
      <title>Podcast art</title>
      <link>https://news.example/podcast</link>
      <itunes:image href="https://news.example/art.jpg"/>
      <pubDate>2023-09-11 08:12:00</pubDate>
    </item>
    <item>
      <description>An item with neither title, link nor date.</description>
    </item>
  </channel>
</rss>`;

describe("RSS 2.0", () => {
  const feed = parseFeed(rss2, feedUrl);

  it("reads the channel", () => {
    expect(feed).toMatchObject({ format: "rss", title: "The Daily & Nightly", link: "https://news.example/" });
    expect(feed.items).toHaveLength(5);
  });

  it("reads a fully loaded item", () => {
    expect(feed.items[0]).toEqual({
      guid: "story-1",
      link: "https://news.example/2023/09/big-story",
      title: "Big & bold",
      descriptionHtml: "<p>The <em>short</em> version.</p>",
      contentHtml: '<p>The long version, with <a href="/more">a link</a>.</p>',
      publishedAt: new Date("2023-09-11T12:12:00Z"),
      author: "Jane Doe",
      categories: ["World", "Politics"],
      imageUrl: "https://img.example/big.jpg",
    });
  });

  it("falls back to the thumbnail, dc:date and the RSS author name", () => {
    expect(feed.items[1]).toMatchObject({
      imageUrl: "https://news.example/thumbs/only.jpg",
      publishedAt: new Date("2023-09-11T08:12:00Z"),
      author: "The Desk",
      guid: null,
    });
  });

  it("takes a permalink guid as the link and an image enclosure as the image", () => {
    expect(feed.items[2]).toMatchObject({
      guid: "https://news.example/permalink-only",
      link: "https://news.example/permalink-only",
      imageUrl: "https://news.example/photo.png",
      publishedAt: null,
    });
  });

  it("uses itunes:image and reads SQL-style dates as UTC", () => {
    expect(feed.items[3]).toMatchObject({
      imageUrl: "https://news.example/art.jpg",
      publishedAt: new Date("2023-09-11T08:12:00Z"),
    });
  });

  it("keeps an item with no title, link or date", () => {
    expect(feed.items[4]).toEqual({
      guid: null,
      link: null,
      title: "",
      descriptionHtml: "An item with neither title, link nor date.",
      contentHtml: null,
      publishedAt: null,
      author: null,
      categories: [],
      imageUrl: null,
    });
  });
});

describe("titles", () => {
  function titleOf(rawTitle: string): string {
    const xml = `<rss version="2.0"><channel><title>t</title><item><title>${rawTitle}</title></item></channel></rss>`;
    return parseFeed(xml, feedUrl).items[0]!.title;
  }

  it("turns an escaped HTML title into plain text", () => {
    expect(titleOf("&lt;b&gt;Big&lt;/b&gt; &amp;amp; &lt;i&gt;bold&lt;/i&gt;")).toBe("Big & bold");
  });

  it("turns a title with raw tags into plain text", () => {
    expect(titleOf("<b>Big</b> &amp; <i>bold</i>")).toBe("Big & bold");
  });

  it("decodes entities and collapses whitespace", () => {
    expect(titleOf("  Caf&#233;\n\n   &#8220;open&#8221;&nbsp; late ")).toBe("Café “open” late");
  });

  it("keeps a less-than sign that is not a tag", () => {
    expect(titleOf("Rates &lt; 2% for the first time")).toBe("Rates < 2% for the first time");
  });
});

describe("RSS 1.0 (RDF)", () => {
  const rdf = `<?xml version="1.0"?>
<rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#" xmlns="http://purl.org/rss/1.0/"
  xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:content="http://purl.org/rss/1.0/modules/content/">
  <channel rdf:about="https://rdf.example/">
    <title>RDF News</title><link>https://rdf.example/</link><description>d</description>
  </channel>
  <item rdf:about="https://rdf.example/1">
    <title>First</title><link>https://rdf.example/1</link>
    <description>Summary</description>
    <content:encoded><![CDATA[<p>Body</p>]]></content:encoded>
    <dc:date>2023-09-11T08:12:00+02:00</dc:date><dc:creator>Bob</dc:creator><dc:subject>Science</dc:subject>
  </item>
</rdf:RDF>`;

  it("reads channel and items, with rdf:about as the GUID", () => {
    const feed = parseFeed(rdf, feedUrl);
    expect(feed).toMatchObject({ format: "rdf", title: "RDF News", link: "https://rdf.example/" });
    expect(feed.items).toEqual([
      {
        guid: "https://rdf.example/1",
        link: "https://rdf.example/1",
        title: "First",
        descriptionHtml: "Summary",
        contentHtml: "<p>Body</p>",
        publishedAt: new Date("2023-09-11T06:12:00Z"),
        author: "Bob",
        categories: ["Science"],
        imageUrl: null,
      },
    ]);
  });
});

describe("RSS 0.91", () => {
  const rss091 = `<?xml version="1.0" encoding="ISO-8859-1"?>
<!DOCTYPE rss PUBLIC "-//Netscape Communications//DTD RSS 0.91//EN" "http://my.netscape.com/publish/formats/rss-0.91.dtd">
<rss version="0.91"><channel><title>Old School</title><link>http://old.example/</link><description>d</description><language>en-us</language>
<item><title>Still here</title><link>http://old.example/still-here</link><description>Since 1999</description></item>
</channel></rss>`;

  it("reads items without touching the external DTD", () => {
    const feed = parseFeed(rss091, feedUrl);
    expect(feed).toMatchObject({ format: "rss", title: "Old School" });
    expect(feed.items).toEqual([
      expect.objectContaining({ title: "Still here", link: "http://old.example/still-here", descriptionHtml: "Since 1999" }),
    ]);
  });
});

describe("Atom 1.0", () => {
  const atom = `<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom" xmlns:media="http://search.yahoo.com/mrss/" xml:base="https://blog.example/base/">
  <title type="html">Tips &amp;amp; Tricks</title>
  <link href="/"/>
  <link rel="self" href="https://blog.example/feed.xml"/>
  <id>urn:uuid:feed</id><updated>2023-09-11T08:12:00Z</updated>
  <entry xml:base="posts/">
    <title type="xhtml"><div xmlns="http://www.w3.org/1999/xhtml">Going <b>faster</b></div></title>
    <link rel="alternate" type="text/html" href="faster.html"/>
    <link rel="enclosure" type="image/png" href="faster.png"/>
    <id>urn:uuid:1</id>
    <published>2023-09-10T10:00:00+02:00</published>
    <updated>2023-09-11T08:12:00Z</updated>
    <author><name>Ann Author</name></author>
    <category term="perf" label="Performance"/>
    <category term="js"/>
    <summary type="html">&lt;p&gt;Short&lt;/p&gt;</summary>
    <content type="html">&lt;p&gt;Long&lt;/p&gt;</content>
  </entry>
  <entry>
    <title>A &lt;tag&gt; in plain text</title>
    <link href="/absolute-path"/>
    <id>urn:uuid:2</id>
    <updated>2023-09-11T08:12:00Z</updated>
    <summary>Plain &amp; simple</summary>
    <media:thumbnail url="thumb.jpg"/>
  </entry>
  <entry>
    <title>No base, no date</title>
    <id>urn:uuid:3</id>
    <updated>last tuesday</updated>
  </entry>
</feed>`;

  const feed = parseFeed(atom, feedUrl);

  it("reads the feed, resolving links against xml:base", () => {
    expect(feed).toMatchObject({ format: "atom", title: "Tips & Tricks", link: "https://blog.example/" });
  });

  it("resolves entry links through nested xml:base", () => {
    expect(feed.items[0]).toEqual({
      guid: "urn:uuid:1",
      link: "https://blog.example/base/posts/faster.html",
      title: "Going faster",
      descriptionHtml: "<p>Short</p>",
      contentHtml: "<p>Long</p>",
      publishedAt: new Date("2023-09-10T08:00:00Z"),
      author: "Ann Author",
      categories: ["Performance", "js"],
      imageUrl: "https://blog.example/base/posts/faster.png",
    });
  });

  it("keeps plain-text titles literal and escapes plain-text summaries", () => {
    expect(feed.items[1]).toMatchObject({
      title: "A <tag> in plain text",
      link: "https://blog.example/absolute-path",
      descriptionHtml: "Plain &amp; simple",
      publishedAt: new Date("2023-09-11T08:12:00Z"),
      imageUrl: "https://blog.example/base/thumb.jpg",
    });
  });

  it("gives a null date when updated is unreadable", () => {
    expect(feed.items[2]).toMatchObject({ link: null, publishedAt: null });
  });

  it("resolves relative links against the feed URL when there is no xml:base", () => {
    const plain = `<feed xmlns="http://www.w3.org/2005/Atom"><title>x</title><id>f</id><updated>2023-09-11T08:12:00Z</updated>
      <entry><title>e</title><id>e1</id><updated>2023-09-11T08:12:00Z</updated><link href="../posts/e1"/></entry></feed>`;
    expect(parseFeed(plain, feedUrl).items[0]!.link).toBe("https://news.example/posts/e1");
  });
});

describe("JSON Feed 1.1", () => {
  const json = JSON.stringify({
    version: "https://jsonfeed.org/version/1.1",
    title: "JSON News",
    home_page_url: "https://json.example/",
    feed_url: "https://json.example/feed.json",
    items: [
      {
        id: "1",
        url: "/posts/1",
        title: "Hello &amp; welcome",
        content_html: "<p>Hi</p>",
        summary: "A <summary>",
        image: "/img/1.jpg",
        date_published: "2023-09-11T08:12:00Z",
        authors: [{ name: "Zed" }],
        tags: ["intro", "news"],
      },
      { id: 2, content_text: "Just text & more", external_url: "https://elsewhere.example/2" },
    ],
  });

  it("reads items, escaping plain-text content", () => {
    const feed = parseFeed(json, "https://json.example/feed.json");
    expect(feed).toMatchObject({ format: "json", title: "JSON News", link: "https://json.example/" });
    expect(feed.items[0]).toEqual({
      guid: "1",
      link: "https://json.example/posts/1",
      title: "Hello & welcome",
      descriptionHtml: "A &lt;summary&gt;",
      contentHtml: "<p>Hi</p>",
      publishedAt: new Date("2023-09-11T08:12:00Z"),
      author: "Zed",
      categories: ["intro", "news"],
      imageUrl: "https://json.example/img/1.jpg",
    });
    expect(feed.items[1]).toMatchObject({
      link: "https://elsewhere.example/2",
      contentHtml: "Just text &amp; more",
      title: "",
    });
  });
});

describe("what parseFeed leaves to the caller", () => {
  it("returns duplicate GUIDs and future dates as they are", () => {
    const xml = `<rss version="2.0"><channel><title>t</title>
      <item><title>a</title><guid>same</guid><pubDate>Sat, 01 Jan 2螺 00:00:00 GMT</pubDate></item>
      <item><title>b</title><guid>same</guid><pubDate>Fri, 01 Jan 2100 00:00:00 GMT</pubDate></item>
    </channel></rss>`;
    const feed = parseFeed(xml, feedUrl);
    expect(feed.items.map((item) => item.guid)).toEqual(["same", "same"]);
    expect(feed.items[0]!.publishedAt).toBeNull();
    expect(feed.items[1]!.publishedAt).toEqual(new Date("2100-01-01T00:00:00Z"));
  });

  it("drops links that are not http(s)", () => {
    const xml = `<rss version="2.0"><channel><title>t</title><item><title>x</title><link>javascript:alert(1)</link></item></channel></rss>`;
    expect(parseFeed(xml, feedUrl).items[0]!.link).toBeNull();
  });
});

describe("bad input", () => {
  it("rejects an empty body", () => {
    expect(parseError("").message).toBe("the document is empty");
    expect(parseError("  \n\t ").message).toBe("the document is empty");
  });

  it("rejects an HTML page served as a feed", () => {
    expect(parseError("<!DOCTYPE html><html><head><title>Home</title></head><body>hi</body></html>").message).toBe(
      "the document is HTML, not a feed",
    );
    expect(parseError("<html lang=en><body><p>Welcome</p></body></html>").message).toBe("the document is HTML, not a feed");
  });

  it("rejects malformed XML", () => {
    const error = parseError(`<rss version="2.0"><channel><title>t</title><item><title>cut off`);
    expect(error.message).toMatch(/^the feed is malformed XML/);
    expect(parseError(`<rss version="2.0"><channel><title>t</oops></channel></rss>`).message).toMatch(/malformed XML/);
  });

  it("rejects malformed JSON and JSON that is not a feed", () => {
    expect(parseError('{"version": "https://jsonfeed.org/version/1.1", "items": [').message).toBe("the document is malformed JSON");
    expect(parseError('{"hello": "world"}').message).toBe("the JSON document is not a JSON Feed");
  });

  it("rejects text that is no feed at all", () => {
    expect(parseError("just some words").message).toMatch(/not a recognised feed/);
  });

  it("refuses a billion-laughs entity bomb before expanding it", () => {
    const levels = Array.from({ length: 9 }, (_, index) => {
      const name = `lol${index + 1}`;
      const previous = index === 0 ? "lol" : `lol${index}`;
      return `<!ENTITY ${name} "${`&${previous};`.repeat(10)}">`;
    }).join("");
    const bomb = `<?xml version="1.0"?><!DOCTYPE rss [<!ENTITY lol "lol">${levels}]>
<rss version="2.0"><channel><title>&lol9;</title><item><title>&lol9;</title><description>&lol9;</description></item></channel></rss>`;
    expect(parseError(bomb).message).toBe("the feed declares XML entities (<!ENTITY>), which is refused as unsafe");
  });

  it("reads a feed whose prolog is a long run of comments and processing instructions", () => {
    // Before each comment was matched only up to its own end, 60 comments took longer than the
    // age of the universe to classify; this test then never finishes.
    const prolog = `<?xml version="1.0"?>${"<!-- c -->".repeat(60)}${"<?x y?>".repeat(60)}`;
    const feed = parseFeed(`${prolog}<rss version="2.0"><channel><title>t</title><item><title>Kept</title></item></channel></rss>`, feedUrl);
    expect(feed.items.map((item) => item.title)).toEqual(["Kept"]);
    expect(parseError(`${"<!-- c -->".repeat(60)}<!DOCTYPE html><html><body>hi</body></html>`).message).toBe("the document is HTML, not a feed");
  });

  it("survives absurdly deep nesting without crashing", () => {
    const deep = `<rss version="2.0"><channel><title>t</title><item><title>${"<b>".repeat(100_000)}x</title></item></channel></rss>`;
    expect(parseFeed(deep, feedUrl).items.map((item) => item.title)).toEqual(["x"]);
  });
});
