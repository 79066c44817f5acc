import iconv from "iconv-lite";

/** Which sniffing rules apply: feeds look at the XML declaration, pages at `<meta>`. */
export type BodyKind = "feed" | "page";

/** How many leading bytes are searched for an in-document charset declaration. */
const prescanBytes = 8192;

/**
 * Labels that mean something else on the web than in iconv-lite: browsers read
 * ISO-8859-1 and ASCII as windows-1252 (WHATWG Encoding), and a declared UTF-16
 * in a document we could read as ASCII cannot be true.
 */
const labelAliases: Record<string, string> = {
  "iso-8859-1": "windows-1252",
  "iso8859-1": "windows-1252",
  latin1: "windows-1252",
  "l1": "windows-1252",
  "us-ascii": "windows-1252",
  ascii: "windows-1252",
  "x-sjis": "shift_jis",
  "x-gbk": "gbk",
  gb2312: "gbk",
  "utf-16": "utf-8",
  "utf-16le": "utf-8",
  "utf-16be": "utf-8",
  "x-user-defined": "windows-1252",
};

/** Returns the label iconv-lite should use, or null for unknown or unusable labels. */
export function normalizeCharset(label: string | null | undefined): string | null {
  if (!label) return null;
  const cleaned = label.trim().replace(/^["']|["']$/g, "").toLowerCase();
  if (cleaned === "") return null;
  const mapped = labelAliases[cleaned] ?? cleaned;
  if (mapped === "utf8") return "utf-8";
  return iconv.encodingExists(mapped) ? mapped : null;
}

function charsetFromBom(bytes: Uint8Array): { charset: string; skip: number } | null {
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) return { charset: "utf-8", skip: 3 };
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return { charset: "utf-16le", skip: 2 };
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return { charset: "utf-16be", skip: 2 };
  return null;
}

/** The `charset` parameter of a Content-Type header, if any. */
export function charsetFromContentType(contentType: string | null): string | null {
  if (!contentType) return null;
  const match = /;\s*charset\s*=\s*("[^"]*"|[^;\s]+)/i.exec(contentType);
  return match?.[1] ?? null;
}

function asciiHead(bytes: Uint8Array): string {
  // latin1 maps each byte to one char, so ASCII markup reads the same in any
  // ASCII-compatible charset.
  return Buffer.from(bytes.buffer, bytes.byteOffset, Math.min(bytes.byteLength, prescanBytes)).toString("latin1");
}

function charsetFromXmlDeclaration(head: string): string | null {
  const match = /^\s*<\?xml\s[^>]*?encoding\s*=\s*["']([^"']+)["']/i.exec(head);
  return match?.[1] ?? null;
}

function charsetFromMeta(head: string): string | null {
  // Covers both <meta charset="x"> and <meta http-equiv="Content-Type" content="text/html; charset=x">.
  // `[^<>]` keeps a run of "<meta <meta …" without ">" to one pass.
  const match = /<meta\s[^<>]*?charset\s*=\s*["']?\s*([\w.:-]+)/i.exec(head);
  return match?.[1] ?? null;
}

/**
 * Picks the charset of a response body the way browsers and feed readers do:
 * byte-order mark, then the HTTP Content-Type charset, then the XML declaration
 * (feeds) or `<meta>` (pages), and UTF-8 when nothing usable is declared.
 */
export function sniffCharset(bytes: Uint8Array, contentType: string | null, kind: BodyKind): string {
  const bom = charsetFromBom(bytes);
  if (bom) return bom.charset;
  const fromHeader = normalizeCharset(charsetFromContentType(contentType));
  if (fromHeader) return fromHeader;
  const head = asciiHead(bytes);
  const declared =
    kind === "feed"
      ? charsetFromXmlDeclaration(head) ?? charsetFromMeta(head)
      : charsetFromMeta(head) ?? charsetFromXmlDeclaration(head);
  return normalizeCharset(declared) ?? "utf-8";
}

/**
 * Decodes a response body to text. Never throws: bytes that are invalid in the
 * chosen charset become U+FFFD. A leading byte-order mark is dropped.
 */
export function decodeBody(bytes: Uint8Array, contentType: string | null, kind: BodyKind): string {
  const charset = sniffCharset(bytes, contentType, kind);
  const bom = charsetFromBom(bytes);
  const body = bom ? bytes.subarray(bom.skip) : bytes;
  if (charset === "utf-8") return new TextDecoder("utf-8", { fatal: false, ignoreBOM: true }).decode(body);
  return iconv.decode(Buffer.from(body.buffer, body.byteOffset, body.byteLength), charset, { stripBOM: true });
}
