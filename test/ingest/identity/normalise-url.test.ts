import { describe, expect, it } from "vitest";

import { chooseCanonicalUrl, normaliseUrl } from "../../../src/ingest/identity/normalise-url.js";

describe("normaliseUrl", () => {
  it("stores a link shared with utm_source once, whatever the campaign", () => {
    const fromNewsletter = normaliseUrl("https://example.com/world/story-1?utm_source=newsletter&utm_medium=email");
    const fromTwitter = normaliseUrl("https://example.com/world/story-1?utm_source=twitter&utm_campaign=launch");
    expect(fromNewsletter).toBe("https://example.com/world/story-1");
    expect(fromTwitter).toBe(fromNewsletter);
  });

  it("drops tracking parameters written in any letter case", () => {
    expect(normaliseUrl("https://example.com/a?UTM_Source=x&FBCLID=1&GClid=2&MSCLKID=3&Mc_Cid=4&mc_eid=5")).toBe(
      "https://example.com/a",
    );
  });

  it("drops the click ids, newsletter ids and referrer markers news links pick up", () => {
    const url =
      "https://example.com/a?id=7&fbclid=a&gclid=b&dclid=c&yclid=d&igshid=e&_ga=f&cmpid=g&ocid=h" +
      "&__twitter_impression=true&at_medium=i&at_campaign=j&ref=rss&ref_src=twsrc&smid=tw-share&xtor=RSS-1";
    expect(normaliseUrl(url)).toBe("https://example.com/a?id=7");
  });

  it("drops ?ref= even where a site might mean something by it (the documented tradeoff)", () => {
    expect(normaliseUrl("https://shop.example.com/item?ref=ABC123")).toBe("https://shop.example.com/item");
  });

  it("keeps parameters that select the article, sorted so their order does not matter", () => {
    const a = normaliseUrl("https://example.com/view?story=42&page=2");
    const b = normaliseUrl("https://example.com/view?page=2&story=42&utm_source=x");
    expect(a).toBe("https://example.com/view?page=2&story=42");
    expect(b).toBe(a);
  });

  it("keeps repeated parameters in their original order and encoding", () => {
    expect(normaliseUrl("https://example.com/s?tag=b&q=a%20b&tag=a")).toBe("https://example.com/s?q=a%20b&tag=b&tag=a");
  });

  it("lower-cases scheme and host but leaves the path alone", () => {
    expect(normaliseUrl("HTTPS://WWW.Example.COM/World/Story")).toBe("https://www.example.com/World/Story");
    expect(normaliseUrl("https://example.com/world/")).toBe("https://example.com/world/");
  });

  it("drops default ports, fragments, credentials, a trailing host dot and an empty '?'", () => {
    expect(normaliseUrl("https://example.com:443/a#comments")).toBe("https://example.com/a");
    expect(normaliseUrl("http://example.com:80/a?")).toBe("http://example.com/a");
    expect(normaliseUrl("https://user:secret@example.com./a")).toBe("https://example.com/a");
    expect(normaliseUrl("https://example.com:8443/a")).toBe("https://example.com:8443/a");
  });

  it("treats percent-escapes written in either case as the same URL", () => {
    expect(normaliseUrl("https://example.com/soci%c3%a9t%C3%a9")).toBe("https://example.com/soci%C3%A9t%C3%A9");
    expect(normaliseUrl("https://example.com/société")).toBe("https://example.com/soci%C3%A9t%C3%A9");
  });

  it("gives international hosts in punycode", () => {
    expect(normaliseUrl("https://пример.рф/новости")).toBe(
      "https://xn--e1afmkfd.xn--p1ai/%D0%BD%D0%BE%D0%B2%D0%BE%D1%81%D1%82%D0%B8",
    );
  });

  it("refuses anything that is not an absolute http(s) URL", () => {
    for (const bad of ["", "   ", "/world/story", "example.com/story", "ftp://example.com/a", "javascript:alert(1)", "mailto:desk@example.com", "http://"]) {
      expect(normaliseUrl(bad)).toBeNull();
    }
  });

  it("tolerates surrounding whitespace from feeds", () => {
    expect(normaliseUrl("  https://example.com/a\n")).toBe("https://example.com/a");
  });
});

describe("chooseCanonicalUrl", () => {
  it("stores an AMP page under the article its canonical names", () => {
    expect(chooseCanonicalUrl("https://example.com/amp/world/story-1", "https://www.example.com/world/story-1")).toBe(
      "https://www.example.com/world/story-1",
    );
    expect(
      chooseCanonicalUrl("https://www.example.com/world/story-1?outputType=amp", "https://www.example.com/world/story-1"),
    ).toBe("https://www.example.com/world/story-1");
  });

  it("does not guess at AMP URLs when the page names no canonical", () => {
    expect(chooseCanonicalUrl("https://example.com/amp/world/story-1", null)).toBe("https://example.com/amp/world/story-1");
    expect(chooseCanonicalUrl("https://example.com/story-1?outputType=amp", null)).toBe(
      "https://example.com/story-1?outputType=amp",
    );
  });

  it("accepts a canonical on another host of the same site (www, amp, m)", () => {
    expect(chooseCanonicalUrl("https://amp.example.co.uk/s/1", "https://www.example.co.uk/s/1")).toBe(
      "https://www.example.co.uk/s/1",
    );
    expect(chooseCanonicalUrl("https://m.example.com/s/1", "https://example.com/s/1")).toBe("https://example.com/s/1");
  });

  it("ignores a canonical that claims another site's article", () => {
    expect(chooseCanonicalUrl("https://aggregator.example.net/s/1", "https://example.com/s/1")).toBe(
      "https://aggregator.example.net/s/1",
    );
  });

  it("treats two blogs on one hosting suffix as different sites", () => {
    expect(chooseCanonicalUrl("https://alice.github.io/post", "https://mallory.github.io/post")).toBe(
      "https://alice.github.io/post",
    );
  });

  it("resolves a relative canonical against the page", () => {
    expect(chooseCanonicalUrl("https://example.com/amp/story-1?utm_source=x", "/world/story-1")).toBe(
      "https://example.com/world/story-1",
    );
  });

  it("normalises both URLs, so tracking on the canonical does not leak into storage", () => {
    expect(chooseCanonicalUrl("https://example.com/a?fbclid=1", "https://example.com/a?utm_medium=social#top")).toBe(
      "https://example.com/a",
    );
  });

  it("ignores a canonical pointing at the home page, which would merge every story into one", () => {
    expect(chooseCanonicalUrl("https://example.com/world/story-1", "https://example.com/")).toBe(
      "https://example.com/world/story-1",
    );
  });

  it("falls back to the page when the canonical is empty or unusable", () => {
    expect(chooseCanonicalUrl("https://example.com/a", "")).toBe("https://example.com/a");
    expect(chooseCanonicalUrl("https://example.com/a", "mailto:desk@example.com")).toBe("https://example.com/a");
    expect(chooseCanonicalUrl("https://example.com/a", "http://[bad")).toBe("https://example.com/a");
  });

  it("compares IP hosts and localhost exactly", () => {
    expect(chooseCanonicalUrl("http://127.0.0.1:8080/a", "http://127.0.0.1:8080/b")).toBe("http://127.0.0.1:8080/b");
    expect(chooseCanonicalUrl("http://127.0.0.1/a", "http://127.0.0.2/b")).toBe("http://127.0.0.1/a");
    expect(chooseCanonicalUrl("http://localhost/a", "http://localhost/b")).toBe("http://localhost/b");
  });

  it("gives null when the page URL itself is not http(s)", () => {
    expect(chooseCanonicalUrl("not a url", "https://example.com/a")).toBeNull();
  });
});
