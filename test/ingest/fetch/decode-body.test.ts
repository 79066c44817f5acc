import iconv from "iconv-lite";
import { describe, expect, it } from "vitest";

import { decodeBody, sniffCharset } from "../../../src/ingest/fetch/decode-body.js";

describe("sniffCharset", () => {
  it("lets a byte-order mark win over everything", () => {
    const bytes = Uint8Array.from([0xef, 0xbb, 0xbf, ...Buffer.from("<?xml version='1.0' encoding='windows-1251'?>")]);
    expect(sniffCharset(bytes, "text/xml; charset=gbk", "feed")).toBe("utf-8");
  });

  it("prefers the HTTP charset over the document's own declaration", () => {
    const bytes = Buffer.from('<?xml version="1.0" encoding="windows-1251"?><rss/>');
    expect(sniffCharset(bytes, 'application/rss+xml; charset="KOI8-R"', "feed")).toBe("koi8-r");
  });

  it("reads the XML declaration for feeds and meta for pages", () => {
    expect(sniffCharset(Buffer.from("<?xml version='1.0' encoding='Shift_JIS'?><feed/>"), "application/xml", "feed")).toBe("shift_jis");
    expect(sniffCharset(Buffer.from('<html><meta charset="euc-kr">'), "text/html", "page")).toBe("euc-kr");
  });

  it("falls back to UTF-8 for unknown or missing labels", () => {
    expect(sniffCharset(Buffer.from("<rss/>"), null, "feed")).toBe("utf-8");
    expect(sniffCharset(Buffer.from("<rss/>"), "text/xml; charset=klingon", "feed")).toBe("utf-8");
    expect(sniffCharset(Buffer.from('<meta charset="utf-16">'), "text/html", "page")).toBe("utf-8");
  });
});

describe("decodeBody", () => {
  it.each([
    ["windows-1251", "Новости"],
    ["gbk", "新闻报道"],
    ["gb2312", "新闻"],
    ["shift_jis", "ニュース速報"],
    ["euc-kr", "뉴스 속보"],
    ["iso-8859-1", "Café déjà vu"],
    ["windows-1252", "“smart” quotes – and €"],
    ["koi8-r", "Привет"],
  ])("decodes %s declared in Content-Type", (charset, text) => {
    const bytes = iconv.encode(text, charset);
    expect(decodeBody(bytes, `text/plain; charset=${charset}`, "page")).toBe(text);
  });

  it("decodes UTF-16 with a byte-order mark and drops the mark", () => {
    const bytes = iconv.encode("<rss>ü</rss>", "utf-16le", { addBOM: true });
    expect(decodeBody(bytes, null, "feed")).toBe("<rss>ü</rss>");
  });

  it("drops a UTF-8 byte-order mark", () => {
    expect(decodeBody(Uint8Array.from([0xef, 0xbb, 0xbf, 0x61]), null, "feed")).toBe("a");
  });

  it("replaces invalid UTF-8 with U+FFFD instead of throwing", () => {
    expect(decodeBody(Uint8Array.from([0x61, 0xc3, 0x28, 0xff, 0x62]), "text/html; charset=utf-8", "page")).toBe("a\uFFFD(\uFFFDb");
  });
});
