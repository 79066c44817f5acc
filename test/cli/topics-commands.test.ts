/**
 * Editors' and operators' topic housekeeping from the terminal: list, add, rename, merge
 * and remove, every change audited and every row where it belongs afterwards; and with
 * TOPICS_OPEN=false, ingestion maps feeds' categories onto the editors' topics through
 * their keyword rules instead of creating topics. On SQLite and on PostgreSQL.
 */
import { userInfo } from "node:os";

import { afterEach, beforeEach, describe, expect, it } from "vitest";

import { TEST_PROVIDERS } from "../support/database.js";
import { rss, serve } from "../support/web.js";
import { createCliHarness, createClock, type CliHarness } from "./cli-harness.js";

const OPERATOR = `${userInfo().username} (CLI)`;

describe.each(TEST_PROVIDERS)("topic commands on %s", (provider) => {
  let h: CliHarness;

  beforeEach(async () => {
    h = await createCliHarness(provider);
  });
  afterEach(async () => {
    await h.close();
  });

  const prisma = async () => (await h.db()).prisma;

  /**
   * Asia and Far East came from the feeds, Sport is the editors'. Three stories, three
   * readers (Rea follows Asia and Far East, Bo Far East, Cy Sport), keywords, two feeds.
   */
  const seed = async () => {
    const p = await prisma();
    const asia = await p.topic.create({ data: { slug: "asia", name: "Asia" } });
    const far = await p.topic.create({ data: { slug: "far-east", name: "Far East" } });
    const sport = await p.topic.create({ data: { slug: "sport", name: "Sport", createdByEditor: true } });
    const story = (n: number, topicIds: number[]) =>
      p.article.create({ data: { url: `https://news.example.com/${n}`, headline: `Story ${n}`, topics: { create: topicIds.map((topicId) => ({ topicId })) } } });
    await story(1, [asia.id, far.id]);
    await story(2, [far.id]);
    await story(3, [sport.id]);
    const reader = (id: number, topicIds: number[]) =>
      p.subscriber.create({ data: { telegramId: BigInt(id), chatId: BigInt(id), subscriptions: { create: topicIds.map((topicId) => ({ topicId })) } } });
    await reader(101, [asia.id, far.id]);
    await reader(102, [far.id]);
    await reader(103, [sport.id]);
    await p.topicKeyword.createMany({ data: [{ topicId: far.id, phrase: "Kim Jong Un" }, { topicId: far.id, phrase: "Pyongyang" }, { topicId: asia.id, phrase: "Pyongyang" }] });
    await p.feed.create({ data: { url: "https://korea.example.kr/rss.xml", defaultTopic: "far-east" } });
    await p.feed.create({ data: { url: "https://asia.example.com/rss.xml", defaultTopic: "asia" } });
  };

  /** Every row that hangs on topics, by slug, sorted. */
  const rows = async () => {
    const p = await prisma();
    return {
      topics: (await p.topic.findMany({ orderBy: { slug: "asc" }, select: { slug: true, name: true, createdByEditor: true } })).map((t) => `${t.slug}|${t.name}|${t.createdByEditor}`),
      articles: (await p.articleTopic.findMany({ select: { article: { select: { url: true } }, topic: { select: { slug: true } } } }))
        .map((r) => `${r.article.url.slice(-1)}:${r.topic.slug}`)
        .sort(),
      readers: (await p.subscription.findMany({ select: { subscriber: { select: { telegramId: true } }, topic: { select: { slug: true } } } }))
        .map((r) => `${r.subscriber.telegramId}:${r.topic.slug}`)
        .sort(),
      keywords: (await p.topicKeyword.findMany({ select: { phrase: true, topic: { select: { slug: true } } } })).map((k) => `${k.topic.slug}:${k.phrase}`).sort(),
      feeds: (await p.feed.findMany({ orderBy: { id: "asc" }, select: { defaultTopic: true } })).map((f) => f.defaultTopic),
    };
  };

  const audit = async () =>
    (await (await prisma()).auditLog.findMany({ orderBy: { id: "asc" } })).map((e) => [e.actorName, e.action, e.subject, e.before, e.after]);

  it("lists every topic with its articles, subscribers, keywords and who made it", async () => {
    expect(await h.cli(["topics", "list"])).toEqual({
      code: 0,
      stdout: "no topics yet: they come from the feeds, or add one with `npm run cli -- topics add <name>`\n",
      stderr: "",
    });
    await seed();
    expect(await h.cli(["topics", "list"])).toEqual({
      code: 0,
      stdout:
        'asia (Asia): from feeds, 1 article, 1 subscriber; keywords "Pyongyang"\n' +
        'far-east (Far East): from feeds, 2 articles, 2 subscribers; keywords "Kim Jong Un", "Pyongyang"\n' +
        "sport (Sport): editors' topic, 1 article, 1 subscriber\n",
      stderr: "",
    });
    expect((await h.cli(["topics", "list"], { env: { TOPICS_OPEN: "false" } })).stdout).toBe(
      'asia (Asia): from feeds, hidden from readers, 1 article, 1 subscriber; keywords "Pyongyang"\n' +
        'far-east (Far East): from feeds, hidden from readers, 2 articles, 2 subscribers; keywords "Kim Jong Un", "Pyongyang"\n' +
        "sport (Sport): editors' topic, 1 article, 1 subscriber\n",
    );
  });

  it("adds an editors' topic, or makes one the feeds brought theirs", async () => {
    await seed();
    expect(await h.cli(["topics", "add", "US", "Politics"])).toEqual({ code: 0, stdout: "Created the topic us-politics (US Politics).\n", stderr: "" });
    expect(await h.cli(["topics", "add", "far-east"])).toEqual({ code: 0, stdout: "far-east (Far East) came from the feeds; it is an editors' topic now.\n", stderr: "" });
    expect(await h.cli(["topics", "add", "Sport"])).toEqual({ code: 0, stdout: "sport (Sport) is already an editors' topic.\n", stderr: "" });
    expect(await h.cli(["topics", "add", "!!"])).toEqual({ code: 1, stdout: "", stderr: '"!!" is not a usable topic name: use letters or digits, e.g. asia or north-korea.\n' });
    expect((await rows()).topics).toEqual(["asia|Asia|false", "far-east|Far East|true", "sport|Sport|true", "us-politics|US Politics|true"]);
    expect(await audit()).toEqual([
      [OPERATOR, "topic.create", "topic us-politics", null, '{"slug":"us-politics","name":"US Politics"}'],
      [OPERATOR, "topic.create", "topic far-east", null, '{"slug":"far-east","name":"Far East","adopted":true}'],
    ]);
  });

  it("renames a topic: its articles, subscribers, keywords and feeds follow", async () => {
    await seed();
    const before = await rows();
    expect(await h.cli(["topics", "rename", "far-east", "North", "Korea"])).toEqual({
      code: 0,
      stdout: "Renamed far-east to north-korea (North Korea); its articles, subscribers and keywords follow. 1 feed now gives north-korea.\n",
      stderr: "",
    });
    // Only the name: the slug stays.
    expect((await h.cli(["topics", "rename", "asia", "ASIA"])).stdout).toBe("Renamed asia to asia (ASIA); its articles, subscribers and keywords follow.\n");
    expect(await rows()).toEqual({
      topics: ["asia|ASIA|true", "north-korea|North Korea|true", "sport|Sport|true"],
      articles: ["1:asia", "1:north-korea", "2:north-korea", "3:sport"],
      readers: ["101:asia", "101:north-korea", "102:north-korea", "103:sport"],
      keywords: ["asia:Pyongyang", "north-korea:Kim Jong Un", "north-korea:Pyongyang"],
      feeds: ["north-korea", "asia"],
    });
    expect(before.articles).toEqual(["1:asia", "1:far-east", "2:far-east", "3:sport"]);

    expect(await h.cli(["topics", "rename", "asia", "Sport"])).toEqual({ code: 1, stdout: "", stderr: "There is already a topic sport: merge the two instead.\n" });
    expect(await h.cli(["topics", "rename", "europe", "Europe", "North"])).toEqual({ code: 1, stdout: "", stderr: 'There is no topic "europe": see the list of topics.\n' });
    expect((await rows()).topics).toEqual(["asia|ASIA|true", "north-korea|North Korea|true", "sport|Sport|true"]);
    expect(await audit()).toEqual([
      [OPERATOR, "topic.rename", "topic far-east", '{"slug":"far-east","name":"Far East"}', '{"slug":"north-korea","name":"North Korea"}'],
      [OPERATOR, "topic.rename", "topic asia", '{"slug":"asia","name":"Asia"}', '{"slug":"asia","name":"ASIA"}'],
    ]);
  });

  it("merges a topic into another: articles, readers, keywords and feeds move without doubles, and it is gone", async () => {
    await seed();
    expect(await h.cli(["topics", "merge", "far-east", "asia"])).toEqual({
      code: 0,
      stdout: "Merged far-east into asia: 2 articles and 1 subscriber moved (1 followed both), with 1 keyword and 1 feed; far-east is gone.\n",
      stderr: "",
    });
    expect(await rows()).toEqual({
      topics: ["asia|Asia|false", "sport|Sport|true"],
      articles: ["1:asia", "2:asia", "3:sport"],
      readers: ["101:asia", "102:asia", "103:sport"],
      keywords: ["asia:Kim Jong Un", "asia:Pyongyang"],
      feeds: ["asia", "asia"],
    });
    expect(await h.cli(["topics", "merge", "asia", "Asia"])).toEqual({ code: 1, stdout: "", stderr: "Both names are the topic asia: give two different topics.\n" });
    expect(await h.cli(["topics", "merge", "far-east", "asia"])).toEqual({ code: 1, stdout: "", stderr: 'There is no topic "far-east": see the list of topics.\n' });
    expect(await h.cli(["topics", "merge", "asia", "europe"])).toEqual({ code: 1, stdout: "", stderr: 'There is no topic "europe": see the list of topics.\n' });
    // An editors' topic merged into a feed topic leaves an editors' topic.
    expect((await h.cli(["topics", "merge", "sport", "asia"])).stdout).toBe("Merged sport into asia: 1 article and 1 subscriber moved; sport is gone.\n");
    expect((await rows()).topics).toEqual(["asia|Asia|true"]);
    expect(await audit()).toEqual([
      [
        OPERATOR,
        "topic.merge",
        "topic far-east",
        '{"slug":"far-east","name":"Far East"}',
        '{"into":"asia","articles":2,"subscribersMoved":1,"subscribersAlready":1,"keywords":1,"feeds":1}',
      ],
      [OPERATOR, "topic.merge", "topic sport", '{"slug":"sport","name":"Sport"}', '{"into":"asia","articles":1,"subscribersMoved":1,"subscribersAlready":0,"keywords":0,"feeds":0}'],
    ]);
  });

  it("removes a topic: its articles lose it, its readers are unsubscribed, and feeds stop giving it", async () => {
    await seed();
    expect(await h.cli(["topics", "remove", "Far", "East"])).toEqual({
      code: 0,
      stdout: "Removed far-east: 2 articles lost it, 2 subscribers were unsubscribed. 1 feed no longer gives a topic.\n",
      stderr: "",
    });
    expect(await rows()).toEqual({
      topics: ["asia|Asia|false", "sport|Sport|true"],
      articles: ["1:asia", "3:sport"],
      readers: ["101:asia", "103:sport"],
      keywords: ["asia:Pyongyang"],
      feeds: [null, "asia"],
    });
    // The stories and the readers themselves stay.
    expect(await (await prisma()).article.count()).toBe(3);
    expect(await (await prisma()).subscriber.count()).toBe(3);
    expect(await h.cli(["topics", "remove", "far-east"])).toEqual({ code: 1, stdout: "", stderr: 'There is no topic "far-east": see the list of topics.\n' });
    expect(await audit()).toEqual([[OPERATOR, "topic.remove", "topic far-east", '{"slug":"far-east","name":"Far East","articles":2,"subscribers":2,"feeds":1}', null]]);
  });

  it("with TOPICS_OPEN=false gives new articles only the editors' topics, mapping feed categories through keyword rules", async () => {
    const clock = createClock(new Date("2026-03-02T09:00:00Z"));
    const feed = "https://sport.example.com/rss.xml";
    const item = (title: string, slug: string, categories: string[]) => ({
      title,
      link: `https://sport.example.com/${slug}`,
      description: `${title}: the full report from the ground, with the reactions of both managers and what comes next for the clubs.`,
      pubDate: new Date("2026-03-02T08:00:00Z"),
      categories,
    });
    serve(
      feed,
      rss([
        item("City win the derby", "derby", ["Premier League", "Manchester"]),
        item("Wimbledon draw announced", "wimbledon", ["Tennis"]),
        item("Cup final tickets sold out", "cup-final", ["Football"]),
      ]),
    );
    const closed = { env: { TOPICS_OPEN: "false" }, now: clock.now };
    expect((await h.cli(["topics", "add", "Football"], closed)).code).toBe(0);
    expect((await h.cli(["topics", "keyword", "football", "Premier", "League"], closed)).code).toBe(0);
    expect((await h.cli(["feeds", "add", feed], closed)).code).toBe(0);
    expect((await h.cli(["ingest"], closed)).stdout).toBe(
      "#1 first fetch: 3 stories stored, not posted: only stories that arrive from now on are posted\n1 feed, 3 new articles, 0 failed\n",
    );
    // No topic was made from "Manchester", "Tennis" or the URLs: only the editors' one exists.
    expect((await rows()).topics).toEqual(["football|Football|true"]);
    const tagged = await (await prisma()).article.findMany({ orderBy: { url: "asc" }, select: { url: true, topics: { select: { topic: { select: { slug: true } } } } } });
    expect(tagged.map((a) => [a.url, a.topics.map((t) => t.topic.slug)])).toEqual([
      ["https://sport.example.com/cup-final", ["football"]],
      ["https://sport.example.com/derby", ["football"]],
      ["https://sport.example.com/wimbledon", []],
    ]);
  });
});
