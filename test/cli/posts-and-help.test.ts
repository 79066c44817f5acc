/**
 * The CLI as a tool: `--version`, `posts list` and `posts show` for people and (`--json`)
 * for scripts, `feeds list --json` and `topics list --json`, a one-line description for
 * every command in `--help`, and unknown commands and options refused with exit code 2.
 */
import { readFileSync } from "node:fs";

import { afterEach, beforeEach, describe, expect, it } from "vitest";

import { TEST_PROVIDERS } from "../support/database.js";
import { createCliHarness, type CliHarness } from "./cli-harness.js";

const NOW = new Date("2026-12-06T12:00:00Z");
const TZ = { TIMEZONE: "Europe/London" };
const VERSION = (JSON.parse(readFileSync(new URL("../../package.json", import.meta.url), "utf8")) as { version: string }).version;

describe.each(TEST_PROVIDERS)("posts commands on %s", (provider) => {
  let h: CliHarness;

  beforeEach(async () => {
    h = await createCliHarness(provider, TZ);
  });
  afterEach(async () => {
    await h.close();
  });

  const cli = (args: string[]) => h.cli(args, { now: () => NOW });

  /** #1 sent yesterday, #2 scheduled for tonight by Eda, #3 failed, #4 queued for the next slot. */
  const seed = async () => {
    const p = (await h.db()).prisma;
    const asia = await p.topic.create({ data: { slug: "asia", name: "Asia" } });
    const story = (n: number, headline: string) =>
      p.article.create({ data: { url: `https://news.example.com/${n}`, headline, topics: n === 1 ? { create: [{ topicId: asia.id }] } : undefined } });
    const created = new Date("2026-12-05T09:00:00Z");
    await p.channelPost.create({
      data: {
        articleId: (await story(1, "Harbour reopens")).id,
        status: "sent",
        origin: "auto",
        attempts: 1,
        sentAt: new Date("2026-12-05T18:30:00Z"),
        chatId: "-100123",
        telegramMessageId: 55n,
        clickCount: 4,
        reactionCount: 2,
        createdAt: created,
      },
    });
    await p.channelPost.create({
      data: { articleId: (await story(2, "Bridge vote tonight")).id, status: "scheduled", origin: "editor", queuedByName: "Eda", scheduledAt: new Date("2026-12-06T18:30:00Z"), createdAt: created },
    });
    await p.channelPost.create({
      data: { articleId: (await story(3, "Ferry strike")).id, status: "failed", origin: "auto", attempts: 3, lastError: "Telegram said: chat not found", createdAt: created },
    });
    await p.channelPost.create({ data: { articleId: (await story(4, "Old archive piece")).id, status: "queued", origin: "auto", createdAt: new Date("2025-12-24T09:00:00Z") } });
  };

  it("lists the newest posts for people, and only some statuses with --status", async () => {
    await seed();
    expect(await cli(["posts", "list"])).toEqual({
      code: 0,
      stderr: "",
      stdout: [
        "#4 queued · next free slot · Old archive piece",
        "#3 failed · added Sat 5 Dec 09:00 · Ferry strike",
        "#2 scheduled · due Sun 6 Dec 18:30 · Bridge vote tonight",
        "#1 sent · sent Sat 5 Dec 18:30 · Harbour reopens",
        "",
      ].join("\n"),
    });
    expect(await cli(["posts", "list", "--status", "sent", "failed"])).toEqual({
      code: 0,
      stderr: "",
      stdout: "#3 failed · added Sat 5 Dec 09:00 · Ferry strike\n#1 sent · sent Sat 5 Dec 18:30 · Harbour reopens\n",
    });
    expect(await cli(["posts", "list", "--limit", "1"])).toEqual({
      code: 0,
      stderr: "",
      stdout: "#4 queued · next free slot · Old archive piece\n… 3 older posts not shown (--limit)\n",
    });
    expect(await cli(["posts", "list", "--status", "uncertain"])).toEqual({ code: 0, stderr: "", stdout: "no uncertain posts\n" });
  });

  it("lists posts as JSON for scripts", async () => {
    await seed();
    const run = await cli(["posts", "list", "--status", "sent", "--json"]);
    expect(run.code).toBe(0);
    expect(JSON.parse(run.stdout)).toEqual({
      total: 1,
      posts: [
        {
          id: 1,
          status: "sent",
          origin: "auto",
          headline: "Harbour reopens",
          url: "https://news.example.com/1",
          topics: ["asia"],
          queuedBy: null,
          scheduledAt: null,
          sentAt: "2026-12-05T18:30:00.000Z",
          attempts: 1,
          lastError: null,
          messageId: 55,
          clicks: 4,
          reactions: 2,
          createdAt: "2026-12-05T09:00:00.000Z",
        },
      ],
    });
  });

  it("shows one post for people and as JSON, and says when there is none", async () => {
    await seed();
    expect(await cli(["posts", "show", "2"])).toEqual({
      code: 0,
      stderr: "",
      stdout: [
        "Post #2: scheduled",
        "Headline: Bridge vote tonight",
        "Link: https://news.example.com/2",
        "Topics: none",
        "Origin: queued by Eda",
        "Goes out: Sun 6 Dec 18:30",
        "Added: Sat 5 Dec 09:00",
        "",
      ].join("\n"),
    });
    expect((await cli(["posts", "show", "#3"])).stdout).toBe(
      [
        "Post #3: failed",
        "Headline: Ferry strike",
        "Link: https://news.example.com/3",
        "Topics: none",
        "Origin: automatic",
        "Attempts: 3",
        "Last error: Telegram said: chat not found",
        "Added: Sat 5 Dec 09:00",
        "",
      ].join("\n"),
    );
    expect((await cli(["posts", "show", "4"])).stdout).toContain("Added: Wed 24 Dec 2025 09:00\n");
    const json = await cli(["posts", "show", "2", "--json"]);
    expect(JSON.parse(json.stdout)).toMatchObject({ id: 2, status: "scheduled", origin: "editor", queuedBy: "Eda", scheduledAt: "2026-12-06T18:30:00.000Z", sentAt: null, messageId: null });
    expect(await cli(["posts", "show", "9"])).toEqual({ code: 1, stdout: "", stderr: "there is no post #9\n" });
    expect(await cli(["posts", "show", "nine"])).toEqual({ code: 1, stdout: "", stderr: '"nine" is not a post id: use the number shown by `posts list`\n' });
  });

  it("lists feeds and topics as JSON", async () => {
    await seed();
    const p = (await h.db()).prisma;
    await p.feed.create({ data: { url: "https://news.example.com/rss.xml", defaultTopic: "asia", lastSuccessAt: new Date("2026-12-06T11:00:00Z"), createdAt: new Date("2026-12-01T00:00:00Z") } });
    const feeds = await cli(["feeds", "list", "--json"]);
    expect(feeds.code).toBe(0);
    expect(JSON.parse(feeds.stdout)).toEqual([
      {
        id: 1,
        url: "https://news.example.com/rss.xml",
        title: null,
        topic: "asia",
        fullPage: false,
        state: "ok",
        lastSuccessAt: "2026-12-06T11:00:00.000Z",
        lastError: null,
        consecutiveFailures: 0,
        nextFetchAt: null,
        pausedAt: null,
        pausedReason: null,
        createdAt: "2026-12-01T00:00:00.000Z",
      },
    ]);
    expect((await cli(["feeds", "list"])).stdout).toBe("#1 https://news.example.com/rss.xml [asia] — ok, last ok Sun 6 Dec 11:00\n");
    const topics = await cli(["topics", "list", "--json"]);
    expect(JSON.parse(topics.stdout)).toEqual([{ slug: "asia", name: "Asia", createdByEditor: false, shownToReaders: true, articles: 1, subscribers: 0, keywords: [] }]);
  });
});

describe("the CLI as a tool", () => {
  let h: CliHarness;

  beforeEach(async () => {
    h = await createCliHarness("sqlite");
  });
  afterEach(async () => {
    await h.close();
  });

  it("prints its version", async () => {
    expect(await h.cli(["--version"])).toEqual({ code: 0, stderr: "", stdout: `${VERSION}\n` });
  });

  it("answers --help and --version even when the configuration has a problem", async () => {
    const broken = { env: { FETCH_TIMEOUT_MS: "soon" } };
    expect(await h.cli(["--version"], broken)).toEqual({ code: 0, stderr: "", stdout: `${VERSION}\n` });
    const help = await h.cli(["feeds", "--help"], broken);
    expect([help.code, help.stderr]).toEqual([0, ""]);
    expect(help.stdout).toContain("  list [options]");
    const list = await h.cli(["feeds", "list"], broken);
    expect([list.code, list.stdout, list.stderr.trim()]).toEqual([1, "", expect.stringContaining("FETCH_TIMEOUT_MS")]);
  });

  it("gives every command a one-line description in --help", async () => {
    const groups = [[], ["db"], ["feeds"], ["feeds", "filter"], ["topics"], ["posts"]];
    for (const group of groups) {
      const run = await h.cli([...group, "--help"]);
      expect(run.code).toBe(0);
      const commands = run.stdout.split("Commands:\n")[1]!.trimEnd().split("\n");
      expect(commands.length).toBeGreaterThan(1);
      // "  name [args]   description": no command without words after it, none running onto a second line.
      for (const line of commands) expect(line, `${group.join(" ")} --help`).toMatch(/^ {2}\S.*\S {2,}[a-z]\S.*$/);
    }
    expect((await h.cli(["--help"])).stdout).toContain("  posts                       the channel's posts, whatever their status\n");
  });

  it("refuses an unknown command or option with exit code 2 and a suggestion", async () => {
    expect(await h.cli(["feedz"])).toEqual({ code: 2, stdout: "", stderr: "error: unknown command 'feedz'\n(Did you mean feeds?)\n" });
    expect(await h.cli(["posts", "list", "--bogus"])).toEqual({ code: 2, stdout: "", stderr: "error: unknown option '--bogus'\n" });
    expect(await h.cli(["posts", "list", "--status", "lost"])).toEqual({
      code: 2,
      stdout: "",
      stderr:
        "error: option '--status <status...>' argument 'lost' is invalid. Allowed choices are draft, review, queued, scheduled, sending, sent, failed, cancelled, uncertain, deleted, skipped.\n",
    });
    expect(await h.cli(["posts", "list", "--limit", "0"])).toEqual({ code: 1, stdout: "", stderr: '--limit must be a whole number above 0, got "0"\n' });
  });
});
