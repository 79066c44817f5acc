/**
 * When a feed says too little, the article page is fetched and extracted: a clean
 * body, the canonical URL (the feed's link kept as an alias), section and topics,
 * image and date. A `--full-page` feed always fetches pages; a page that cannot
 * be fetched falls back to the feed's text. Optional LLM summaries, with the
 * extractive summary as fallback. On SQLite and on PostgreSQL.
 */
import { delay, http, HttpResponse } from "msw";
import { afterEach, beforeEach, describe, expect, it } from "vitest";

import { createApp } from "../../src/app/create-app.js";
import { publishNextPost } from "../../src/publish/outbox.js";
import { createCliHarness, createClock, type CliHarness } from "../cli/cli-harness.js";
import { CHANNEL_ID, memoryLogger, testConfig } from "../support/config.js";
import { TEST_PROVIDERS } from "../support/database.js";
import { server } from "../support/msw.js";
import { BOT_INFO } from "../support/telegram.js";
import { publicLookup, rss, serve } from "../support/web.js";

const START = new Date("2026-03-02T09:00:00.000Z");
const FEED = "https://www.times.example.com/rss/asia.xml";
const FEED_LINK = "https://times.example.com/r/asia/kim-russia-summit?utm_source=rss&utm_medium=feed";
const CANONICAL = "https://www.times.example.com/asia/kim-to-visit-russia-for-summit-with-putin";

const PARAGRAPHS = [
  "SEOUL – North Korean leader Kim Jong Un will soon visit Russia to meet President Vladimir Putin, the two countries confirmed on Monday, after United States officials said the pair would discuss possible arms deals.",
  "Mr Kim will visit Russia in the coming days at the invitation of Mr Putin, the Kremlin said, while North Korean state news agency KCNA said the two would meet and have a talk, without elaborating.",
  "Mr Kim appeared to have taken a special train bound for Russia, South Korean broadcaster YTN reported on Monday, citing an unnamed senior government source.",
  "The summit was likely to be held on Tuesday in the far eastern city of Vladivostok, where Mr Putin is attending the Eastern Economic Forum.",
];

/** An article page as news sites serve it: navigation, share buttons, newsletter box and footer around the story. */
function articlePage(options: { canonical?: string; published?: string; section?: string; image?: string } = {}) {
  return `<!doctype html><html lang="en-GB"><head><meta charset="utf-8">
<title>North Korea's Kim to visit Russia for summit with Putin | The Times Example</title>
${options.canonical ? `<link rel="canonical" href="${options.canonical}">` : ""}
<meta property="og:title" content="North Korea's Kim to visit Russia for summit with Putin">
${options.image ? `<meta property="og:image" content="${options.image}">` : ""}
${options.section ? `<meta property="article:section" content="${options.section}">` : ""}
${options.published ? `<meta property="article:published_time" content="${options.published}">` : ""}
<meta name="author" content="Jane Reporter">
</head><body>
<header><nav><a href="/">Home</a> <a href="/asia/">Asia</a> <a href="/world/">World</a> <a href="/sport/">Sport</a></nav>
<div class="breaking-banner">Saturday, May 18, 2024</div></header>
<main><article>
<h1>North Korea's Kim to visit Russia for summit with Putin</h1>
<div class="share">Share on Facebook Share on X Copy link</div>
${PARAGRAPHS.map((p) => `<p>${p}</p>`).join("\n")}
<aside class="newsletter"><h3>Sign up for our Asia newsletter</h3><p>Get the top stories from Asia in your inbox every morning. Subscribe now.</p></aside>
</article></main>
<footer><p>© 2026 The Times Example. All rights reserved.</p><a href="/privacy">Privacy policy</a></footer>
</body></html>`;
}

describe.each(TEST_PROVIDERS)("article pages on %s", (provider) => {
  let h: CliHarness;
  let clock: ReturnType<typeof createClock>;

  beforeEach(async () => {
    h = await createCliHarness(provider);
    clock = createClock(START);
  });
  afterEach(async () => {
    await h.close();
  });

  const ingest = (env: Record<string, string> = {}) => h.cli(["ingest"], { now: clock.now, env });
  const storedArticles = async () =>
    (await h.db()).prisma.article.findMany({
      orderBy: { id: "asc" },
      include: { aliases: { select: { url: true }, orderBy: { url: "asc" } }, topics: { select: { topic: { select: { slug: true } } }, orderBy: { topicId: "asc" } } },
    });

  it("fetches the page of a title-only item and stores the clean article under its canonical URL", async () => {
    serve(FEED, rss([{ title: "Kim to visit Russia for summit with Putin", link: FEED_LINK, categories: ["Diplomacy"] }]));
    const page = serve(
      "https://times.example.com/r/asia/kim-russia-summit",
      articlePage({ canonical: CANONICAL, published: "2026-03-02T06:30:00+00:00", section: "World", image: "/images/kim-train.jpg" }),
      "text/html; charset=utf-8",
    );
    await h.cli(["feeds", "add", FEED, "--topic", "North Korea"]);
    expect((await h.cli(["topics", "keyword", "russia", "Vladimir Putin"])).stdout).toBe('articles mentioning "Vladimir Putin" get the topic russia\n');

    expect(await ingest()).toEqual({ code: 0, stdout: "#1 first fetch: 1 story stored, not posted: only stories that arrive from now on are posted\n1 feed, 1 new article, 0 failed\n", stderr: "" });
    expect(page.count).toBe(1);
    // The page is asked for without the tracking parameters.
    expect(page.requests[0]!.url).toBe("https://times.example.com/r/asia/kim-russia-summit");

    const [article, ...others] = await storedArticles();
    expect(others).toEqual([]);
    expect(article).toMatchObject({
      url: CANONICAL,
      headline: "Kim to visit Russia for summit with Putin",
      body: PARAGRAPHS.join("\n\n"),
      section: "World",
      author: "Jane Reporter",
      language: "en-GB",
      imageUrl: "https://times.example.com/images/kim-train.jpg",
      publishedAt: new Date("2026-03-02T06:30:00.000Z"),
      sortAt: new Date("2026-03-02T06:30:00.000Z"),
      feedId: 1,
      autoPost: false,
    });
    expect(article!.summary.startsWith("SEOUL – North Korean leader Kim Jong Un will soon visit Russia")).toBe(true);
    expect(article!.body).not.toMatch(/Subscribe|newsletter|Share on|All rights reserved|Privacy|Saturday, May 18/);
    expect(article!.aliases).toEqual([{ url: "https://times.example.com/r/asia/kim-russia-summit" }]);
    expect(article!.topics.map((t) => t.topic.slug).sort()).toEqual(["asia", "diplomacy", "north-korea", "russia", "world"]);

    // Later the same story appears under its canonical URL, and the feed's link again: nothing new, no page fetched.
    clock.advance(10 * 60_000);
    serve(
      FEED,
      rss([
        { title: "Kim to visit Russia for summit with Putin", link: `${CANONICAL}?utm_campaign=newsletter` },
        { title: "Kim to visit Russia for summit with Putin", link: FEED_LINK },
      ]),
    );
    expect((await ingest()).stdout).toBe("#1 ok: 0 new, 0 skipped\n1 feed, 0 new articles, 0 failed\n");
    expect(page.count).toBe(1);
    expect(await (await h.db()).prisma.article.count()).toBe(1);
  });

  it("takes the date from the page when the feed has none, and a teaser's page when the description is short", async () => {
    serve(FEED, rss([{ title: "Kim to visit Russia for summit with Putin", link: CANONICAL, description: "Kim heads to Russia. Read more…" }]));
    const page = serve(CANONICAL, articlePage({ published: "2026-03-01T22:00:00Z" }), "text/html");
    await h.cli(["feeds", "add", FEED]);
    await ingest();
    expect(page.count).toBe(1);
    const [article] = await storedArticles();
    expect(article).toMatchObject({ url: CANONICAL, publishedAt: new Date("2026-03-01T22:00:00.000Z"), body: PARAGRAPHS.join("\n\n"), aliases: [] });
    expect(article!.topics.map((t) => t.topic.slug)).toEqual(["asia"]);
  });

  it("reads the page when the description is a long hook ending in […]", async () => {
    const hook = "North Korean leader Kim Jong Un is heading to Russia for talks with Vladimir Putin, officials in Seoul and Moscow said on Monday […]";
    serve(FEED, rss([{ title: "Kim to visit Russia for summit with Putin", link: CANONICAL, description: hook }]));
    const page = serve(CANONICAL, articlePage({}), "text/html");
    await h.cli(["feeds", "add", FEED]);
    await ingest();
    expect(page.count).toBe(1);
    const [article] = await storedArticles();
    expect(article).toMatchObject({ body: PARAGRAPHS.join("\n\n") });
    expect(article!.summary.startsWith("SEOUL – North Korean leader")).toBe(true);
  });

  it("ignores a canonical URL on another site", async () => {
    serve(FEED, rss([{ title: "Kim to visit Russia for summit with Putin", link: CANONICAL }]));
    serve(CANONICAL, articlePage({ canonical: "https://aggregator.example.net/story/123" }), "text/html");
    await h.cli(["feeds", "add", FEED]);
    await ingest();
    expect((await storedArticles()).map((a) => [a.url, a.aliases])).toEqual([[CANONICAL, []]]);
  });

  it("always fetches pages for a --full-page feed, even with a long description", async () => {
    const description =
      "North Korean leader Kim Jong Un will soon visit Russia to meet President Vladimir Putin, the two countries confirmed on Monday.";
    serve(FEED, rss([{ title: "Kim to visit Russia for summit with Putin", link: CANONICAL, description }]));
    const page = serve(CANONICAL, articlePage({ section: "Asia" }), "text/html");
    expect((await h.cli(["feeds", "add", FEED, "--full-page"])).stdout).toBe(`added feed #1 ${FEED}: "Test News", 1 item\n`);
    expect((await h.cli(["feeds", "list"])).stdout).toBe(`#1 ${FEED} (full page) — new (not fetched yet)\n`);
    await ingest();
    expect(page.count).toBe(1);
    const [article] = await storedArticles();
    // The one-line description, then the lede sentence that adds something new (the first one
    // repeats it) while the summary stays within SUMMARY_MAX_CHARS.
    expect(article).toMatchObject({ body: PARAGRAPHS.join("\n\n"), summary: `${description} ${PARAGRAPHS[1]}`, section: "Asia" });
  });

  it("falls back to the feed's text when the page cannot be fetched", async () => {
    const teaser = "Kim heads to Russia for talks with Putin.";
    serve(FEED, rss([{ title: "Kim to visit Russia for summit with Putin", link: CANONICAL, description: teaser, pubDate: new Date("2026-03-02T08:00:00Z") }]));
    const page = { count: 0 };
    server.use(
      http.get(CANONICAL, () => {
        page.count++;
        return new HttpResponse("Service Unavailable", { status: 503 });
      }),
    );
    await h.cli(["feeds", "add", FEED]);
    expect((await ingest()).stdout).toBe("#1 first fetch: 1 story stored, not posted: only stories that arrive from now on are posted\n1 feed, 1 new article, 0 failed\n");
    expect(page.count).toBe(1);
    const [article] = await storedArticles();
    expect(article).toMatchObject({ url: CANONICAL, headline: "Kim to visit Russia for summit with Putin", body: teaser, summary: teaser, section: null });
    expect(await (await h.db()).prisma.feed.findUniqueOrThrow({ where: { id: 1 } })).toMatchObject({ lastError: null });
  });

  describe("with an LLM for summaries", () => {
    const LLM = "https://llm.example.ai/v1";
    const llmEnv = { SUMMARY_LLM_URL: LLM, SUMMARY_LLM_MODEL: "newsroom-small", SUMMARY_LLM_KEY: "sk-test-key", SUMMARY_LLM_TIMEOUT_MS: "1000" };
    const description = PARAGRAPHS[0]!;

    beforeEach(() => {
      serve(FEED, rss([{ title: "Kim to visit Russia for summit with Putin", link: CANONICAL, description }]));
    });

    it("stores the LLM's summary", async () => {
      const asked: Record<string, unknown>[] = [];
      server.use(
        http.post(`${LLM}/chat/completions`, async ({ request }) => {
          expect(request.headers.get("authorization")).toBe("Bearer sk-test-key");
          asked.push((await request.json()) as Record<string, unknown>);
          return HttpResponse.json({ choices: [{ message: { content: "Kim Jong Un will travel to Russia for a summit with Vladimir Putin, both countries said." } }] });
        }),
      );
      await h.cli(["feeds", "add", FEED]);
      expect((await ingest(llmEnv)).stdout).toBe("#1 first fetch: 1 story stored, not posted: only stories that arrive from now on are posted\n1 feed, 1 new article, 0 failed\n");
      expect(asked).toHaveLength(1);
      expect(asked[0]).toMatchObject({ model: "newsroom-small" });
      const [article] = await storedArticles();
      expect(article!.summary).toBe("Kim Jong Un will travel to Russia for a summit with Vladimir Putin, both countries said.");
    });

    it("stores the extractive summary when the LLM answers 500", async () => {
      server.use(http.post(`${LLM}/chat/completions`, () => HttpResponse.json({ error: "overloaded" }, { status: 500 })));
      await h.cli(["feeds", "add", FEED]);
      expect((await ingest(llmEnv)).stdout).toBe("#1 first fetch: 1 story stored, not posted: only stories that arrive from now on are posted\n1 feed, 1 new article, 0 failed\n");
      expect((await storedArticles())[0]!.summary).toBe(description);
    });

    it("stores the extractive summary when the LLM does not answer in time", async () => {
      server.use(
        http.post(`${LLM}/chat/completions`, async () => {
          await delay(5_000);
          return HttpResponse.json({ choices: [{ message: { content: "Too late." } }] });
        }),
      );
      await h.cli(["feeds", "add", FEED]);
      expect((await ingest(llmEnv)).stdout).toBe("#1 first fetch: 1 story stored, not posted: only stories that arrive from now on are posted\n1 feed, 1 new article, 0 failed\n");
      // Had the summariser waited for the answer, "Too late." would be the summary.
      expect((await storedArticles())[0]!.summary).toBe(description);
    });

    it("refuses an endpoint on a private address like any other URL: extractive summaries, and one warning that says why", async () => {
      const LOCAL = "http://127.0.0.1:11434/v1";
      let asked = 0;
      server.use(
        http.post(`${LOCAL}/chat/completions`, () => {
          asked++;
          return HttpResponse.json({ choices: [{ message: { content: "Read from a private address." } }] });
        }),
      );
      const stories = PARAGRAPHS.slice(0, 3).map((text, i) => ({ title: `Story number ${i + 1} about ${["trains", "summits", "forums"][i]}`, link: `${CANONICAL}-${i + 1}`, description: text }));
      serve(FEED, rss(stories));
      await h.cli(["feeds", "add", FEED]);
      const { logger, lines } = memoryLogger("warn");
      const run = await h.cli(["ingest"], { now: clock.now, env: { ...llmEnv, SUMMARY_LLM_URL: LOCAL }, logger });
      expect(run.stdout).toBe("#1 first fetch: 3 stories stored, not posted: only stories that arrive from now on are posted\n1 feed, 3 new articles, 0 failed\n");
      expect((await storedArticles()).map((a) => a.summary)).toEqual(PARAGRAPHS.slice(0, 3));
      expect(asked).toBe(0);
      expect(lines.map((line) => [line.msg, line.reason])).toEqual([
        [
          "LLM summary unavailable; using the extractive summary",
          `refused ${LOCAL}/chat/completions: 127.0.0.1 is a loopback address; set ALLOW_PRIVATE_URLS to allow it`,
        ],
      ]);
    });

    it("posts the LLM's answer as plain text, escaped in the exact channel post", async () => {
      const answer =
        'Kim <b>will travel</b> to Russia &amp; meet <a href="https://evil.example/">Putin</a>; the &lt;b&gt; tag & "talks" < 2 days.';
      server.use(http.post(`${LLM}/chat/completions`, () => HttpResponse.json({ choices: [{ message: { content: answer } }] })));
      await h.cli(["feeds", "add", FEED]);
      await ingest(llmEnv);
      const [article] = await storedArticles();
      expect(article!.summary).toBe('Kim will travel to Russia & meet Putin; the <b> tag & "talks" < 2 days.');

      const app = await createApp({
        config: testConfig(h.database.url),
        logger: memoryLogger().logger,
        botInfo: BOT_INFO,
        fetcherDeps: { lookup: publicLookup },
      });
      try {
        const post = await app.services.posts.create({ articleId: article!.id, origin: "editor" });
        expect(await publishNextPost(app.outboxDeps, { postId: post!.id })).toMatchObject({ kind: "sent" });
      } finally {
        await app.stop();
      }
      const sent = h.telegram.callsTo("sendMessage").filter((call) => call.payload.chat_id === CHANNEL_ID);
      expect(sent.map((call) => call.payload.text)).toEqual([
        [
          "<b>Kim to visit Russia for summit with Putin</b>",
          "Kim will travel to Russia &amp; meet Putin; the &lt;b&gt; tag &amp; &quot;talks&quot; &lt; 2 days.",
          `<a href="${CANONICAL}">Read more</a> · Test News`,
          "#asia",
        ].join("\n\n"),
      ]);
    });
  });
});
