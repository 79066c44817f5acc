/**
 * The operator's commands (`npm run cli -- <command>`). Output goes to `stdout`
 * and nothing else does (logs go to stderr), so `feeds export > feeds.opml` and
 * `extract … | jq` work. Returns the exit code.
 *
 * Start-up time matters here (a read-only command should answer in well under a
 * second), so this file imports only what parsing and printing need; the database,
 * the composition root and the heavy modules (extraction, feed parsing, OPML, grammY)
 * are loaded with `await import()` by the commands that use them.
 */
import { readFileSync } from "node:fs";
import { userInfo } from "node:os";

import { Command, CommanderError, Option } from "commander";

import type { Services } from "../app/create-services.js";
import type { NewsroomReader } from "../app/open-newsroom-reader.js";
import type { Config } from "../config.js";
import { POST_STATUSES, type PostStatus } from "../db/post-statuses.js";
import type { FilterKind } from "../db/feeds.js";
import type { Translate } from "../i18n/translate.js";
import { feedLine } from "../editorial/feed-status.js";
import { formatWhen } from "../editorial/format-when.js";
import { formatStatus } from "../editorial/format-status.js";
import { parseFeedId } from "../editorial/parse-post-id.js";
import { postDetails, postLine } from "../editorial/post-lines.js";
import { topicLine, topicOutcomeText } from "../editorial/topic-text.js";
import type { CleanArticle } from "../ingest/build-article.js";
import type { FetcherDeps } from "../ingest/fetch/create-fetcher.js";
import { FetchError } from "../ingest/fetch/fetch-error.js";
import { FIRST_FETCH_REASON, storyCount } from "../ingest/feed-notices.js";
import { feedRefusalInEnglish } from "../ingest/feeds/feed-refusal.js";
import type { FeedIngestResult } from "../ingest/ingest-feeds.js";
import type { TopicRule } from "../ingest/topics/assign-topics.js";
import type { Logger } from "../logger.js";
import { StartupError } from "../startup-error.js";
import { operatorActor } from "../newsroom/actor.js";
import type { AddFeedOutcome } from "../newsroom/feed-actions.js";
import type { Newsroom } from "../newsroom/newsroom.js";
import type { AdminNotifier } from "../ops/admin-notifier.js";
import { readAppVersion } from "../ops/app-version.js";
import { runUnderLease } from "../ops/run-under-lease.js";
import { feedJson, postJson, statusJson, topicJson, toJson } from "./json-output.js";

export interface CliIo {
  env: Record<string, string | undefined>;
  stdout: (text: string) => void;
  stderr: (text: string) => void;
  fetcherDeps?: FetcherDeps;
  logger?: Logger;
  now?: () => Date;
  /** Aborted on Ctrl-C: a running command stops taking work, cancels its requests and releases its lease. */
  signal?: AbortSignal;
  /** Whether stderr is a terminal (readable log lines by default). */
  isTty?: boolean;
}

/** A problem the operator caused: printed as one line, exit code 1. */
class UsageError extends Error {}

/** The operator's login name for the audit log, when the system knows it. */
function currentUser(): string | null {
  try {
    return userInfo().username;
  } catch {
    return null;
  }
}

function parseId(input: string, what = "feed"): number {
  const id = parseFeedId(input);
  if (id === null) throw new UsageError(`"${input}" is not a ${what} id: use the number shown by \`${what}s list\``);
  return id;
}

const TOPIC_HINT = "use letters or digits, e.g. asia or north-korea";

/** Stands in for a saved page's address when neither --url nor the page gives one; never printed. */
const PLACEHOLDER_PAGE_URL = "https://localhost/";

/** `feeds add`'s report: what the check found, the feed added, and the page's other feeds. */
function addedFeedLines(outcome: Extract<AddFeedOutcome, { kind: "added" }>): string[] {
  const { feed, check } = outcome;
  const lines: string[] = [];
  if (check.discovery) lines.push(`${check.discovery.page} is a web page: adding the feed it declares, ${feed.url}`);
  const topic = feed.defaultTopic ? ` [${feed.defaultTopic}]` : "";
  const found = check.found
    ? `${check.found.title ? `"${check.found.title}"` : "no title"}, ${check.found.items} item${check.found.items === 1 ? "" : "s"}`
    : `without a working check (--force): ${check.forcedPast ? feedRefusalInEnglish(check.forcedPast) : ""}`;
  lines.push(`added feed #${feed.id} ${feed.url}${topic}: ${found}`);
  if (feed.review) lines.push("its new stories wait for review: each goes to the admin chat as a card for an editor to post, schedule or skip");
  const others = check.discovery?.others ?? [];
  if (others.length > 0) {
    lines.push(`the page declares ${others.length} other feed${others.length === 1 ? "" : "s"}, not added:`);
    for (const other of others) lines.push(`  ${other.url}${other.title ? ` "${other.title}"` : ""}`);
  }
  return lines;
}

/** One line per feed of an `ingest` run. */
function ingestLine(result: FeedIngestResult): string {
  if (result.cancelled) return `#${result.feedId} left for the next run: the command was stopped`;
  if (!result.ok) return `#${result.feedId} failed: ${result.error}`;
  if (result.firstFetch) {
    const skipped = result.skipped > 0 ? ` (${result.skipped} skipped)` : "";
    return `#${result.feedId} first fetch: ${storyCount(result.stored)} stored${skipped}, not posted: ${FIRST_FETCH_REASON}`;
  }
  return `#${result.feedId} ok: ${result.stored} new, ${result.skipped} skipped`;
}

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

/**
 * Tells the admin chat through the Bot API, loading grammY only when there is something
 * to tell (most commands never notify); without BOT_TOKEN nothing is sent.
 */
function createLazyAdminNotifier(config: Config, adminChatId: () => ReturnType<Services["adminChat"]["get"]>, logger: Logger): AdminNotifier {
  const token = config.botToken;
  if (!token) return { notify: () => Promise.resolve(false) };
  let notifier: Promise<AdminNotifier> | null = null;
  const load = async () => {
    const [{ Api }, { createAdminNotifier }, { createFluentTranslator }] = await Promise.all([
      import("grammy"),
      import("../ops/admin-notifier.js"),
      import("../i18n/fluent-translator.js"),
    ]);
    const translate = createFluentTranslator(config.adminLanguage);
    return createAdminNotifier({ api: new Api(token, { apiRoot: config.telegramApiRoot, timeoutSeconds: 10 }), adminChatId, translate, logger });
  };
  return { notify: async (html, options) => (await (notifier ??= load())).notify(html, options) };
}

/**
 * The CLI's words: English, through Fluent alone, loaded only by the commands that print
 * sentences (the bot's i18n plugin would cost every command its start-up time).
 */
async function englishWords(): Promise<Translate> {
  const { createFluentTranslator } = await import("../i18n/fluent-translator.js");
  return createFluentTranslator("en");
}

/** Runs one CLI command; `argv` are the arguments after `npm run cli --`. */
export async function runCli(argv: string[], io: CliIo): Promise<number> {
  // Help and the version run no command: they answer even when the configuration has a problem,
  // and without loading it (nor the logger), so `--help` is quick.
  const onlyHelp = argv.length === 0 || argv[0] === "help" || argv.some((arg) => ["-h", "--help", "-V", "--version"].includes(arg));
  let config!: Config;
  let logger!: Logger;
  if (!onlyHelp) {
    const [{ ConfigError, createConfig }, { createLogger }] = await Promise.all([import("../config.js"), import("../logger.js")]);
    try {
      config = createConfig(io.env, "cli", { isTty: io.isTty ?? false });
    } catch (error) {
      if (!(error instanceof ConfigError)) throw error;
      for (const problem of error.problems) io.stderr(`${problem}\n`);
      return 1;
    }
    logger = io.logger ?? createLogger({ level: config.logLevel, format: config.logFormat, secrets: [config.botToken, config.summary.llm?.apiKey] });
  }

  let opened: { services: Services; newsroom: Newsroom; admin: AdminNotifier } | null = null;
  const open = async () => {
    if (!opened) {
      const [{ openDatabase }, { createServices }, { describeInstance }, { createHealth }, { createNewsroom, NO_CARD_WORDS, NO_CHANNEL, NO_POST_STYLE }] = await Promise.all([
        import("../db/client.js"),
        import("../app/create-services.js"),
        import("../app/describe-instance.js"),
        import("../app/create-health.js"),
        import("../app/create-newsroom.js"),
      ]);
      const db = await openDatabase(config.database, { backupDir: config.backup.dir, logger });
      const services = createServices({
        config,
        logger,
        db,
        instanceId: describeInstance("the CLI"),
        fetcherDeps: { ...io.fetcherDeps, ...(io.signal ? { stopSignal: io.signal } : {}) },
        ...(io.now ? { now: io.now } : {}),
      });
      // The admin chat may have moved (group → supergroup); the bot remembers where.
      await services.adminChat.load();
      const admin = createLazyAdminNotifier(config, () => services.adminChat.get(), logger);
      // No Telegram watch here: the running bots' heartbeats say how Telegram and their jobs fare.
      const health = createHealth({ services, admin, telegram: null });
      opened = { services, newsroom: createNewsroom({ services, admin, channel: NO_CHANNEL, health, postStyle: NO_POST_STYLE, adminTranslate: NO_CARD_WORDS }), admin };
    }
    return opened;
  };
  // Commands that only read open the narrow reader: no services, health checks or use cases that write.
  let reader: Promise<NewsroomReader> | null = null;
  const read = () =>
    (reader ??= import("../app/open-newsroom-reader.js").then(({ openNewsroomReader }) => openNewsroomReader({ config, logger, ...(io.now ? { now: io.now } : {}) })));
  const actor = operatorActor(currentUser());
  const out = (line: string) => io.stdout(`${line}\n`);
  const now = () => io.now?.() ?? new Date();
  let exitCode = 0;

  const program = new Command("newsdesk")
    .description("Newsdesk operator commands")
    .version(readAppVersion(), "-V, --version", "print the version of Newsdesk")
    .helpOption("-h, --help", "show the commands, or a command's options")
    .helpCommand("help [command]", "show help for a command")
    .showSuggestionAfterError(true)
    // Wide enough that every description stays on its line, whatever the terminal says.
    .configureHelp({ helpWidth: 120 })
    .exitOverride()
    .configureOutput({ writeOut: io.stdout, writeErr: io.stderr });
  const JSON_OPTION = ["--json", "print JSON for scripts instead of lines for people"] as const;

  const db = program.command("db").description("database commands");
  db.command("migrate")
    .description("apply pending migrations (every command also does this first)")
    .action(async () => {
      const { migrateDatabase } = await import("../db/migrations.js");
      const applied = await migrateDatabase(config.database, { backupDir: config.backup.dir, logger });
      out(applied.length > 0 ? `applied: ${applied.join(", ")}` : "the database is up to date");
    });
  db.command("backup <file>")
    .description("copy the SQLite database to <file> while the bot runs (PostgreSQL: prints the pg_dump command)")
    .action(async (file: string) => {
      const { backupDatabase } = await import("../ops/backup-database.js");
      const outcome = await backupDatabase(config.database, file);
      if (!outcome.ok) throw new UsageError(outcome.lines.join("\n"));
      out(outcome.line);
    });

  const feeds = program.command("feeds").description("manage feeds");
  feeds
    .command("add <url>")
    .description("add a feed, checked first: refused unless it answers as a feed (a web page's own feed is found)")
    .option("--topic <slug>", "topic given to every article of this feed")
    .option("--full-page", "always fetch and extract the article pages")
    .option("--priority <1-5>", "how much this feed's stories weigh when the outbox picks the best story (default 3)")
    .option("--review", "its new stories wait for an editor's decision (a review card) instead of being posted automatically")
    .option("--force", "add it even when the check fails")
    .action(async (url: string, options: { topic?: string; fullPage?: boolean; priority?: string; review?: boolean; force?: boolean }) => {
      const { newsroom } = await open();
      const outcome = await newsroom.feeds.add({
        url,
        topic: options.topic ?? null,
        fullPage: options.fullPage ?? false,
        priority: options.priority ?? null,
        review: options.review ?? false,
        force: options.force ?? false,
        actor,
      });
      const onPage = "discovery" in outcome && outcome.discovery ? `${outcome.discovery.page} is a web page that declares the feed ` : null;
      switch (outcome.kind) {
        case "invalid-url":
          throw new UsageError(outcome.reason);
        case "invalid-topic":
          throw new UsageError(`"${outcome.input}" is not a usable topic name: ${TOPIC_HINT}`);
        case "invalid-priority":
          throw new UsageError(`${outcome.error} Nothing was added.`);
        case "duplicate":
          throw new UsageError(`${onPage ? `${onPage}${outcome.existing.url}; ` : ""}this feed is already there as #${outcome.existing.id}`);
        case "refused":
          throw new UsageError(`${onPage ? `${onPage}${outcome.url}\n` : ""}cannot add ${outcome.url}: ${feedRefusalInEnglish(outcome.reason)}; add it anyway with --force`);
        case "added":
          for (const line of addedFeedLines(outcome)) out(line);
      }
    });
  feeds
    .command("list")
    .description("list feeds with their health")
    .option(...JSON_OPTION)
    .action(async (options: { json?: boolean }) => {
      const list = await (await read()).feeds.list();
      const t = await englishWords();
      if (options.json) return out(toJson(list.map((feed) => feedJson(feed, t))));
      if (list.length === 0) return out("no feeds yet: add one with `npm run cli -- feeds add <url>`");
      for (const feed of list) out(feedLine(t, feed, config.timezone, now()));
    });
  feeds
    .command("remove <id>")
    .description("remove a feed (its stored articles stay)")
    .action(async (id: string) => {
      const outcome = await (await open()).newsroom.feeds.remove({ id: parseId(id), actor });
      if (outcome.kind === "not-found") throw new UsageError(`there is no feed #${outcome.id}`);
      out(`removed feed #${outcome.feed.id} ${outcome.feed.url}`);
    });
  feeds
    .command("resume <id>")
    .description("resume a paused feed")
    .action(async (id: string) => {
      const outcome = await (await open()).newsroom.feeds.resume({ id: parseId(id), actor });
      if (outcome.kind === "not-found") throw new UsageError(`there is no feed #${outcome.id}`);
      out(`feed #${outcome.feed.id} resumed; it is fetched at the next ingest`);
    });
  const filter = feeds.command("filter").description("per-feed keyword filters (words or phrases, case-insensitive)");
  const filterChange = (filterKind: FilterKind, adding: boolean) => async (id: string, words: string[]) => {
    const feedId = parseId(id);
    const outcome = await (await open()).newsroom.feeds.changeFilter({ feedId, filterKind, phrase: words.join(" "), adding, actor });
    switch (outcome.kind) {
      case "invalid-phrase":
        throw new UsageError(outcome.error);
      case "not-found":
        throw new UsageError(`there is no feed #${outcome.id}`);
      case "no-such-filter":
        throw new UsageError(`feed #${feedId} has no ${filterKind} "${outcome.phrase}"`);
      case "added":
        return out(`feed #${feedId}: ${filterKind} "${outcome.phrase}"`);
      case "removed":
        return out(`feed #${feedId}: removed ${filterKind} "${outcome.phrase}"`);
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
      const outcome = await (await open()).newsroom.feeds.listFilters(parseId(id));
      if (outcome.kind === "not-found") throw new UsageError(`there is no feed #${outcome.id}`);
      if (outcome.filters.length === 0) out(`feed #${outcome.feedId} has no filters: every item is taken`);
      for (const f of outcome.filters) out(`${f.kind} "${f.phrase}"`);
    });
  feeds
    .command("import <file>")
    .description("add the feeds of an OPML file (existing ones are kept)")
    .action(async (file: string) => {
      const { OpmlError, parseOpml } = await import("../ingest/opml/opml.js");
      let entries;
      try {
        entries = parseOpml(readFileSync(file, "utf8"));
      } catch (error) {
        if (error instanceof OpmlError || (error as NodeJS.ErrnoException).code === "ENOENT") throw new UsageError(`cannot import ${file}: ${(error as Error).message}`);
        throw error;
      }
      const outcome = await (await open()).newsroom.feeds.importOpml({ entries, actor });
      for (const skipped of outcome.skipped) io.stderr(`skipped ${skipped.url}: ${skipped.reason}\n`);
      out(`imported ${outcome.added} new feed${outcome.added === 1 ? "" : "s"} of ${outcome.total} in ${file}`);
    });
  feeds
    .command("export")
    .description("print the feed list as OPML")
    .action(async () => {
      const list = await (await read()).feeds.list();
      const { buildOpml } = await import("../ingest/opml/opml.js");
      io.stdout(buildOpml(list.map((f) => ({ url: f.url, title: f.title, topic: f.defaultTopic })), "Newsdesk feeds"));
    });

  const topics = program.command("topics").description("topics and their keyword rules");
  /** Prints a topic action's sentence, or fails with it. */
  const topicOutcome = async (outcome: Parameters<typeof topicOutcomeText>[1]) => {
    const { ok, text } = topicOutcomeText(await englishWords(), outcome);
    if (!ok) throw new UsageError(text);
    out(text);
  };
  topics
    .command("list")
    .description("every topic: articles, subscribers, keywords, and whether editors made it")
    .option(...JSON_OPTION)
    .action(async (options: { json?: boolean }) => {
      const list = await (await read()).topics.list();
      if (options.json) return out(toJson(list.map(topicJson)));
      if (list.length === 0) return out("no topics yet: they come from the feeds, or add one with `npm run cli -- topics add <name>`");
      const t = await englishWords();
      for (const topic of list) out(topicLine(t, topic));
    });
  topics
    .command("add <name...>")
    .description("create an editors' topic (or make one the feeds brought an editors' topic)")
    .action(async (words: string[]) => topicOutcome(await (await open()).newsroom.topics.create({ name: words.join(" "), actor })));
  topics
    .command("rename <topic> <name...>")
    .description("give a topic a new name (and slug); its articles and subscribers follow")
    .action(async (topicName: string, words: string[]) =>
      topicOutcome(await (await open()).newsroom.topics.rename({ topic: topicName, to: words.join(" "), actor })),
    );
  topics
    .command("merge <topic> <into>")
    .description("move a topic's articles, subscribers and keywords to another topic and delete it")
    .action(async (from: string, into: string) => topicOutcome(await (await open()).newsroom.topics.merge({ from, into, actor })));
  topics
    .command("remove <topic...>")
    .description("delete a topic: its articles lose it and its subscribers are unsubscribed")
    .action(async (words: string[]) => topicOutcome(await (await open()).newsroom.topics.remove({ topic: words.join(" "), actor })));
  topics
    .command("keyword <topic> <phrase...>")
    .description("articles mentioning the phrase get the topic")
    .action(async (topicName: string, words: string[]) => {
      const outcome = await (await open()).newsroom.topics.addKeyword({ topic: topicName, phrase: words.join(" "), actor });
      if (outcome.kind === "invalid-topic") throw new UsageError(`"${outcome.input}" is not a usable topic name: ${TOPIC_HINT}`);
      if (outcome.kind === "invalid-phrase") throw new UsageError(outcome.error);
      out(`articles mentioning "${outcome.phrase}" get the topic ${outcome.slug}`);
    });

  program
    .command("ingest")
    .description("fetch every feed once (not paused or backing off) and store new articles")
    .option("--due", "fetch only the feeds whose poll schedule says they are due, as the bot's tick does")
    .action(async (options: { due?: boolean }) => {
      const { services: s, admin } = await open();
      const [{ createIngestDeps }, { ingestAllFeeds, INGEST_JOB }] = await Promise.all([import("../app/create-jobs.js"), import("../ingest/ingest-feeds.js")]);
      // The summary below is the command's output; at the default level the job's own lines
      // would only repeat it, so they show from LOG_LEVEL=debug, warnings and errors always.
      const jobLogger = logger.child({ job: "ingest" }, logger.level === "info" ? { level: "warn" } : {});
      // The bot's scheduled ingest takes the same lease: two runs at once would both find a story new.
      const run = await runUnderLease(
        { leases: s.leases, owner: s.instanceId, now: s.now, logger },
        INGEST_JOB,
        (signal) => ingestAllFeeds(createIngestDeps({ services: s, admin, logger: jobLogger }), { signal, due: options.due === true }),
        io.signal ? { signal: io.signal } : {},
      );
      if (run.kind === "held-elsewhere") {
        const holder = run.holder ? `${run.holder.owner} has been running it since ${formatWhen(run.holder.acquiredAt, config.timezone, s.now())}` : "another instance is running it";
        throw new UsageError(`another ingest is running (${holder}); try again when it has finished`);
      }
      const report = run.result;
      if (report.feeds === 0) {
        const all = await s.feeds.list();
        if (all.length === 0) return out("no feeds yet: add one with `npm run cli -- feeds add <url>`");
        const waiting = options.due ? "paused or not due yet" : "paused or waiting to retry";
        return out(`no feed is due: ${all.length} feed${all.length === 1 ? " is" : "s are"} ${waiting} (see \`feeds list\`)`);
      }
      for (const result of report.results) out(ingestLine(result));
      const left = report.cancelled > 0 ? `, ${report.cancelled} left for the next run` : "";
      out(`${report.feeds} feed${report.feeds === 1 ? "" : "s"}, ${report.stored} new article${report.stored === 1 ? "" : "s"}, ${report.failed} failed${left}`);
      // Every feed failing is what a broken network or configuration looks like: scripts should notice.
      const everyFeedFailed = report.results.length === report.feeds && report.results.every((r) => !r.ok && !r.cancelled);
      if (everyFeedFailed) exitCode = 1;
    });

  program
    .command("status")
    .description("problems, posting, the queue, feeds, alerts and the bot on one screen")
    .option(...JSON_OPTION)
    .action(async (options: { json?: boolean }) => {
      const status = await (await read()).status.current();
      if (options.json) return out(toJson(statusJson(status, await englishWords())));
      out(formatStatus(await englishWords(), status, config.timezone));
    });

  const posts = program.command("posts").description("the channel's posts, whatever their status");
  posts
    .command("list")
    .description("the newest posts, optionally only those in some statuses")
    .addOption(new Option("--status <status...>", "only posts in these statuses").choices(POST_STATUSES))
    .option("--limit <n>", "show at most this many", "20")
    .option(...JSON_OPTION)
    .action(async (options: { status?: PostStatus[]; limit: string; json?: boolean }) => {
      const limit = Number(options.limit);
      if (!Number.isInteger(limit) || limit < 1) throw new UsageError(`--limit must be a whole number above 0, got "${options.limit}"`);
      const statuses = options.status ?? [];
      const found = await (await read()).reports.posts({ statuses, limit });
      if (options.json) return out(toJson({ total: found.total, posts: found.posts.map(postJson) }));
      const which = statuses.length > 0 ? ` ${statuses.join(" or ")}` : "";
      if (found.total === 0) return out(`no${which} posts`);
      for (const post of found.posts) out(postLine(post, config.timezone, now()));
      if (found.total > found.posts.length) out(`… ${found.total - found.posts.length} older${which} posts not shown (--limit)`);
    });
  posts
    .command("show <id>")
    .description("one post: its story, status, times, attempts and errors")
    .option(...JSON_OPTION)
    .action(async (id: string, options: { json?: boolean }) => {
      const postId = parseId(id, "post");
      const post = await (await read()).reports.post(postId);
      if (!post) throw new UsageError(`there is no post #${postId}`);
      out(options.json ? toJson(postJson(post)) : postDetails(post, config.timezone, now()).join("\n"));
    });

  program
    .command("extract <source>")
    .description("print the article in a URL or a saved HTML file, as JSON")
    .option("--url <address>", "the page's address, for a file (relative links, canonical URL)")
    .action(async (source: string, options: { url?: string }) => {
      const [{ buildArticle }, { extractArticle }, { decodeBody }, { fetchArticlePage }, { ExtractionTimeoutError }, { normaliseUrl }] = await Promise.all([
        import("../ingest/build-article.js"),
        import("../ingest/extract/extract-article.js"),
        import("../ingest/fetch/decode-body.js"),
        import("../ingest/ingest-feeds.js"),
        import("../ingest/workers/create-extraction-pool.js"),
        import("../ingest/identity/normalise-url.js"),
      ]);
      const context = { now: now(), summaryMaxChars: config.summary.maxChars, feedDefaultTopic: null, rules: [] as TopicRule[] };
      let article: CleanArticle | null;
      let knownAddress = true;
      if (/^https?:\/\//i.test(source)) {
        // Exactly as ingestion: the guarded fetcher, extraction, the editors' topic rules.
        const { services: s } = await open();
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
    return exitCode;
  } catch (error) {
    if (error instanceof CommanderError) return error.exitCode === 0 ? 0 : 2;
    if (error instanceof UsageError || error instanceof FetchError || error instanceof StartupError) {
      io.stderr(`${error.message}\n`);
      return 1;
    }
    logger.error({ err: error }, "command failed");
    io.stderr(`failed: ${(error as Error).message}\n`);
    return 1;
  } finally {
    const reading = reader as Promise<NewsroomReader> | null;
    if (reading) await (await reading.catch(() => null))?.close();
    const done = opened as { services: Services } | null;
    if (done) {
      await done.services.fetcher.close();
      await done.services.extractor.close();
      await done.services.db.close();
    }
  }
}
