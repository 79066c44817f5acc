/**
 * The extraction pool: worker threads (piscina) that read feeds and extract, clean and summarise
 * pages, so a slow or hostile page costs a worker, never the event loop that serves readers,
 * editors, the outbox and the jobs. Each task has a time limit; a task past it is aborted, which
 * terminates its thread (piscina starts a fresh one), and the caller gets an
 * {@link ExtractionTimeoutError}. Threads start at the first task and end after
 * {@link EXTRACTION_POOL_IDLE_MS} without one: each holds tens of MB.
 */
import { availableParallelism } from "node:os";

import type { Piscina } from "piscina";

import type { BuildContext, CleanArticle } from "../build-article.js";
import { FeedParseError } from "../feeds/feed-parse-error.js";
import type { ArticleSource, BuiltArticle, ExtractionTask, FeedScreen, ReadFeed, UnreadableFeed } from "./extraction-tasks.js";
import type { PooledTask, TaskStarted } from "./extraction-worker.js";

/** Reads feeds and builds articles off the main thread. */
export interface Extractor {
  /** Parses a feed and screens its items (plain text, keyword filter, page needed); rejects with a FeedParseError when it is not a feed. */
  readFeed(text: string, feedUrl: string, screen: FeedScreen): Promise<ReadFeed>;
  /** The clean article (extraction, body cleanup, summary, topics) from a page's HTML and/or a feed item. */
  extract(source: ArticleSource, context: BuildContext): Promise<CleanArticle | null>;
  /**
   * The clean articles of many sources (a feed's items), in one task rather than one message
   * each; a source that fails has its error in its place. Under the time limit of one task.
   */
  extractMany(sources: ArticleSource[], context: BuildContext): Promise<BuiltArticle[]>;
  /** Stops the threads; tasks still running are aborted. */
  close(): Promise<void>;
}

/** A task that ran past EXTRACT_TIMEOUT_MS; its thread was terminated. */
export class ExtractionTimeoutError extends Error {
  constructor(what: string, timeoutMs: number) {
    super(`${what} took longer than EXTRACT_TIMEOUT_MS (${timeoutMs} ms)`);
    this.name = "ExtractionTimeoutError";
  }
}

export interface ExtractionPoolOptions {
  /** Per-task limit, counted from the moment a thread starts the task. */
  timeoutMs: number;
  /** Threads; null for {@link defaultExtractionWorkers}. */
  workers: number | null;
  /** The worker module; tests put a slower one in. Defaults to extraction-worker next to this file. */
  workerUrl?: URL;
  /** How long the threads wait for a task before they end; {@link EXTRACTION_POOL_IDLE_MS} by default. */
  idleMs?: number;
}

/**
 * How long the threads outlive their last task. Longer than the usual gap between the ingest
 * ticks that find feeds due (one a minute), so a busy bot keeps its threads; a quiet one gives
 * their memory back, and its next task waits for a thread to start (well under a second).
 */
export const EXTRACTION_POOL_IDLE_MS = 5 * 60_000;

/** Most threads by default: each holds its own copy of the extraction stack (tens of MB), and an ingest run reads 8 feeds at a time. */
const MAX_DEFAULT_WORKERS = 4;

/** One thread per core but one, which stays with the main loop; at least one, at most four. */
export function defaultExtractionWorkers(): number {
  return Math.max(1, Math.min(MAX_DEFAULT_WORKERS, availableParallelism() - 1));
}

/**
 * The worker module beside this one, as .ts when running from source (tsx, vitest) or .js when
 * compiled, with the TypeScript loader added for a .ts worker when the process has none of its
 * own (vitest compiles in-process; tsx's loader reaches workers through the inherited options).
 * Otherwise the threads inherit the process's options: a V8 flag (`npm start`'s `--liftoff-only`)
 * passed to a worker explicitly is refused (ERR_WORKER_INVALID_EXEC_ARGV), and it applies to the
 * threads anyway.
 */
function workerLocation(workerUrl: URL | undefined): { filename: string; execArgv: string[] | undefined } {
  const url = workerUrl ?? new URL(`./extraction-worker${import.meta.url.endsWith(".ts") ? ".ts" : ".js"}`, import.meta.url);
  const needsLoader = url.pathname.endsWith(".ts") && !process.execArgv.some((arg) => arg.includes("tsx"));
  return { filename: url.href, execArgv: needsLoader ? [...process.execArgv, "--import", "tsx"] : undefined };
}

/**
 * Creates the pool. No thread starts until the first task; idle threads do not keep the
 * process alive, end after `idleMs` without a task, and `close()` ends them all; a later task
 * starts the pool again.
 */
export function createExtractionPool(options: ExtractionPoolOptions): Extractor {
  const location = workerLocation(options.workerUrl);
  const threads = options.workers ?? defaultExtractionWorkers();
  // Timers start when a thread reports it has started the task.
  const onStart = new Map<number, () => void>();
  const inFlight = new Set<AbortController>();
  let pool: Promise<Piscina> | null = null;
  const idleMs = options.idleMs ?? EXTRACTION_POOL_IDLE_MS;
  let idleTimer: NodeJS.Timeout | undefined;
  // Created (and piscina loaded) at the first task, so a bot without feeds and commands that never
  // extract start no thread. Every thread is kept (minThreads): piscina replaces a thread terminated
  // by a time limit only up to minThreads, and a task queued behind the aborted one would otherwise
  // wait for ever.
  const started = () =>
    (pool ??= import("piscina").then(({ Piscina }) => {
      const created = new Piscina({ ...location, minThreads: threads, maxThreads: threads });
      created.on("message", (message: TaskStarted) => onStart.get(message.started)?.());
      return created;
    }));
  let nextId = 0;

  // piscina's own idleTimeout cannot go below minThreads, so the whole pool ends instead.
  const closeWhenIdle = () => {
    clearTimeout(idleTimer);
    if (inFlight.size > 0 || pool === null) return;
    idleTimer = setTimeout(() => {
      const idle = pool;
      pool = null;
      void idle?.then((created) => created.close()).catch(() => undefined);
    }, idleMs);
    idleTimer.unref();
  };

  const run = async <T>(task: ExtractionTask, what: string): Promise<T> => {
    const id = nextId++;
    const abort = new AbortController();
    clearTimeout(idleTimer);
    inFlight.add(abort);
    let timer: NodeJS.Timeout | undefined;
    onStart.set(id, () => {
      timer = setTimeout(() => abort.abort(new ExtractionTimeoutError(what, options.timeoutMs)), options.timeoutMs);
    });
    try {
      return (await (await started()).run({ id, task } satisfies PooledTask, { signal: abort.signal })) as T;
    } catch (error) {
      // piscina rejects with its own AbortError; the reason says why (the time limit, or closing).
      if (abort.signal.aborted && abort.signal.reason instanceof Error) throw abort.signal.reason;
      throw error;
    } finally {
      clearTimeout(timer);
      onStart.delete(id);
      inFlight.delete(abort);
      closeWhenIdle();
    }
  };

  return {
    async readFeed(text, feedUrl, screen) {
      const read = await run<ReadFeed | UnreadableFeed>({ kind: "read-feed", text, feedUrl, screen }, "reading the feed");
      if (typeof read === "object" && "parseError" in read) throw new FeedParseError(read.parseError);
      return read;
    },
    extract: (source, context) =>
      run<CleanArticle | null>({ kind: "build-article", source, context }, source.html != null ? "extraction" : "building the article"),
    extractMany: (sources, context) => run<BuiltArticle[]>({ kind: "build-articles", sources, context }, "building the feed's articles"),
    async close() {
      clearTimeout(idleTimer);
      const closing = pool;
      pool = null;
      // piscina's close waits up to 30 s for running tasks; a stuck page is aborted instead.
      for (const abort of inFlight) abort.abort(new Error("the extraction pool is closed"));
      await (await closing)?.close({ force: true });
    },
  };
}
