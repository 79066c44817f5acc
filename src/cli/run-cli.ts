/**
 * The operator's commands (`npm run cli -- <command>`). Output goes to `stdout`
 * and nothing else does (logs go to stderr), so `feeds export > feeds.opml` and
 * `extract … | jq` work. Returns the exit code.
 */
import { readFileSync } from "node:fs";

import { Command, CommanderError } from "commander";

import { ConfigError, createConfig, type Config } from "../config.js";
import { openDatabase } from "../db/client.js";
import { DuplicateFeedError, type FilterKind } from "../db/feeds.js";
import { migrateDatabase } from "../db/migrations.js";
import { createAdminNotifier } from "../bot/admin-notifier.js";
import { buildArticle, type CleanArticle } from "../ingest/build-article.js";
import { extractArticle } from "../ingest/extract/extract-article.js";
import { decodeBody } from "../ingest/fetch/decode-body.js";
import { FetchError, type FetcherDeps } from "../ingest/fetch/create-fetcher.js";
import { createIngestDeps } from "../ingest/create-ingest-deps.js";
import { fetchArticlePage, ingestAllFeeds, INGEST_LEASE } from "../ingest/ingest-feeds.js";
import { ExtractionTimeoutError } from "../ingest/workers/create-extraction-pool.js";
import { FeedUrlError, parseFeedUrl } from "../ingest/feeds/parse-feed-url.js";
import { parseFilterPhrase } from "../ingest/filters/keyword-filter.js";
import { normaliseUrl } from "../ingest/identity/normalise-url.js";
import { buildOpml, OpmlError, parseOpml } from "../ingest/opml/opml.js";
import type { TopicRule } from "../ingest/topics/assign-topics.js";
import { slugifyTopic, topicNameFromSlug } from "../ingest/topics/slugify-topic.js";
import { createLogger, type Logger } from "../logger.js";
import { createServices, type Services } from "../services.js";
import { Api } from "grammy";
import { feedLine } from "./feed-status.js";

export interface CliIo {
  env: Record<string, string | undefined>;
  stdout: (text: string) => void;
  stderr: (text: string) => void;
  fetcherDeps?: FetcherDeps;
  logger?: Logger;
  now?: () => Date;
}

/** A problem the operator caused: printed as one line, exit code 1. */
class UsageError extends Error {}

/** parseFeedUrl with its refusal as a usage error (exit code 1). */
function feedUrlArgument(input: string): string {
  try {
    return parseFeedUrl(input);
  } catch (error) {
    if (error instanceof FeedUrlError) throw new UsageError(error.message);
    throw error;
  }
}

function parseId(input: string, what = "feed"): number {
  if (!/^\d+$/.test(input)) throw new UsageError(`"${input}" is not a ${what} id: use the number shown by \`feeds list\``);
  return Number(input);
}

function parseTopic(input: string | undefined): string | null {
  if (input === undefined) return null;
  const slug = slugifyTopic(input);
  if (!slug) throw new UsageError(`"${input}" is not a usable topic name: use letters or digits, e.g. asia or north-korea`);
  return slug;
}


/** Stands in for a saved page's address when neither --url nor the page gives one; never printed. */
const PLACEHOLDER_PAGE_URL = "https://localhost/";

function articleJson(article: CleanArticle) {
  return {
    headline: article.headline,
    canonicalUrl: article.canonicalUrl,
    publishedAt: article.publishedAt?.toISOString() ?? null,
    section: article.section,
    topics: article.topics,
    author: article.author,
    language: article.language,
    image: article.image,
    summary: article.summary,
    body: article.body,
  };
}

/** Runs one CLI command; `argv` are the arguments after `npm run cli --`. */
export async function runCli(argv: string[], io: CliIo): Promise<number> {
  let config: Config;
  try {
    config = createConfig(io.env, "cli");
  } catch (error) {
    if (!(error instanceof ConfigError)) throw error;
    for (const problem of error.problems) io.stderr(`${problem}\n`);
    return 1;
  }
  const logger = io.logger ?? createLogger({ level: config.logLevel, secrets: [config.botToken, config.summary.llm?.apiKey] });

  let services: Services | null = null;
  const open = async (): Promise<Services> => {
    if (!services) {
      const db = await openDatabase(config.database);
      services = createServices({ config, logger, db, ...(io.fetcherDeps ? { fetcherDeps: io.fetcherDeps } : {}), ...(io.now ? { now: io.now } : {}) });
    }
    return services;
  };
  const out = (line: string) => io.stdout(`${line}\n`);

  const program = new Command("newsdesk")
    .description("Newsdesk operator commands")
    .exitOverride()
    .configureOutput({ writeOut: io.stdout, writeErr: io.stderr });

  program
    .command("db")
    .description("database commands")
    .command("migrate")
    .description("apply pending migrations (every command also does this first)")
    .action(async () => {
      const applied = await migrateDatabase(config.database);
      out(applied.length > 0 ? `applied: ${applied.join(", ")}` : "the database is up to date");
    });

  const feeds = program.command("feeds").description("manage feeds");
  feeds
    .command("add <url>")
    .description("add a feed (checked for form, fetched at the next ingest)")
    .option("--topic <slug>", "topic given to every article of this feed")
    .option("--full-page", "always fetch and extract the article pages")
    .action(async (url: string, options: { topic?: string; fullPage?: boolean }) => {
      const feedUrl = feedUrlArgument(url);
      const topic = parseTopic(options.topic);
      const s = await open();
      try {
        const feed = await s.feeds.add({ url: feedUrl, defaultTopic: topic, fullPage: options.fullPage ?? false });
        out(`added feed #${feed.id} ${feed.url}${topic ? ` [${topic}]` : ""}`);
      } catch (error) {
        if (error instanceof DuplicateFeedError) throw new UsageError(`this feed is already there as #${error.existing.id}`);
        throw error;
      }
    });
  feeds
    .command("list")
    .description("list feeds with their health")
    .action(async () => {
      const list = await (await open()).feeds.list();
      if (list.length === 0) out("no feeds yet: add one with `npm run cli -- feeds add <url>`");
      for (const feed of list) out(feedLine(feed));
    });
  feeds
    .command("remove <id>")
    .description("remove a feed (its stored articles stay)")
    .action(async (id: string) => {
      const removed = await (await open()).feeds.remove(parseId(id));
      if (!removed) throw new UsageError(`there is no feed #${id}`);
      out(`removed feed #${removed.id} ${removed.url}`);
    });
  feeds
    .command("resume <id>")
    .description("resume a paused feed")
    .action(async (id: string) => {
      if (!(await (await open()).feeds.resume(parseId(id)))) throw new UsageError(`there is no feed #${id}`);
      out(`feed #${id} resumed; it is fetched at the next ingest`);
    });
  const filter = feeds.command("filter").description("per-feed keyword filters (words or phrases, case-insensitive)");
  const filterChange = (kind: FilterKind, adding: boolean) => async (id: string, words: string[]) => {
    const feedId = parseId(id);
    const parsed = parseFilterPhrase(words.join(" "));
    if (!parsed.ok) throw new UsageError(parsed.error);
    const s = await open();
    if (!(await s.feeds.get(feedId))) throw new UsageError(`there is no feed #${id}`);
    // Filters match case-insensitively, so "Sport" and "sport" are one phrase.
    const same = (await s.feeds.listFilters(feedId)).find((f) => f.kind === kind && f.phrase.toLowerCase() === parsed.phrase.toLowerCase());
    if (adding) {
      if (!same) await s.feeds.addFilter(feedId, kind, parsed.phrase);
      out(`feed #${feedId}: ${kind} "${same?.phrase ?? parsed.phrase}"`);
    } else {
      if (!same || !(await s.feeds.removeFilter(feedId, kind, same.phrase))) throw new UsageError(`feed #${feedId} has no ${kind} "${parsed.phrase}"`);
      out(`feed #${feedId}: removed ${kind} "${same.phrase}"`);
    }
  };
  for (const kind of ["include", "exclude"] as const) {
    filter.command(`${kind} <id> <phrase...>`).description(`only items ${kind === "include" ? "with" : "without"} the phrase`).action(filterChange(kind, true));
    filter.command(`un${kind} <id> <phrase...>`).description(`remove an ${kind} phrase`).action(filterChange(kind, false));
  }
  filter
    .command("list <id>")
    .description("show a feed's filters")
    .action(async (id: string) => {
      const s = await open();
      if (!(await s.feeds.get(parseId(id)))) throw new UsageError(`there is no feed #${id}`);
      const list = await s.feeds.listFilters(parseId(id));
      if (list.length === 0) out(`feed #${id} has no filters: every item is taken`);
      for (const f of list) out(`${f.kind} "${f.phrase}"`);
    });
  feeds
    .command("import <file>")
    .description("add the feeds of an OPML file (existing ones are kept)")
    .action(async (file: string) => {
      let entries;
      try {
        entries = parseOpml(readFileSync(file, "utf8"));
      } catch (error) {
        if (error instanceof OpmlError || (error as NodeJS.ErrnoException).code === "ENOENT") throw new UsageError(`cannot import ${file}: ${(error as Error).message}`);
        throw error;
      }
      const s = await open();
      let added = 0;
      for (const entry of entries) {
        let url: string;
        try {
          url = parseFeedUrl(entry.url);
        } catch (error) {
          io.stderr(`skipped ${entry.url}: ${(error as Error).message}\n`);
          continue;
        }
        try {
          await s.feeds.add({ url, title: entry.title, defaultTopic: entry.topic });
          added++;
        } catch (error) {
          if (!(error instanceof DuplicateFeedError)) throw error;
        }
      }
      out(`imported ${added} new feed${added === 1 ? "" : "s"} of ${entries.length} in ${file}`);
    });
  feeds
    .command("export")
    .description("print the feed list as OPML")
    .action(async () => {
      const list = await (await open()).feeds.list();
      io.stdout(buildOpml(list.map((f) => ({ url: f.url, title: f.title, topic: f.defaultTopic })), "Newsdesk feeds"));
    });

  const topics = program.command("topics").description("topics and their keyword rules");
  topics
    .command("list")
    .action(async () => {
      const s = await open();
      const [list, rules] = await Promise.all([s.topics.list(), s.topics.rules()]);
      for (const topic of list) {
        const phrases = rules.find((r) => r.slug === topic.slug)?.phrases ?? [];
        out(`${topic.slug}${phrases.length ? ` — keywords: ${phrases.map((p) => `"${p}"`).join(", ")}` : ""}`);
      }
    });
  topics
    .command("keyword <topic> <phrase...>")
    .description("articles mentioning the phrase get the topic")
    .action(async (topicName: string, words: string[]) => {
      const slug = parseTopic(topicName) as string;
      const parsed = parseFilterPhrase(words.join(" "));
      if (!parsed.ok) throw new UsageError(parsed.error);
      const s = await open();
      const topic = await s.topics.ensure(slug, topicNameFromSlug(slug));
      await s.topics.addKeyword(topic.id, parsed.phrase);
      out(`articles mentioning "${parsed.phrase}" get the topic ${slug}`);
    });

  program
    .command("ingest")
    .description("fetch every due feed once and store new articles")
    .action(async () => {
      const s = await open();
      // The admin chat may have moved (group → supergroup); the bot remembers where.
      await s.adminChat.load();
      const api = config.botToken ? new Api(config.botToken, { apiRoot: config.telegramApiRoot, timeoutSeconds: 10 }) : null;
      const admin = api
        ? createAdminNotifier({ api, adminChatId: () => s.adminChat.get(), logger })
        : { notify: () => Promise.resolve(false) };
      // The bot's scheduled ingest takes the same lease: two runs at once would both find a story new.
      if (!(await s.leases.acquire(INGEST_LEASE.name, s.instanceId, s.now(), INGEST_LEASE.ms))) {
        throw new UsageError("another ingest is running (the bot's scheduled run, or another terminal); try again when it has finished");
      }
      let report;
      try {
        report = await ingestAllFeeds(createIngestDeps({ services: s, admin, logger: logger.child({ job: "ingest" }) }));
      } finally {
        await s.leases.release(INGEST_LEASE.name, s.instanceId);
      }
      for (const result of report.results) {
        out(`#${result.feedId} ${result.ok ? `ok: ${result.stored} new, ${result.skipped} skipped` : `failed: ${result.error}`}`);
      }
      out(`${report.feeds} feed${report.feeds === 1 ? "" : "s"}, ${report.stored} new article${report.stored === 1 ? "" : "s"}, ${report.failed} failed`);
    });

  program
    .command("extract <source>")
    .description("print the article extracted from a URL or a saved HTML file, as JSON")
    .option("--url <address>", "the page's address, for a file (relative links, canonical URL)")
    .action(async (source: string, options: { url?: string }) => {
      const context = { now: io.now?.() ?? new Date(), summaryMaxChars: config.summary.maxChars, feedDefaultTopic: null, rules: [] as TopicRule[] };
      let article: CleanArticle | null;
      let knownAddress = true;
      if (/^https?:\/\//i.test(source)) {
        // Exactly as ingestion: the guarded fetcher, extraction, the editors' topic rules.
        const s = await open();
        context.rules = await s.topics.rules();
        let page;
        try {
          page = await fetchArticlePage(s, source, context);
        } catch (error) {
          if (error instanceof ExtractionTimeoutError) throw new UsageError(`cannot extract ${source}: ${error.message}`);
          if (!(error instanceof FetchError)) throw error;
          const why = error.code === "private_address" ? `private and loopback addresses are not allowed; ${error.message}` : error.message;
          throw new UsageError(`cannot extract ${source}: ${why}`);
        }
        article = page.article;
      } else {
        let bytes: Uint8Array;
        try {
          bytes = readFileSync(source);
        } catch (error) {
          throw new UsageError(`cannot read ${source}: ${(error as Error).message}`);
        }
        if (options.url !== undefined && !normaliseUrl(options.url)) throw new UsageError(`--url must be an http(s) address, got "${options.url}"`);
        // A saved page is read like a fetched one: its <meta charset>, else UTF-8.
        const html = decodeBody(bytes, null, "page");
        let pageUrl = options.url ?? PLACEHOLDER_PAGE_URL;
        let page = extractArticle(html, pageUrl);
        if (options.url === undefined) {
          // Without --url, the page's own absolute canonical URL is the best address there is.
          const own = page.canonicalUrl ? normaliseUrl(page.canonicalUrl) : null;
          if (own && new URL(own).hostname !== "localhost") {
            pageUrl = own;
            page = extractArticle(html, pageUrl);
          } else knownAddress = false;
        }
        article = buildArticle({ page, pageUrl }, context);
      }
      if (!article) throw new UsageError("no article found on that page (no headline)");
      out(JSON.stringify({ ...articleJson(article), ...(knownAddress ? {} : { canonicalUrl: null }) }, null, 2));
    });

  try {
    await program.parseAsync(argv, { from: "user" });
    return 0;
  } catch (error) {
    if (error instanceof CommanderError) return error.exitCode === 0 ? 0 : 2;
    if (error instanceof UsageError || error instanceof FetchError) {
      io.stderr(`${error.message}\n`);
      return 1;
    }
    logger.error({ err: error }, "command failed");
    io.stderr(`failed: ${(error as Error).message}\n`);
    return 1;
  } finally {
    const opened = services as Services | null;
    if (opened) {
      await opened.fetcher.close();
      await opened.extractor.close();
      await opened.db.close();
    }
  }
}
