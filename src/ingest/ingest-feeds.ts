/**
 * The ingest job: fetch every due feed, turn new items into clean articles and
 * store each feed's new articles in one transaction. A feed that fails gets its
 * error stored and backs off; the others go on.
 */
import type { InlineKeyboardMarkup } from "grammy/types";

import type { Translate } from "../i18n/translate.js";
import type { AdminNotifier } from "../ops/admin-notifier.js";
import { failureReason } from "../ops/error-reason.js";
import type { ArticlesRepository, NewArticle } from "../db/articles.js";
import type { FeedRecord, FeedsRepository } from "../db/feeds.js";
import type { TopicsRepository } from "../db/topics.js";
import type { Logger } from "../logger.js";
import { describeError } from "../ops/describe-error.js";
import type { Metrics } from "../ops/metrics.js";
import { itemText, sortDateOf, toNewArticle, type BuildContext, type CleanArticle } from "./build-article.js";
import type { Fetcher } from "./fetch/create-fetcher.js";
import { FetchError } from "./fetch/fetch-error.js";
import { storeReason } from "../i18n/stored-reason.js";
import { judgeFeedFailure } from "./feed-health.js";
import type { HoldReason } from "./hold-reason.js";
import { feedFailureOfError } from "./feeds/feed-failure.js";
import { dueBy, planNextFetch } from "./poll-schedule.js";
import type { FeedItem } from "./feeds/feed-item.js";
import { firstFetchNotice, pausedFeedNotice } from "./feed-notices.js";
import { SAME_STORY_WINDOW_MS } from "./identity/same-story.js";
import { createStoryIndex, type StoryIndex } from "./identity/story-index.js";
import { normaliseUrl } from "./identity/normalise-url.js";
import { offerHeadlineCorrections, type HeadlineCorrectionDeps, type SeenAgain } from "./headline-corrections.js";
import type { Summariser } from "./summary/llm-summariser.js";
import type { TopicRule } from "./topics/assign-topics.js";
import type { ArticleSource, BuiltArticle, ScreenedItem } from "./workers/extraction-tasks.js";
import type { Extractor } from "./workers/create-extraction-pool.js";
import { AUTO_POST_MAX_AGE_MS } from "../publish/posting-policy.js";

/** The ingest job's name, and its lease's, which the operator's `ingest` command takes too. */
export const INGEST_JOB = "ingest";

/** Feeds fetched at once; with per-host limits in the fetcher this keeps a run over many slow feeds short. */
const FEED_CONCURRENCY = 8;

export interface IngestDeps {
  feeds: FeedsRepository;
  articles: ArticlesRepository;
  topics: TopicsRepository;
  fetcher: Fetcher;
  /** Reads feeds and extracts pages off the main thread. */
  extractor: Extractor;
  admin: AdminNotifier;
  logger: Logger;
  now: () => Date;
  summaryMaxChars: number;
  feedMaxFailures: number;
  /** The optional abstractive summariser (falls back to the extractive summary itself). */
  summariser?: Summariser | null;
  /** Counts items by what became of them; optional. */
  metrics?: Pick<Metrics, "ingestItems">;
  /** False (TOPICS_OPEN=false): articles get only the editors' topics. Default true. */
  topicsOpen?: boolean;
  /** The button under the admin chat's notice that a feed was paused (Resume). */
  resumeFeedButton?: (feedId: number, t: Translate) => InlineKeyboardMarkup;
  /** Offers editors a posted story's changed headline; without it, changes are not looked for. */
  corrections?: HeadlineCorrectionDeps;
  /** REVIEW_ALL: every feed's new stories wait for an editor's decision. Default false. */
  reviewAll?: boolean;
}

export interface FeedIngestResult {
  feedId: number;
  ok: boolean;
  stored: number;
  skipped: number;
  error?: string;
  /** The run was stopped before this feed was done; nothing of it was stored and its health is unchanged. */
  cancelled?: boolean;
  /** The feed's first successful fetch: what it stored is its back catalogue, stored but never posted. */
  firstFetch?: boolean;
  /** The feed's title (as stored, else as this fetch gave it). */
  title?: string | null;
}

/** What one run shares between its feeds: topic rules, filters, and the turn to store. */
export interface IngestContext {
  rules: TopicRule[];
  /** The only topics articles may get (TOPICS_OPEN=false: the editors'), or null for any. */
  closedTo?: ReadonlySet<string> | null;
  filter: { include: string[]; exclude: string[] };
  /**
   * Runs `store` when no other feed of this run is storing. Feeds are fetched in
   * parallel, but two feeds carrying the same story must not both find it new.
   */
  storeInTurn: <T>(store: () => Promise<T>) => Promise<T>;
  /** The stories of the last two days, loaded once per run and kept up to date as feeds store. */
  stories: StoryIndex;
  /** Aborted when the run must stop (Newsdesk is stopping): fetches in flight are cancelled. */
  signal?: AbortSignal;
  /** When the run began: each feed's next poll is counted from here, so it is due at the matching later tick. */
  startedAt?: Date;
}

export interface IngestReport {
  feeds: number;
  failed: number;
  /** Feeds left for the next run because the run was stopped. */
  cancelled: number;
  stored: number;
  results: FeedIngestResult[];
}

/** Runs `work` over `items`, at most `limit` at a time; no new item is started once `signal` aborts. */
async function forEachLimited<T>(items: T[], limit: number, work: (item: T) => Promise<void>, signal?: AbortSignal): Promise<void> {
  let next = 0;
  const workers = Array.from({ length: Math.min(limit, items.length) }, async () => {
    while (next < items.length && !signal?.aborted) {
      const item = items[next++] as T;
      await work(item);
    }
  });
  await Promise.all(workers);
}

/** A queue of one: each call runs after the previous one settled. */
function createTurns(): <T>(work: () => Promise<T>) => Promise<T> {
  let last: Promise<unknown> = Promise.resolve();
  return <T>(work: () => Promise<T>): Promise<T> => {
    const run = last.then(work, work);
    last = run.catch(() => undefined);
    return run;
  };
}

/**
 * Fetches feeds and stores what is new: with `due` (the scheduled tick) only the feeds whose
 * poll schedule says so, else every feed not paused or backing off after failures. When
 * `signal` aborts, feeds not yet done are left for the next run.
 */
export async function ingestAllFeeds(deps: IngestDeps, options: { signal?: AbortSignal; due?: boolean } = {}): Promise<IngestReport> {
  const { signal } = options;
  const startedAt = deps.now();
  const feeds = await deps.feeds.listDue(dueBy(startedAt), { ignorePollSchedule: options.due !== true });
  const closed = deps.topicsOpen === false;
  const [rules, filters, stories, editorTopics] = await Promise.all([
    deps.topics.rules(closed),
    deps.feeds.filtersByFeed(),
    loadStoryIndex(deps),
    closed ? deps.topics.editorSlugs() : null,
  ]);
  const closedTo = editorTopics ? new Set(editorTopics) : null;
  const storeInTurn = createTurns();
  const results: FeedIngestResult[] = [];
  await forEachLimited(feeds, FEED_CONCURRENCY, async (feed) => {
    const feedFilters = filters.get(feed.id) ?? [];
    results.push(
      await ingestFeed(deps, feed, {
        rules,
        closedTo,
        storeInTurn,
        stories,
        startedAt,
        ...(signal ? { signal } : {}),
        filter: {
          include: feedFilters.filter((f) => f.kind === "include").map((f) => f.phrase),
          exclude: feedFilters.filter((f) => f.kind === "exclude").map((f) => f.phrase),
        },
      }),
    );
  }, signal);
  const primed = results.filter((r) => r.firstFetch);
  if (primed.length > 0) {
    const urls = new Map(feeds.map((f) => [f.id, f.url]));
    await deps.admin.notify((t) => firstFetchNotice(t, primed.map((r) => ({ feed: { id: r.feedId, url: urls.get(r.feedId) ?? "", title: r.title ?? null }, stored: r.stored }))));
  }
  const report = {
    feeds: feeds.length,
    failed: results.filter((r) => !r.ok && !r.cancelled).length,
    cancelled: results.filter((r) => r.cancelled).length,
    stored: results.reduce((sum, r) => sum + r.stored, 0),
    results: results.sort((a, b) => a.feedId - b.feedId),
  };
  deps.logger.info({ feeds: report.feeds, failed: report.failed, stored: report.stored }, "ingest finished");
  return report;
}

/** Fetches one feed and stores its new articles; failures are recorded on the feed, never thrown. */
async function ingestFeed(
  deps: IngestDeps,
  feed: FeedRecord,
  context: IngestContext,
): Promise<FeedIngestResult> {
  const log = deps.logger.child({ feedId: feed.id, feedUrl: feed.url });
  try {
    const response = await deps.fetcher.fetch({
      url: feed.url,
      kind: "feed",
      etag: feed.etag,
      lastModified: feed.lastModified,
      ...(context.signal ? { signal: context.signal } : {}),
    });
    const fetchedAt = context.startedAt ?? deps.now();
    const poll = (newStory: boolean) => ({
      newStory,
      nextFetchAt: planNextFetch({ fetchedAt, lastNewStoryAt: newStory ? fetchedAt : feed.lastNewStoryAt, primedAt: feed.primedAt, maxAgeSeconds: response.maxAgeSeconds }),
    });
    if (response.notModified) {
      await deps.feeds.recordSuccess(feed.id, { now: deps.now(), etag: feed.etag, lastModified: feed.lastModified, poll: poll(false) });
      log.debug("feed not modified");
      return { feedId: feed.id, ok: true, stored: 0, skipped: 0 };
    }
    const parsed = await deps.extractor.readFeed(response.text, response.url, { filter: context.filter, fullPage: feed.fullPage });
    const { stories } = context;
    const built = await buildNewArticles(deps, feed, parsed.items, context, stories, log);
    const { created, skipped } = await context.storeInTurn(() => storeNewArticles(deps, built, stories));
    await offerCorrections(deps, built.seenAgain, log);
    countItems(deps, parsed.items.length, built, created.length);
    await deps.feeds.recordSuccess(feed.id, {
      now: deps.now(),
      etag: response.etag,
      lastModified: response.lastModified,
      title: parsed.title,
      // A first fetch is the back catalogue: it says nothing about how often the feed publishes.
      poll: poll(feed.primedAt !== null && created.length > 0),
    });
    log.info({ items: parsed.items.length, stored: created.length, skipped }, "feed ingested");
    const firstFetch = feed.primedAt === null ? { firstFetch: true, title: feed.title ?? parsed.title } : {};
    return { feedId: feed.id, ok: true, stored: created.length, skipped, ...firstFetch };
  } catch (error) {
    // One readable line (a database failure in words, not Prisma's code frame): /feeds shows it.
    const message = failureReason(error);
    if (error instanceof FetchError && error.code === "cancelled") {
      log.info({ reason: message }, "feed left for the next run");
      return { feedId: feed.id, ok: false, stored: 0, skipped: 0, error: message, cancelled: true };
    }
    const status = error instanceof FetchError ? (error.status ?? null) : null;
    const failure = feedFailureOfError(error) ?? { code: "stored-text", text: message };
    const verdict = judgeFeedFailure({
      failuresBefore: feed.consecutiveFailures,
      status,
      failure,
      maxFailures: deps.feedMaxFailures,
      now: deps.now(),
      ...(error instanceof FetchError && error.retryAfterMs !== undefined ? { retryAfterMs: error.retryAfterMs } : {}),
    });
    const { nextFetchAt, pauseReason: reason } = verdict;
    await deps.feeds.recordFailure(feed.id, { now: deps.now(), error: storeReason(failure), nextFetchAt, pauseReason: reason && storeReason(reason) });
    log.warn({ ...describeError(error), nextFetchAt }, "feed failed");
    if (reason) {
      log.error({ reason }, "feed paused");
      const button = deps.resumeFeedButton;
      await deps.admin.notify((t) => pausedFeedNotice(t, feed, reason), button ? { keyboard: (t) => button(feed.id, t) } : {});
    }
    return { feedId: feed.id, ok: false, stored: 0, skipped: 0, error: message };
  }
}

/** Looks for changed headlines of known items; a failure here is logged and never fails the feed. */
async function offerCorrections(deps: IngestDeps, seen: SeenAgain[], log: Logger): Promise<void> {
  if (!deps.corrections) return;
  try {
    const offered = await offerHeadlineCorrections(deps.corrections, seen);
    if (offered > 0) log.info({ offered }, "changed headlines offered to the editors");
  } catch (error) {
    log.warn({ ...describeError(error) }, "could not check the feed's headlines for changes");
  }
}

interface BuiltBatch {
  articles: NewArticle[];
  /** Items already stored, with the headline the feed gives them now. */
  seenAgain: SeenAgain[];
  aliases: { url: string; articleId: number }[];
  skipped: number;
  /** Items stored before this fetch, dropped by the feed's filters, or without a usable link, headline or text. */
  known: number;
  filtered: number;
  invalid: number;
  /** How many stories the run's index had when this batch was checked against it: only later ones need checking again. */
  storiesChecked: number;
}

/** Every item of a fetch is counted once; the duplicates are what is neither stored nor counted otherwise. */
function countItems(deps: IngestDeps, items: number, batch: BuiltBatch, stored: number): void {
  if (!deps.metrics) return;
  const duplicate = items - stored - batch.known - batch.filtered - batch.invalid;
  const counts = { stored, known: batch.known, duplicate, filtered: batch.filtered, invalid: batch.invalid };
  for (const [result, count] of Object.entries(counts) as [keyof typeof counts, number][]) {
    if (count > 0) deps.metrics.ingestItems.inc(result, count);
  }
}

/**
 * Stores a feed's new articles, checking again against what other feeds stored
 * since they were built: an article whose URL is stored now, or whose story is,
 * becomes aliases of the stored one.
 */
async function storeNewArticles(
  deps: IngestDeps,
  batch: BuiltBatch,
  stories: StoryIndex,
): Promise<{ created: { id: number; url: string }[]; skipped: number }> {
  const articles: NewArticle[] = [];
  const aliases = [...batch.aliases];
  let skipped = batch.skipped;
  const known = await deps.articles.storedByUrl(batch.articles.map((a) => a.url));
  for (const article of batch.articles) {
    // Like an item whose URL was known before the run, one stored meanwhile is not counted as skipped.
    const storedUrl = known.get(article.url) ?? null;
    const stored = storedUrl ?? stories.findSameStory({ headlineKey: article.headlineKey, publishedAt: article.publishedAt }, batch.storiesChecked);
    if (stored) {
      for (const url of [article.url, ...article.otherUrls]) aliases.push({ url, articleId: stored.id });
      if (!storedUrl) skipped++;
      continue;
    }
    articles.push(article);
  }
  const created = await deps.articles.storeBatch(articles, aliases);
  const byUrl = new Map(articles.map((a) => [a.url, a]));
  for (const { id, url } of created) {
    const article = byUrl.get(url);
    if (article) stories.add({ id, headlineKey: article.headlineKey, publishedAt: article.publishedAt });
  }
  return { created, skipped };
}

/** The stories of the last two days, indexed for same-story checks. */
async function loadStoryIndex(deps: IngestDeps): Promise<StoryIndex> {
  return createStoryIndex(await deps.articles.recentHeadlines(new Date(deps.now().getTime() - SAME_STORY_WINDOW_MS)));
}

async function buildNewArticles(
  deps: IngestDeps,
  feed: FeedRecord,
  items: ScreenedItem[],
  context: IngestContext,
  stories: StoryIndex,
  log: Logger,
): Promise<BuiltBatch> {
  const now = deps.now();
  // The first fetch of a new feed is its back catalogue: stored, never posted (no flood).
  const firstFetch = feed.primedAt === null;
  let skipped = 0;
  let filtered = 0;
  let invalid = 0;
  const candidates: { item: FeedItem; url: string; needsPage: boolean }[] = [];
  const seenUrls = new Set<string>();
  const seenGuids = new Set<string>();
  for (const { item, passesFilter, needsPage } of items) {
    const url = item.link ? normaliseUrl(item.link) : null;
    if (!url || !item.title.trim()) {
      skipped++;
      invalid++;
      continue;
    }
    // Feeds repeat items (the same GUID, or the same link with other tracking): the first wins.
    if (seenUrls.has(url) || (item.guid !== null && seenGuids.has(item.guid))) {
      skipped++;
      continue;
    }
    seenUrls.add(url);
    if (item.guid !== null) seenGuids.add(item.guid);
    if (!passesFilter) {
      skipped++;
      filtered++;
      continue;
    }
    candidates.push({ item, url, needsPage });
  }
  const known = await deps.articles.knownUrls(candidates.map((c) => c.url));
  const fresh = candidates.filter((c) => !known.has(c.url));
  const seenAgain = candidates.filter((c) => known.has(c.url)).map((c) => ({ url: c.url, headline: c.item.title.trim() }));

  const articles: NewArticle[] = [];
  // This batch's articles by URL and by story (an entry's id is its place in `articles`).
  const batchUrls = new Map<string, number>();
  const batchStories = createStoryIndex();
  const aliases: { url: string; articleId: number }[] = [];
  // Every URL this story is known by, so the next run recognises the feed's link without a page fetch.
  const urlsOf = (clean: CleanArticle, itemUrl: string) => [...new Set([clean.canonicalUrl, itemUrl, ...clean.otherUrls])];
  const builds = await buildFromItems(deps, feed, fresh, context, log);
  // The same article under another URL (the page's canonical URL, or a redirect) may be stored already: one lookup for all.
  const storedCanonical = await deps.articles.storedByUrl(
    builds.flatMap(({ clean }, i) => (clean && clean.canonicalUrl !== fresh[i]?.url ? [clean.canonicalUrl] : [])),
  );
  const storiesChecked = stories.size;
  for (const [i, { item, url }] of fresh.entries()) {
    const { clean, holdReason } = builds[i] ?? { clean: null, holdReason: null };
    if (!clean) {
      skipped++;
      invalid++;
      continue;
    }
    const storedAs = clean.canonicalUrl === url ? null : (storedCanonical.get(clean.canonicalUrl) ?? null);
    if (storedAs) {
      aliases.push(...urlsOf(clean, url).filter((u) => u !== storedAs.url).map((u) => ({ url: u, articleId: storedAs.id })));
      skipped++;
      continue;
    }
    const story = { headlineKey: clean.headlineKey, publishedAt: clean.publishedAt };
    const sameStored = stories.findSameStory(story);
    if (sameStored) {
      aliases.push(...urlsOf(clean, url).map((u) => ({ url: u, articleId: sameStored.id })));
      skipped++;
      continue;
    }
    // Already in this batch (same canonical URL, or the same story): it gets this item's URLs too.
    const byUrl = batchUrls.get(clean.canonicalUrl);
    const byStory = batchStories.findSameStory(story)?.id;
    const inBatch = byUrl === undefined && byStory === undefined ? undefined : articles[Math.min(byUrl ?? Infinity, byStory ?? Infinity)];
    if (inBatch) {
      for (const u of urlsOf(clean, url)) if (u !== inBatch.url && !inBatch.otherUrls.includes(u)) inBatch.otherUrls.push(u);
      skipped++;
      continue;
    }
    const summary = deps.summariser
      ? await deps.summariser({ headline: clean.headline, body: clean.body, fallback: clean.summary })
      : clean.summary;
    const sortAt = sortDateOf(clean, now);
    const postable = !firstFetch && now.getTime() - sortAt.getTime() <= AUTO_POST_MAX_AGE_MS;
    // A review feed's story, or a dead link, waits for an editor instead of going out by itself.
    const review = postable && (feed.review || deps.reviewAll === true || holdReason !== null);
    batchUrls.set(clean.canonicalUrl, articles.length);
    batchStories.add({ id: articles.length, ...story });
    articles.push({
      ...toNewArticle(clean, {
        now,
        source: "feed",
        feedId: feed.id,
        guid: item.guid,
        summary,
        feedTitle: feed.title,
        autoPost: postable && !review,
        otherUrls: urlsOf(clean, url).filter((u) => u !== clean.canonicalUrl && !known.has(u)),
      }),
      feedHeadline: item.title.trim(),
      ...(holdReason !== null ? { holdReason } : {}),
      ...(review ? { review: true } : {}),
    });
  }
  return { articles, seenAgain, aliases, skipped, known: candidates.length - fresh.length, filtered, invalid, storiesChecked };
}

interface ItemBuild {
  clean: CleanArticle | null;
  holdReason: string | null;
}

/**
 * The clean articles of a feed's fresh items, in their order: from its page when the feed says
 * too little, else from the feed's text. Pages are fetched one at a time; the items built from the
 * feed's text (and those whose page failed) go to the pool in one task. A page that cannot be
 * fetched or read in time falls back to the feed's text; an item whose own text cannot be read in
 * time is skipped. Each reason is logged once, one line. A page that answered an HTTP error for an
 * item without any text of its own is a dead link: the story is kept, with the reason it must not
 * go out by itself.
 */
async function buildFromItems(
  deps: IngestDeps,
  feed: FeedRecord,
  candidates: { item: FeedItem; url: string; needsPage: boolean }[],
  { rules, closedTo, signal }: Pick<IngestContext, "rules" | "closedTo" | "signal">,
  log: Logger,
): Promise<ItemBuild[]> {
  const context: BuildContext = { now: deps.now(), summaryMaxChars: deps.summaryMaxChars, feedDefaultTopic: feed.defaultTopic, rules, closedTo: closedTo ?? null };
  const builds: ItemBuild[] = candidates.map(() => ({ clean: null, holdReason: null }));
  const fromFeedText: number[] = [];
  for (const [i, { item, url, needsPage }] of candidates.entries()) {
    if (!needsPage) {
      fromFeedText.push(i);
      continue;
    }
    try {
      builds[i] = { clean: (await fetchArticlePage(deps, url, context, item, signal)).article, holdReason: null };
    } catch (error) {
      // A stopped run stores nothing of this feed, rather than its items without their pages.
      if (error instanceof FetchError && error.code === "cancelled") throw error;
      log.warn({ ...describeError(error), url }, "article page could not be read; using the feed's text");
      builds[i] = { clean: null, holdReason: deadLinkReason(error, item) };
      fromFeedText.push(i);
    }
  }
  fromFeedText.sort((a, b) => a - b);
  const sources = fromFeedText.map((i) => ({ item: candidates[i]?.item ?? null, pageUrl: candidates[i]?.url ?? "" }));
  const results = await extractFeedTexts(deps, sources, context);
  for (const [n, i] of fromFeedText.entries()) {
    const result = results[n];
    const build = builds[i];
    if (!result || !build) continue;
    if ("error" in result) log.warn({ ...describeError(result.error), url: candidates[i]?.url }, "item could not be read; skipped");
    else build.clean = result.article;
  }
  return builds;
}

/**
 * Builds articles from feed items in one pool task; when that task fails (one hostile item past
 * the time limit), each item is built on its own, so only the bad one is lost.
 */
async function extractFeedTexts(deps: IngestDeps, sources: ArticleSource[], context: BuildContext): Promise<BuiltArticle[]> {
  if (sources.length === 0) return [];
  try {
    return await deps.extractor.extractMany(sources, context);
  } catch {
    return Promise.all(
      sources.map((source) =>
        deps.extractor.extract(source, context).then(
          (article) => ({ article }),
          (error: unknown) => ({ error }),
        ),
      ),
    );
  }
}

/** Why the story waits for review (stored as a code) when its page answered an HTTP error and the item has no text; else null. */
function deadLinkReason(error: unknown, item: FeedItem): string | null {
  const status = error instanceof FetchError ? error.status : undefined;
  if (status === undefined || status === null || status < 400) return null;
  return itemText(item).body.trim() === "" ? storeReason({ code: "dead-link", status } satisfies HoldReason) : null;
}


/**
 * Fetches an article page through the guarded fetcher and builds its clean article in the
 * extraction pool (with the feed item's text, when there is one). Rejects with a FetchError or
 * an ExtractionTimeoutError.
 */
export async function fetchArticlePage(
  deps: { fetcher: Fetcher; extractor: Extractor },
  url: string,
  context: BuildContext,
  item: FeedItem | null = null,
  signal?: AbortSignal,
): Promise<{ url: string; article: CleanArticle | null }> {
  const response = await deps.fetcher.fetch({ url, kind: "page", ...(signal ? { signal } : {}) });
  if (response.notModified) throw new Error("unexpected 304 for an unconditional request");
  return { url: response.url, article: await deps.extractor.extract({ item, html: response.text, pageUrl: response.url }, context) };
}
