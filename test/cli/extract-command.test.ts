/**
 * `extract <url|file>`: the article as JSON on stdout and nothing else. A URL goes
 * through the same guarded fetcher and extraction as ingestion, so a private or
 * loopback address is refused and never contacted. On SQLite and on PostgreSQL
 * (a URL needs the database for the editors' topic rules).
 */
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";

import { http, HttpResponse } from "msw";
import { afterEach, beforeEach, describe, expect, it } from "vitest";

import { TEST_PROVIDERS } from "../support/database.js";
import { server } from "../support/msw.js";
import { publicLookup, serve } from "../support/web.js";
import { createCliHarness, type CliHarness } from "./cli-harness.js";

const SEED = fileURLToPath(new URL("../../../shared/seeds/000_96b89ea2324617e2.txt", import.meta.url));
const PAGE_URL = "https://news.example.com/asia/kim-russia?utm_source=twitter";

const BODY = [
  "SEOUL – North Korean leader Kim Jong Un will soon visit Russia to meet President Vladimir Putin, the two countries confirmed on Monday.",
  "Mr Kim will travel by special train to the far eastern city of Vladivostok, South Korean broadcaster YTN reported, citing a government source.",
];

const PAGE = `<!doctype html><html lang="en"><head><meta charset="utf-8">
<title>Kim to visit Russia for summit with Putin - Example News</title>
<link rel="canonical" href="/asia/kim-to-visit-russia">
<meta property="og:image" content="https://img.example.com/kim.jpg">
<meta property="article:section" content="Asia">
<meta property="article:published_time" content="2026-03-02T06:30:00Z">
<meta name="author" content="Jane Reporter">
</head><body><nav><a href="/">Home</a><a href="/asia">Asia</a></nav>
<article><h1>Kim to visit Russia for summit with Putin</h1>${BODY.map((p) => `<p>${p}</p>`).join("")}
<p class="newsletter">Sign up for our newsletter</p></article><footer>© Example News</footer></body></html>`;

const EXPECTED = {
  headline: "Kim to visit Russia for summit with Putin",
  canonicalUrl: "https://news.example.com/asia/kim-to-visit-russia",
  publishedAt: "2026-03-02T06:30:00.000Z",
  section: "Asia",
  topics: ["asia", "russia"],
  author: "Jane Reporter",
  language: "en",
  image: "https://img.example.com/kim.jpg",
  summary: BODY.join(" "),
  body: BODY.join("\n\n"),
};

describe.each(TEST_PROVIDERS)("the extract command on %s", (provider) => {
  let h: CliHarness;
  let dir: string;

  beforeEach(async () => {
    h = await createCliHarness(provider);
    dir = mkdtempSync(join(tmpdir(), "newsdesk-extract-"));
  });
  afterEach(async () => {
    await h.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it("prints the article of a URL as JSON, and nothing else", async () => {
    const page = serve("https://news.example.com/asia/kim-russia", PAGE, "text/html; charset=utf-8");
    await h.cli(["topics", "keyword", "russia", "Vladimir Putin"]);
    const run = await h.cli(["extract", PAGE_URL]);
    expect(run.stderr).toBe("");
    expect(run.code).toBe(0);
    expect(JSON.parse(run.stdout)).toEqual(EXPECTED);
    expect(run.stdout).toBe(`${JSON.stringify(EXPECTED, null, 2)}\n`);
    expect(page.count).toBe(1);
  });

  it("prints the article of a saved file, with --url for its address", async () => {
    const file = join(dir, "page.html");
    writeFileSync(file, PAGE);
    const withUrl = await h.cli(["extract", file, "--url", "https://news.example.com/asia/kim-russia"]);
    expect(withUrl).toEqual({ code: 0, stdout: `${JSON.stringify({ ...EXPECTED, topics: ["asia"] }, null, 2)}\n`, stderr: "" });

    // Without --url a relative canonical link has nothing to resolve against: no address is printed.
    const without = await h.cli(["extract", file]);
    expect(without.code).toBe(0);
    expect(JSON.parse(without.stdout)).toEqual({ ...EXPECTED, canonicalUrl: null, topics: ["asia"] });

    expect(await h.cli(["extract", file, "--url", "ftp://x.example/"])).toEqual({ code: 1, stdout: "", stderr: '--url must be an http(s) address, got "ftp://x.example/"\n' });
    const missing = await h.cli(["extract", join(dir, "nope.html")]);
    expect(missing.code).toBe(1);
    expect(missing.stderr).toMatch(/^cannot read .*nope\.html: ENOENT/);
  });

  it("refuses a loopback address and never contacts it", async () => {
    const hits = { count: 0 };
    server.use(
      http.get("http://127.0.0.1/x", () => {
        hits.count++;
        return HttpResponse.text("<html><body><h1>Admin</h1></body></html>", { headers: { "content-type": "text/html" } });
      }),
    );
    expect(await h.cli(["extract", "http://127.0.0.1/x"])).toEqual({
      code: 1,
      stdout: "",
      stderr:
        "cannot extract http://127.0.0.1/x: private and loopback addresses are not allowed; " +
        "refused http://127.0.0.1/x: 127.0.0.1 is a loopback address; set ALLOW_PRIVATE_URLS to allow it\n",
    });
    expect(hits.count).toBe(0);
  });

  it("refuses a host that resolves to a private address and never contacts it", async () => {
    const hits = serve("https://wiki.corp.example/page", PAGE, "text/html");
    const lookup = async (host: string) => (host === "wiki.corp.example" ? [{ address: "10.0.0.5", family: 4 }] : publicLookup(host));
    expect(await h.cli(["extract", "https://wiki.corp.example/page"], { lookup })).toEqual({
      code: 1,
      stdout: "",
      stderr:
        "cannot extract https://wiki.corp.example/page: private and loopback addresses are not allowed; " +
        "refused https://wiki.corp.example/page: wiki.corp.example resolves to 10.0.0.5, a private address; set ALLOW_PRIVATE_URLS to allow it\n",
    });
    expect(hits.count).toBe(0);
  });

  it("says why when the page cannot be fetched", async () => {
    server.use(http.get("https://news.example.com/gone", () => new HttpResponse("gone", { status: 404, statusText: "Not Found" })));
    expect(await h.cli(["extract", "https://news.example.com/gone"])).toEqual({
      code: 1,
      stdout: "",
      stderr: "cannot extract https://news.example.com/gone: https://news.example.com/gone answered 404 Not Found\n",
    });
  });

  it.skipIf(!existsSync(SEED))("reads the saved Straits Times story: body from the dateline, not the banner date", async () => {
    const paragraphs = readFileSync(SEED, "utf8")
      .split(/\n\s*\n/)
      .map((p) => p.trim())
      .filter((p) => p !== "");
    const escape = (s: string) => s.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;");
    const file = join(dir, "seed.html");
    writeFileSync(file, `<!doctype html><html><body>${paragraphs.map((p) => `<p>${escape(p)}</p>`).join("\n")}</body></html>`);

    const run = await h.cli(["extract", file]);
    expect(run.stderr).toBe("");
    expect(run.code).toBe(0);
    const article = JSON.parse(run.stdout) as { headline: string; body: string; publishedAt: string | null };
    expect(article.body.startsWith("SEOUL – North Korean leader Kim Jong Un will soon visit Russia")).toBe(true);
    expect(article.publishedAt ?? "").not.toMatch(/^2024-05-18/);
    expect(article.headline).toBe("North Korea’s Kim to visit Russia for summit with Putin");
    expect(article.body).not.toMatch(/Advertisment|Most Popular|st_telegram_boilerplate|Join ST’s Telegram/);
  });
});
