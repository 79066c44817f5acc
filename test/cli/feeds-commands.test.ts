/**
 * The operator manages feeds from the terminal: `feeds add` checks the address's
 * form and fetches it once, `feeds list` / `remove`, and OPML import and export. On
 * SQLite and on PostgreSQL.
 */
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { createServer } from "node:net";
import { tmpdir, userInfo } from "node:os";
import { join } from "node:path";

import { delay, http, HttpResponse } from "msw";
import { afterEach, beforeEach, describe, expect, it } from "vitest";

import { parseOpml } from "../../src/ingest/opml/opml.js";
import { TEST_PROVIDERS } from "../support/database.js";
import { allowLoopback, server } from "../support/msw.js";
import { publicLookup, rss, serve } from "../support/web.js";
import { createCliHarness, type CliHarness } from "./cli-harness.js";

/** A local port nothing listens on (taken, then given back). */
async function closedPort(): Promise<number> {
  const listener = createServer();
  await new Promise<void>((resolve) => listener.listen(0, "127.0.0.1", resolve));
  const { port } = listener.address() as { port: number };
  await new Promise((resolve) => listener.close(resolve));
  return port;
}

/** Serves a working feed of `items` stories at `url`. */
function serveFeed(url: string, title = "Wire", items = 1) {
  return serve(url, rss(Array.from({ length: items }, (_, i) => ({ title: `Story ${i + 1}`, link: `${new URL(url).origin}/story-${i + 1}` })), title));
}

describe.each(TEST_PROVIDERS)("feed commands on %s", (provider) => {
  let h: CliHarness;
  let dir: string;

  beforeEach(async () => {
    h = await createCliHarness(provider);
    dir = mkdtempSync(join(tmpdir(), "newsdesk-opml-"));
  });
  afterEach(async () => {
    await h.close();
    rmSync(dir, { recursive: true, force: true });
  });

  const feedCount = async () => (await h.db()).prisma.feed.count();

  it("refuses addresses that are not http(s) feed URLs, storing nothing", async () => {
    const example = "give the feed's full address, e.g. https://example.com/rss.xml";
    const refusals: [string, string][] = [
      ["not-a-URL", `"not-a-URL" is not a URL: ${example}`],
      ["news.example.com/rss.xml", `"news.example.com/rss.xml" is not a URL: ${example}`],
      ["ftp://files.example.com/feed.xml", `"ftp://files.example.com/feed.xml" is not a web address: only http:// and https:// feeds are supported, not ftp://`],
      ["javascript:alert(1)", `"javascript:alert(1)" is not a web address: only http:// and https:// feeds are supported, not javascript://`],
      ["https://", `"https://" has no host: ${example}`],
      ["http:///rss.xml", `"http:///rss.xml" has no host: ${example}`],
      ["https://:8080/rss.xml", `"https://:8080/rss.xml" has no host: ${example}`],
      ["https://editor:secret@news.example.com/rss.xml", `"https://editor:secret@news.example.com/rss.xml" has a user name or password in it; feeds with credentials are not supported`],
    ];
    for (const [input, message] of refusals) {
      expect(await h.cli(["feeds", "add", input]), input).toEqual({ code: 1, stdout: "", stderr: `${message}\n` });
    }
    expect(await feedCount()).toBe(0);
  });

  it("adds, lists, refuses a duplicate by naming its id, and removes feeds", async () => {
    serveFeed("https://news.example.com/rss.xml", "World at a glance", 3);
    serveFeed("http://localhost:8080/feed", "Local");
    expect(await h.cli(["feeds", "list"])).toEqual({ code: 0, stdout: "no feeds yet: add one with `npm run cli -- feeds add <url>`\n", stderr: "" });
    expect(await h.cli(["feeds", "add", "https://News.Example.com/rss.xml#latest", "--topic", "World News"])).toEqual({
      code: 0,
      stdout: 'added feed #1 https://news.example.com/rss.xml [world-news]: "World at a glance", 3 items\n',
      stderr: "",
    });
    expect(await h.cli(["feeds", "add", "http://localhost:8080/feed?key=abc&format=atom"])).toEqual({
      code: 0,
      stdout: 'added feed #2 http://localhost:8080/feed?key=abc&format=atom: "Local", 1 item\n',
      stderr: "",
    });
    expect(await h.cli(["feeds", "add", "https://news.example.com/rss.xml"])).toEqual({ code: 1, stdout: "", stderr: "this feed is already there as #1\n" });
    expect(await h.cli(["feeds", "add", "https://other.example.com/rss.xml", "--topic", "!!"])).toEqual({
      code: 1,
      stdout: "",
      stderr: '"!!" is not a usable topic name: use letters or digits, e.g. asia or north-korea\n',
    });
    expect((await h.cli(["feeds", "list"])).stdout).toBe(
      "#1 https://news.example.com/rss.xml [world-news] — new (not fetched yet)\n" + "#2 http://localhost:8080/feed?key=abc&format=atom — new (not fetched yet)\n",
    );
    expect(await h.cli(["feeds", "remove", "2"])).toEqual({ code: 0, stdout: "removed feed #2 http://localhost:8080/feed?key=abc&format=atom\n", stderr: "" });
    expect(await h.cli(["feeds", "remove", "2"])).toEqual({ code: 1, stdout: "", stderr: "there is no feed #2\n" });
    expect(await h.cli(["feeds", "remove", "two"])).toEqual({ code: 1, stdout: "", stderr: '"two" is not a feed id: use the number shown by `feeds list`\n' });
    expect(await feedCount()).toBe(1);
  });

  it("sets a feed's priority with --priority 1-5 (3 by default), refusing anything else in plain words", async () => {
    serveFeed("https://wire.example.com/rss.xml", "Wire");
    serveFeed("https://blog.example.com/rss.xml", "Blog");
    const refusal = (got: string) => ({
      code: 1,
      stdout: "",
      stderr: `The priority must be a whole number from 1 (least) to 5 (most), 3 being the default; ${got}. Nothing was added.\n`,
    });
    expect(await h.cli(["feeds", "add", "https://wire.example.com/rss.xml", "--priority", "9"])).toEqual(refusal("“9” is not one"));
    expect(await h.cli(["feeds", "add", "https://wire.example.com/rss.xml", "--priority", "high"])).toEqual(refusal("“high” is not one"));
    expect(await feedCount()).toBe(0);
    expect((await h.cli(["feeds", "add", "https://wire.example.com/rss.xml", "--priority", "5"])).code).toBe(0);
    expect((await h.cli(["feeds", "add", "https://blog.example.com/rss.xml"])).code).toBe(0);
    expect((await (await h.db()).prisma.feed.findMany({ select: { url: true, priority: true }, orderBy: { id: "asc" } }))).toEqual([
      { url: "https://wire.example.com/rss.xml", priority: 5 },
      { url: "https://blog.example.com/rss.xml", priority: 3 },
    ]);
    expect((await h.cli(["feeds", "list"])).stdout).toBe(
      "#1 https://wire.example.com/rss.xml (priority 5) — new (not fetched yet)\n#2 https://blog.example.com/rss.xml — new (not fetched yet)\n",
    );
  });

  it("fetches a feed before adding it, and refuses one that does not answer, answers an error or is not a feed", async () => {
    server.use(
      http.get("https://gone.example.com/rss.xml", () => new HttpResponse("Not here", { status: 404, statusText: "Not Found" })),
      http.get("https://broken.example.com/rss.xml", () => new HttpResponse("Oops", { status: 500, statusText: "Internal Server Error" })),
      http.get("https://slow.example.com/rss.xml", async () => {
        await delay(5_000);
        return HttpResponse.text("too late");
      }),
    );
    serve("https://text.example.com/feed", "Just some words, not a feed.", "text/plain");
    serve("https://home.example.com/", "<!doctype html><html><head><title>Home</title></head><body><h1>Welcome</h1></body></html>", "text/html; charset=utf-8");
    const intranet = serveFeed("https://feeds.intranet.example/rss.xml");
    const lookup = async (host: string) => (host === "feeds.intranet.example" ? [{ address: "10.0.0.5", family: 4 }] : publicLookup(host));
    // A real refused connection: a port on this machine nothing listens on, allowed for the test.
    allowLoopback();
    const closed = await closedPort();
    const down = `http://127.0.0.1:${closed}/rss.xml`;
    const refusals: [string, string][] = [
      ["https://gone.example.com/rss.xml", "https://gone.example.com/rss.xml answered 404 Not Found"],
      ["https://broken.example.com/rss.xml", "https://broken.example.com/rss.xml answered 500 Internal Server Error"],
      [down, `network error fetching ${down}: ECONNREFUSED`],
      ["https://slow.example.com/rss.xml", "https://slow.example.com/rss.xml did not answer within 300 ms"],
      ["https://text.example.com/feed", "the document is not a recognised feed (RSS, RDF, Atom or JSON Feed)"],
      ["https://home.example.com/", 'it is a web page, not a feed, and it declares no feed (no <link rel="alternate"> to RSS, Atom or JSON Feed)'],
      ["http://127.0.0.1:8080/rss.xml", "refused http://127.0.0.1:8080/rss.xml: 127.0.0.1 is a loopback address; set ALLOW_PRIVATE_URLS to allow it"],
      [
        "https://feeds.intranet.example/rss.xml",
        "refused https://feeds.intranet.example/rss.xml: feeds.intranet.example resolves to 10.0.0.5, a private address; set ALLOW_PRIVATE_URLS to allow it",
      ],
    ];
    for (const [url, reason] of refusals) {
      expect(await h.cli(["feeds", "add", url], { env: { FETCH_TIMEOUT_MS: "300", ALLOW_PRIVATE_URLS: `127.0.0.1:${closed}` }, lookup }), url).toEqual({
        code: 1,
        stdout: "",
        stderr: `cannot add ${url}: ${reason}; add it anyway with --force\n`,
      });
    }
    expect(intranet.count).toBe(0);
    expect(await feedCount()).toBe(0);
    expect(await (await h.db()).prisma.auditLog.count()).toBe(0);
  });

  it("adds a feed that fails its check with --force, saying why", async () => {
    server.use(http.get("https://gone.example.com/rss.xml", () => new HttpResponse("Not here", { status: 404, statusText: "Not Found" })));
    expect(await h.cli(["feeds", "add", "https://gone.example.com/rss.xml", "--topic", "world", "--force"])).toEqual({
      code: 0,
      stdout: "added feed #1 https://gone.example.com/rss.xml [world]: without a working check (--force): https://gone.example.com/rss.xml answered 404 Not Found\n",
      stderr: "",
    });
    const rows = await (await h.db()).prisma.feed.findMany({ select: { url: true, title: true, defaultTopic: true, lastError: true } });
    expect(rows).toEqual([{ url: "https://gone.example.com/rss.xml", title: null, defaultTopic: "world", lastError: null }]);
    const audit = await (await h.db()).prisma.auditLog.findMany({ select: { action: true, after: true } });
    expect(audit).toEqual([
      { action: "feed.add", after: '{"url":"https://gone.example.com/rss.xml","defaultTopic":"world","forced":"https://gone.example.com/rss.xml answered 404 Not Found"}' },
    ]);
  });

  it("adds a review feed with --review: its new stories will wait for an editor's decision", async () => {
    serveFeed("https://wire.example.com/rss.xml", "Wire", 2);
    expect(await h.cli(["feeds", "add", "https://wire.example.com/rss.xml", "--review"])).toEqual({
      code: 0,
      stdout:
        'added feed #1 https://wire.example.com/rss.xml: "Wire", 2 items\n' +
        "its new stories wait for review: each goes to the admin chat as a card for an editor to post, schedule or skip\n",
      stderr: "",
    });
    expect(await (await h.db()).prisma.feed.findMany({ select: { url: true, review: true } })).toEqual([{ url: "https://wire.example.com/rss.xml", review: true }]);
    const audit = await (await h.db()).prisma.auditLog.findMany({ select: { action: true, after: true } });
    expect(audit).toEqual([{ action: "feed.add", after: '{"url":"https://wire.example.com/rss.xml","defaultTopic":null,"review":true}' }]);
  });

  it("adds the feed a web page declares instead of the page, saying so and listing the page's other feeds", async () => {
    const page = (links: string) => `<!doctype html><html><head><title>The Paper</title>${links}</head><body><h1>The Paper</h1></body></html>`;
    serve("https://blog.example.com/", page('<link rel="alternate" type="application/atom+xml" href="/atom.xml">'), "text/html");
    serve("https://blog.example.com/atom.xml", `<?xml version="1.0" encoding="utf-8"?><feed xmlns="http://www.w3.org/2005/Atom"><title>A Blog</title><id>urn:blog</id><updated>2026-11-30T09:00:00Z</updated>
<entry><title>Hello</title><id>urn:1</id><link href="https://blog.example.com/hello"/><updated>2026-11-30T09:00:00Z</updated></entry></feed>`, "application/atom+xml");
    serve(
      "https://paper.example.com/",
      page(
        '<link rel="alternate" type="application/rss+xml" title="All stories" href="/feeds/all.xml">' +
          '<link rel="alternate" type="application/rss+xml" title="Sport" href="/feeds/sport.xml">' +
          '<link rel="alternate" type="application/feed+json" title="World" href="/feeds/world.json">',
      ),
      "text/html",
    );
    serveFeed("https://paper.example.com/feeds/all.xml", "The Paper", 12);

    expect(await h.cli(["feeds", "add", "https://blog.example.com/"])).toEqual({
      code: 0,
      stdout: 'https://blog.example.com/ is a web page: adding the feed it declares, https://blog.example.com/atom.xml\nadded feed #1 https://blog.example.com/atom.xml: "A Blog", 1 item\n',
      stderr: "",
    });
    expect(await h.cli(["feeds", "add", "https://paper.example.com/", "--topic", "news"])).toEqual({
      code: 0,
      stdout:
        "https://paper.example.com/ is a web page: adding the feed it declares, https://paper.example.com/feeds/all.xml\n" +
        'added feed #2 https://paper.example.com/feeds/all.xml [news]: "The Paper", 12 items\n' +
        "the page declares 2 other feeds, not added:\n" +
        '  https://paper.example.com/feeds/sport.xml "Sport"\n' +
        '  https://paper.example.com/feeds/world.json "World"\n',
      stderr: "",
    });
    expect(await h.cli(["feeds", "add", "https://paper.example.com/"])).toEqual({
      code: 1,
      stdout: "",
      stderr: "https://paper.example.com/ is a web page that declares the feed https://paper.example.com/feeds/all.xml; this feed is already there as #2\n",
    });
    const rows = await (await h.db()).prisma.feed.findMany({ orderBy: { id: "asc" }, select: { url: true, title: true, defaultTopic: true } });
    expect(rows).toEqual([
      { url: "https://blog.example.com/atom.xml", title: "A Blog", defaultTopic: null },
      { url: "https://paper.example.com/feeds/all.xml", title: "The Paper", defaultTopic: "news" },
    ]);
  });

  it("writes the operator's feed changes to the same audit log as the editors' and takes ids as editors type them", async () => {
    serveFeed("https://wire.example.com/rss.xml");
    await h.cli(["feeds", "add", "https://wire.example.com/rss.xml", "--topic", "world"]);
    await h.cli(["feeds", "filter", "exclude", "1", "Sport"]);
    expect(await h.cli(["feeds", "remove", "#1"])).toEqual({ code: 0, stdout: "removed feed #1 https://wire.example.com/rss.xml\n", stderr: "" });
    const entries = await (await h.db()).prisma.auditLog.findMany({ orderBy: { id: "asc" } });
    expect(entries.map((e) => [e.actorId, e.actorName, e.action, e.subject, e.before, e.after])).toEqual([
      [0n, `${userInfo().username} (CLI)`, "feed.add", "feed #1", null, '{"url":"https://wire.example.com/rss.xml","defaultTopic":"world"}'],
      [0n, `${userInfo().username} (CLI)`, "feed.filter_add", "feed #1", null, '{"exclude":"Sport"}'],
      [0n, `${userInfo().username} (CLI)`, "feed.remove", "feed #1", '{"url":"https://wire.example.com/rss.xml","defaultTopic":"world"}', null],
    ]);
  });

  it("imports an OPML file without fetching it: folders become topics, each feed once, bad entries reported", async () => {
    serveFeed("https://wire.example.com/rss.xml");
    await h.cli(["feeds", "add", "https://wire.example.com/rss.xml"]);
    const file = join(dir, "subscriptions.opml");
    writeFileSync(
      file,
      `<?xml version="1.0" encoding="UTF-8"?>
<opml version="2.0">
  <head><title>Desk feeds</title></head>
  <body>
    <outline text="Asia" title="Asia">
      <outline type="rss" text="Korea Herald" xmlUrl="https://korea.example.kr/rss/national.xml"/>
      <outline type="rss" text="Japan Daily" xmlUrl="https://japan.example.jp/feed"/>
      <outline text="North Korea">
        <outline type="rss" text="NK Watch" xmlUrl="https://nkwatch.example.org/atom.xml"/>
      </outline>
    </outline>
    <outline text="Business">
      <outline type="rss" text="Markets" xmlUrl="https://markets.example.com/rss" category="/Economy/Markets"/>
      <outline type="rss" text="Japan Daily again" xmlUrl="https://japan.example.jp/feed"/>
      <outline type="rss" text="Old FTP" xmlUrl="ftp://old.example.com/feed.xml"/>
    </outline>
    <outline type="rss" text="Wire" xmlUrl="https://wire.example.com/rss.xml"/>
  </body>
</opml>`,
    );
    expect(await h.cli(["feeds", "import", file])).toEqual({
      code: 0,
      stdout: `imported 4 new feeds of 6 in ${file}\n`,
      stderr: 'skipped ftp://old.example.com/feed.xml: "ftp://old.example.com/feed.xml" is not a web address: only http:// and https:// feeds are supported, not ftp://\n',
    });
    expect((await h.cli(["feeds", "list"])).stdout).toBe(
      "#1 https://wire.example.com/rss.xml — new (not fetched yet)\n" +
        "#2 https://korea.example.kr/rss/national.xml [asia] — new (not fetched yet)\n" +
        "#3 https://japan.example.jp/feed [asia] — new (not fetched yet)\n" +
        "#4 https://nkwatch.example.org/atom.xml [north-korea] — new (not fetched yet)\n" +
        "#5 https://markets.example.com/rss [markets] — new (not fetched yet)\n",
    );
    const titles = await (await h.db()).prisma.feed.findMany({ orderBy: { id: "asc" }, select: { title: true } });
    expect(titles.map((t) => t.title)).toEqual(["Wire", "Korea Herald", "Japan Daily", "NK Watch", "Markets"]);

    // Importing the same file again adds nothing.
    expect((await h.cli(["feeds", "import", file])).stdout).toBe(`imported 0 new feeds of 6 in ${file}\n`);
    expect(await feedCount()).toBe(5);
  });

  it("refuses a malformed or missing OPML file with a clear message, storing nothing", async () => {
    const broken = join(dir, "broken.opml");
    writeFileSync(broken, `<?xml version="1.0"?>\n<opml version="2.0"><body>\n<outline text="Asia">\n<outline xmlUrl="https://a.example.com/rss"/>\n</body></opml>`);
    const run = await h.cli(["feeds", "import", broken]);
    expect(run.code).toBe(1);
    expect(run.stdout).toBe("");
    expect(run.stderr).toMatch(new RegExp(`^cannot import ${broken}: The OPML document is not well-formed XML \\(line \\d+\\): .+\\n$`));

    const notOpml = join(dir, "feed.xml");
    writeFileSync(notOpml, `<rss version="2.0"><channel><title>x</title></channel></rss>`);
    expect(await h.cli(["feeds", "import", notOpml])).toEqual({ code: 1, stdout: "", stderr: `cannot import ${notOpml}: Not an OPML document: the root element is <rss>, not <opml>.\n` });

    const missing = join(dir, "missing.opml");
    const absent = await h.cli(["feeds", "import", missing]);
    expect(absent.code).toBe(1);
    expect(absent.stderr).toMatch(new RegExp(`^cannot import ${missing}: ENOENT`));
    expect(await feedCount()).toBe(0);
  });

  it("exports the feeds as OPML on stdout and nothing else, with the titles their check found, ready to import elsewhere", async () => {
    serve("https://wire.example.com/rss.xml", rss([], "Wire"));
    serve("https://korea.example.kr/rss/national.xml", rss([], "Korea Herald"));
    serve("https://japan.example.jp/feed", rss([], "Japan Daily"));
    await h.cli(["feeds", "add", "https://wire.example.com/rss.xml"]);
    await h.cli(["feeds", "add", "https://korea.example.kr/rss/national.xml?lang=en&section=nk", "--topic", "north-korea"]);
    await h.cli(["feeds", "add", "https://japan.example.jp/feed", "--topic", "asia"]);
    const run = await h.cli(["feeds", "export"]);
    expect(run.code).toBe(0);
    expect(run.stderr).toBe("");
    expect(run.stdout).toBe(`<?xml version="1.0" encoding="UTF-8"?>
<opml version="2.0">
  <head>
    <title>Newsdesk feeds</title>
  </head>
  <body>
    <outline type="rss" text="Wire" title="Wire" xmlUrl="https://wire.example.com/rss.xml"/>
    <outline text="North Korea" title="North Korea">
      <outline type="rss" text="Korea Herald" title="Korea Herald" xmlUrl="https://korea.example.kr/rss/national.xml?lang=en&amp;section=nk" category="/north-korea"/>
    </outline>
    <outline text="Asia" title="Asia">
      <outline type="rss" text="Japan Daily" title="Japan Daily" xmlUrl="https://japan.example.jp/feed" category="/asia"/>
    </outline>
  </body>
</opml>
`);
    expect(parseOpml(run.stdout)).toEqual([
      { url: "https://wire.example.com/rss.xml", title: "Wire", topic: null },
      { url: "https://korea.example.kr/rss/national.xml?lang=en&section=nk", title: "Korea Herald", topic: "north-korea" },
      { url: "https://japan.example.jp/feed", title: "Japan Daily", topic: "asia" },
    ]);
  });
});
