/**
 * The operator manages feeds from the terminal: `feeds add` checks the address's
 * form, `feeds list` / `remove`, and OPML import and export. On SQLite and on
 * PostgreSQL.
 */
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir, userInfo } from "node:os";
import { join } from "node:path";

import { afterEach, beforeEach, describe, expect, it } from "vitest";

import { parseOpml } from "../../src/ingest/opml/opml.js";
import { TEST_PROVIDERS } from "../support/database.js";
import { createCliHarness, type CliHarness } from "./cli-harness.js";

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
    expect(await h.cli(["feeds", "list"])).toEqual({ code: 0, stdout: "no feeds yet: add one with `npm run cli -- feeds add <url>`\n", stderr: "" });
    expect(await h.cli(["feeds", "add", "https://News.Example.com/rss.xml#latest", "--topic", "World News"])).toEqual({
      code: 0,
      stdout: "added feed #1 https://news.example.com/rss.xml [world-news]\n",
      stderr: "",
    });
    expect(await h.cli(["feeds", "add", "http://localhost:8080/feed?key=abc&format=atom"])).toEqual({
      code: 0,
      stdout: "added feed #2 http://localhost:8080/feed?key=abc&format=atom\n",
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

  it("writes the operator's feed changes to the same audit log as the editors' and takes ids as editors type them", async () => {
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

  it("imports an OPML file: folders become topics, each feed once, bad entries reported", async () => {
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
    expect(titles.map((t) => t.title)).toEqual([null, "Korea Herald", "Japan Daily", "NK Watch", "Markets"]);

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

  it("exports the feeds as OPML on stdout and nothing else, ready to import elsewhere", async () => {
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
    <outline type="rss" text="https://wire.example.com/rss.xml" xmlUrl="https://wire.example.com/rss.xml"/>
    <outline text="North Korea" title="North Korea">
      <outline type="rss" text="https://korea.example.kr/rss/national.xml?lang=en&amp;section=nk" xmlUrl="https://korea.example.kr/rss/national.xml?lang=en&amp;section=nk" category="/north-korea"/>
    </outline>
    <outline text="Asia" title="Asia">
      <outline type="rss" text="https://japan.example.jp/feed" xmlUrl="https://japan.example.jp/feed" category="/asia"/>
    </outline>
  </body>
</opml>
`);
    expect(parseOpml(run.stdout)).toEqual([
      { url: "https://wire.example.com/rss.xml", title: null, topic: null },
      { url: "https://korea.example.kr/rss/national.xml?lang=en&section=nk", title: null, topic: "north-korea" },
      { url: "https://japan.example.jp/feed", title: null, topic: "asia" },
    ]);
  });
});
