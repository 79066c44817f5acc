/**
 * The ingest job: fetch every due feed, turn new items into clean articles and
 * store each feed's new articles in one transaction. A feed that fails gets its
 * error stored and backs off; the others go on.
 */
import type { AdminNotifier } from "../bot/admin-notifier.js";
import type { ArticlesRepository, NewArticle } from "../db/articles.js";
import type { FeedRecord, FeedsRepository } from "../db/feeds.js";
import type { TopicsRepository } from "../db/topics.js";
import type { Logger } from "../logger.js";
import { escapeHtml } from "../publish/telegram-html.js";
import { buildArticle, itemText, USABLE_DESCRIPTION_CHARS, type CleanArticle } from "./build-article.js";
import { extractArticle } from "./extract/extract-article.js";
import type { Fetcher } from "./fetch/create-fetcher.js";
import { FetchError } from "./fetch/create-fetcher.js";
import { judgeFeedFailure } from "./feed-health.js";
import { parseFeed, type FeedItem } from "./feeds/parse-feed.js";
import { passesKeywordFilter } from "./filters/keyword-filter.js";
import { isSameStory, SAME_STORY_WINDOW_MS } from "./identity/same-story.js";
import { normaliseUrl } from "./identity/normalise-url.js";
import type { Summariser } from "./summary/llm-summariser.js";
import type { TopicRule } from "./topics/assign-topics.js";
import { topicNameFromSlug } from "./topics/slugify-topic.js";

/** Only stories published this recently are posted automatically. */
const AUTO_POST_WINDOW_MS = 24 * 60 * 60 * 1000;
/** Feeds fetched at once; with per-host limits in the fetcher this keeps a run over many slow feeds short. */
const FEED_CONCURRENCY = 8;

export interface IngestDeps {
  feeds: FeedsRepository;
  articles: ArticlesRepository;
  topics: TopicsRepository;
  fetcher: Fetcher;
  admin: AdminNotifier;
  logger: Logger;
  now: () => Date;
  summaryMaxChars: number;
  feedMaxFailures: number;
  /** The optional abstractive summariser (falls back to the extractive summary itself). */
  summariser?: Summariser | null;
}

export interface FeedIngestResult {
  feedId: number;
  ok: boolean;
  stored: number;
  skipped: number;
  error?: string;
}

export interface IngestReport {
  feeds: number;
  failed: number;
  stored: number;
  results: FeedIngestResult[];
}

/** Runs `work` over `items`, at most `limit` at a time. */
async function forEachLimited<T>(items: T[], limit: number, work: (item: T) => Promise<void>): Promise<void> {
  let next = 0;
  const workers = Array.from({ length: Math.min(limit, items.length) }, async () => {
    while (next < items.length) {
      const item = items[next++] as T;
      await work(item);
    }
  });
  await Promise.all(workers);
}

/** Fetches every feed that is due, and stores what is new. */
export async function ingestAllFeeds(deps: IngestDeps): Promise<IngestReport> {
  const feeds = await deps.feeds.listDue(deps.now());
  const [rules, filters] = await Promise.all([deps.topics.rules(), deps.feeds.filtersByFeed()]);
  const results: FeedIngestResult[] = [];
  await forEachLimited(feeds, FEED_CONCURRENCY, async (feed) => {
    const feedFilters = filters.get(feed.id) ?? [];
    results.push(
      await ingestFeed(deps, feed, {
        rules,
        filter: {
          include: feedFilters.filter((f) => f.kind === "include").map((f) => f.phrase),
          exclude: feedFilters.filter((f) => f.kind === "exclude").map((f) => f.phrase),
        },
      }),
    );
  });
  const report = {
    feeds: feeds.length,
    failed: results.filter((r) => !r.ok).length,
    stored: results.reduce((sum, r) => sum + r.stored, 0),
    results: results.sort((a, b) => a.feedId - b.feedId),
  };
  deps.logger.info({ feeds: report.feeds, failed: report.failed, stored: report.stored }, "ingest finished");
  return report;
}

/** Fetches one feed and stores its new articles; failures are recorded on the feed, never thrown. */
export async function ingestFeed(
  deps: IngestDeps,
  feed: FeedRecord,
  context: { rules: TopicRule[]; filter: { include: string[]; exclude: string[] } },
): Promise<FeedIngestResult> {
  const log = deps.logger.child({ feedId: feed.id, feedUrl: feed.url });
  try {
    const response = await deps.fetcher.fetch({ url: feed.url, kind: "feed", etag: feed.etag, lastModified: feed.lastModified });
    if (response.notModified) {
      await deps.feeds.recordSuccess(feed.id, { now: deps.now(), etag: feed.etag, lastModified: feed.lastModified });
      log.debug("feed not modified");
      return { feedId: feed.id, ok: true, stored: 0, skipped: 0 };
    }
    const parsed = parseFeed(response.text, response.url);
    const { articles, aliases, skipped } = await buildNewArticles(deps, feed, parsed.items, context, log);
    const created = await deps.articles.storeBatch(articles, aliases);
    await deps.feeds.recordSuccess(feed.id, {
      now: deps.now(),
      etag: response.etag,
      lastModified: response.lastModified,
      title: parsed.title,
    });
    log.info({ items: parsed.items.length, stored: created.length, skipped }, "feed ingested");
    return { feedId: feed.id, ok: true, stored: created.length, skipped };
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    const status = error instanceof FetchError ? (error.status ?? null) : null;
    const verdict = judgeFeedFailure({
      failuresBefore: feed.consecutiveFailures,
      status,
      error: message,
      maxFailures: deps.feedMaxFailures,
      now: deps.now(),
    });
    await deps.feeds.recordFailure(feed.id, { now: deps.now(), error: message, ...verdict });
    log.warn({ err: error, nextFetchAt: verdict.nextFetchAt }, "feed failed");
    if (verdict.pauseReason) {
      log.error({ reason: verdict.pauseReason }, "feed paused");
      await deps.admin.notify(
        `⏸ Feed #${feed.id} ${escapeHtml(feed.url)} is paused: ${escapeHtml(verdict.pauseReason)}. ` +
          `Fix it, then resume it with <code>npm run cli -- feeds resume ${feed.id}</code>.`,
      );
    }
    return { feedId: feed.id, ok: false, stored: 0, skipped: 0, error: message };
  }
}

async function buildNewArticles(
  deps: IngestDeps,
  feed: FeedRecord,
  items: FeedItem[],
  context: { rules: TopicRule[]; filter: { include: string[]; exclude: string[] } },
  log: Logger,
): Promise<{ articles: NewArticle[]; aliases: { url: string; articleId: number }[]; skipped: number }> {
  const now = deps.now();
  // The first fetch of a new feed is its back catalogue: stored, never posted (no flood).
  const firstFetch = feed.primedAt === null;
  let skipped = 0;
  const candidates: { item: FeedItem; url: string }[] = [];
  const seen = new Set<string>();
  for (const item of items) {
    const url = item.link ? normaliseUrl(item.link) : null;
    if (!url || !item.title.trim()) {
      skipped++;
      continue;
    }
    if (seen.has(url)) continue;
    seen.add(url);
    const { body } = itemText(item);
    if (!passesKeywordFilter(`${item.title}\n${body}`, context.filter)) {
      skipped++;
      continue;
    }
    candidates.push({ item, url });
  }
  const known = await deps.articles.knownUrls(candidates.map((c) => c.url));
  const fresh = candidates.filter((c) => !known.has(c.url));
  const recent = await deps.articles.recentHeadlines(new Date(now.getTime() - SAME_STORY_WINDOW_MS));

  const articles: NewArticle[] = [];
  const aliases: { url: string; articleId: number }[] = [];
  const batchUrls = new Set<string>();
  for (const { item, url } of fresh) {
    const clean = await buildFromItem(deps, feed, item, url, context.rules, log);
    if (!clean || batchUrls.has(clean.canonicalUrl) || known.has(clean.canonicalUrl)) {
      skipped++;
      continue;
    }
    const story = { headlineKey: clean.headlineKey, publishedAt: clean.publishedAt };
    const sameStored = recent.find((r) => isSameStory(r, story));
    if (sameStored) {
      aliases.push({ url: clean.canonicalUrl, articleId: sameStored.id });
      skipped++;
      continue;
    }
    if (articles.some((a) => isSameStory({ headlineKey: a.headlineKey, publishedAt: a.publishedAt }, story))) {
      skipped++;
      continue;
    }
    batchUrls.add(clean.canonicalUrl);
    const summary = deps.summariser
      ? await deps.summariser({ headline: clean.headline, body: clean.body, fallback: clean.summary })
      : clean.summary;
    const sortAt = clean.publishedAt && clean.publishedAt < now ? clean.publishedAt : now;
    articles.push({
      url: clean.canonicalUrl,
      guid: item.guid,
      feedId: feed.id,
      headline: clean.headline,
      summary,
      body: clean.body,
      section: clean.section,
      author: clean.author,
      language: clean.language,
      imageUrl: clean.image,
      publishedAt: clean.publishedAt,
      modifiedAt: clean.modifiedAt,
      sortAt,
      headlineKey: clean.headlineKey,
      autoPost: !firstFetch && now.getTime() - sortAt.getTime() <= AUTO_POST_WINDOW_MS,
      source: "feed",
      topics: clean.topics.map((slug) => ({ slug, name: topicNameFromSlug(slug) })),
      otherUrls: clean.otherUrls.filter((other) => !known.has(other)),
    });
  }
  return { articles, aliases, skipped };
}

async function buildFromItem(
  deps: IngestDeps,
  feed: FeedRecord,
  item: FeedItem,
  url: string,
  rules: TopicRule[],
  log: Logger,
): Promise<CleanArticle | null> {
  const context = { now: deps.now(), summaryMaxChars: deps.summaryMaxChars, feedDefaultTopic: feed.defaultTopic, rules };
  const { body } = itemText(item);
  if (!feed.fullPage && body.length >= USABLE_DESCRIPTION_CHARS) return buildArticle({ item, pageUrl: url }, context);
  try {
    const page = await fetchArticlePage(deps.fetcher, url);
    return buildArticle({ item, page: page.article, pageUrl: page.url }, context);
  } catch (error) {
    log.warn({ err: error, url }, "article page could not be fetched; using the feed's text");
    return buildArticle({ item, pageUrl: url }, context);
  }
}

/** Fetches an article page through the guarded fetcher and extracts it. */
export async function fetchArticlePage(
  fetcher: Fetcher,
  url: string,
): Promise<{ url: string; article: ReturnType<typeof extractArticle> }> {
  const response = await fetcher.fetch({ url, kind: "page" });
  if (response.notModified) throw new Error("unexpected 304 for an unconditional request");
  return { url: response.url, article: extractArticle(response.text, response.url) };
}
