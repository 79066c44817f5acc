/**
 * Starting and stopping as an operator does it, with real processes: Ctrl-C and SIGTERM
 * stop Newsdesk within 10 seconds whatever it is doing, and every start-up problem the
 * operator must fix is one line and exit code 1.
 */
import { mkdtempSync, rmSync } from "node:fs";
import { createServer as createTcpServer, type Server as TcpServer } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";

import { afterEach, beforeEach, describe, expect, it } from "vitest";

import { openDatabase } from "../../src/db/client.js";
import { parseDatabaseUrl } from "../../src/db/database-url.js";
import { createFeedsRepository } from "../../src/db/feeds.js";
import { ADMIN_CHAT_ID, CHANNEL_ID } from "../support/config.js";
import { closedPort, startFakeBotApi, startHttpServer, startProcess, type RunningProcess } from "../support/processes.js";
import { TEST_TOKEN } from "../support/telegram.js";

const STOP_LIMIT_MS = 10_000;
/** A stack frame in a JSON log line (or in plain text). */
const STACK = /\\n\s+at |"stack"/;

describe("starting and stopping Newsdesk", { timeout: 90_000 }, () => {
  let dir: string;
  const cleanups: (() => Promise<void> | void)[] = [];
  const running: RunningProcess[] = [];

  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), "newsdesk-process-"));
  });
  afterEach(async () => {
    for (const process of running.splice(0)) process.child.kill("SIGKILL");
    for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
    rmSync(dir, { recursive: true, force: true });
  });

  const botEnv = async (extra: Record<string, string> = {}): Promise<Record<string, string>> => ({
    BOT_TOKEN: TEST_TOKEN,
    CHANNEL_ID: String(CHANNEL_ID),
    ADMIN_CHAT_ID: String(ADMIN_CHAT_ID),
    DATABASE_URL: `file:${join(dir, "newsdesk.db")}`,
    PORT: String(await closedPort()),
    LOG_FORMAT: "json",
    ...extra,
  });
  const start = (kind: "bot" | "cli", env: Record<string, string>, args: string[] = []) => {
    const process = startProcess(kind, args, env, dir);
    running.push(process);
    return process;
  };
  const fakeTelegram = async (options: Parameters<typeof startFakeBotApi>[0] = {}) => {
    const api = await startFakeBotApi(options);
    cleanups.push(() => api.close());
    return api;
  };
  /** A feed server that takes requests and never answers them; `hits` counts them. */
  const silentFeedServer = async () => {
    const hits = { count: 0 };
    const server = await startHttpServer(() => void hits.count++);
    cleanups.push(() => server.close());
    return { ...server, hits };
  };
  const withFeed = async (url: string) => {
    const db = await openDatabase(parseDatabaseUrl(`file:${join(dir, "newsdesk.db")}`));
    await createFeedsRepository(db.prisma).add({ url });
    await db.close();
  };
  const stopWith = async (process: RunningProcess, signal: NodeJS.Signals) => {
    const sentAt = Date.now();
    process.child.kill(signal);
    const { code, at } = await process.exited;
    return { code, ms: at - sentAt };
  };
  const until = async (condition: () => boolean, timeoutMs = 40_000) => {
    const deadline = Date.now() + timeoutMs;
    while (!condition()) {
      if (Date.now() > deadline) throw new Error("condition not met in time");
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
  };

  it("while Telegram cannot be reached, warns once per back-off step naming the API root, and Ctrl-C stops it at once", async () => {
    const apiRoot = `http://127.0.0.1:${await closedPort()}`;
    const bot = start("bot", await botEnv({ TELEGRAM_API_ROOT: apiRoot }));
    const warning = await bot.waitForLine(/cannot reach Telegram/);
    expect(JSON.parse(warning)).toMatchObject({
      level: 40,
      apiRoot,
      reason: "ECONNREFUSED",
      msg: `cannot reach Telegram at ${apiRoot} (getMe: ECONNREFUSED); trying again in 2 s`,
    });
    const stopped = await stopWith(bot, "SIGINT");
    expect(stopped.code).toBe(0);
    expect(stopped.ms).toBeLessThan(STOP_LIMIT_MS);
    expect(bot.stderr()).toContain("SIGINT: stopping (press Ctrl-C again to exit at once)\n");
    expect(bot.stderr()).not.toMatch(STACK);
  });

  it("stops with one line naming BOT_TOKEN when Telegram rejects the token, without retrying", async () => {
    const api = await fakeTelegram({ rejectToken: true });
    const bot = start("bot", await botEnv({ TELEGRAM_API_ROOT: api.url }));
    const { code } = await bot.exited;
    expect(code).toBe(1);
    expect(bot.stderr()).toContain(
      "Telegram rejected BOT_TOKEN (401 Unauthorized): copy the token again from @BotFather (/mybots → API Token) into .env\n",
    );
    expect(bot.stderr()).not.toMatch(/cannot reach Telegram/);
    expect(bot.stderr()).not.toMatch(STACK);
  });

  it("when Telegram stops answering while it runs, says so once without the token, keeps polling, and says when it answers again", async () => {
    let gatewayDown = false;
    const api = await fakeTelegram({
      answer: () => (gatewayDown ? { status: 502, body: { ok: false, error_code: 502, description: "Bad Gateway" } } : null),
    });
    const bot = start("bot", await botEnv({ TELEGRAM_API_ROOT: api.url }));
    await bot.waitForLine(/long polling started/);
    gatewayDown = true;
    const lost = JSON.parse(await bot.waitForLine(/Telegram stopped answering/)) as { msg: string; level: number };
    expect(lost).toMatchObject({
      level: 40,
      msg: `Telegram stopped answering (HTTP 502 Bad Gateway at ${api.url}); updates, posts and alerts wait and are retried every 3 s`,
    });
    await new Promise((resolve) => setTimeout(resolve, 7_000));
    gatewayDown = false;
    const regained = JSON.parse(await bot.waitForLine(/Telegram answers again/)) as { msg: string };
    expect(regained.msg).toMatch(/^Telegram answers again after \d+ s$/);
    expect((await stopWith(bot, "SIGINT")).code).toBe(0);
    // One warning for the whole outage, however many polls failed, and none for the poll the stop cut short; nothing quotes the token.
    expect(bot.stderr().match(/Telegram stopped answering/g)).toHaveLength(1);
    expect(bot.stderr()).not.toContain(TEST_TOKEN.split(":")[1]);
    expect(bot.stderr()).not.toContain("[grammY runner]");
  });

  it("when another process polls with the same token, says why in the log and the admin chat once, and keeps running", async () => {
    const conflict = {
      status: 409,
      body: { ok: false, error_code: 409, description: "Conflict: terminated by other getUpdates request; make sure that only one bot instance is running" },
    };
    const api = await fakeTelegram({ answer: (method) => (method === "getUpdates" ? conflict : null) });
    const bot = start("bot", await botEnv({ TELEGRAM_API_ROOT: api.url }));
    const line = JSON.parse(await bot.waitForLine(/does not give this instance its updates/)) as { msg: string; level: number };
    const expected =
      "Telegram does not give this instance its updates (409 Conflict: terminated by other getUpdates request; make sure that only one bot instance is running): " +
      "another process is long-polling with this BOT_TOKEN, or a webhook is set. Only one instance may use long polling (run the others with BOT_MODE=webhook). Trying again every 30 s";
    expect(line).toMatchObject({ level: 50, msg: expected });
    await until(() => api.sent.some((message) => message.chat_id === ADMIN_CHAT_ID));
    expect(api.sent.filter((message) => message.chat_id === ADMIN_CHAT_ID).map((message) => message.text)).toEqual([expected]);
    expect(bot.stderr()).not.toMatch(/unhandled/i);
    expect(bot.stderr()).not.toContain(TEST_TOKEN.split(":")[1]);
    expect((await stopWith(bot, "SIGINT")).code).toBe(0);
  });

  it("stops with one line naming PORT when the port is taken", async () => {
    const api = await fakeTelegram();
    const taken: TcpServer = createTcpServer();
    await new Promise<void>((resolve) => taken.listen(0, "127.0.0.1", resolve));
    cleanups.push(() => new Promise<void>((resolve) => taken.close(() => resolve())));
    const port = (taken.address() as { port: number }).port;
    const bot = start("bot", await botEnv({ TELEGRAM_API_ROOT: api.url, PORT: String(port) }));
    expect((await bot.exited).code).toBe(1);
    expect(bot.stderr()).toContain(`PORT ${port} is already in use by another program: stop it, or set PORT to a free port\n`);
    expect(bot.stderr()).not.toMatch(STACK);
  });

  it("refuses a DATABASE_URL in a folder that does not exist, and creates only the default ./data, saying where", async () => {
    const api = await fakeTelegram();
    const missing = join(dir, "no-such-folder", "newsdesk.db");
    const refused = start("bot", await botEnv({ TELEGRAM_API_ROOT: api.url, DATABASE_URL: `file:${missing}` }));
    expect((await refused.exited).code).toBe(1);
    expect(refused.stderr()).toBe(
      `DATABASE_URL points to ${missing}, but the folder ${join(dir, "no-such-folder")} does not exist: create it, or correct DATABASE_URL\n`,
    );

    const env = await botEnv({ TELEGRAM_API_ROOT: api.url });
    delete env.DATABASE_URL;
    const bot = start("bot", env);
    const created = await bot.waitForLine(/created a new database/);
    expect(JSON.parse(created)).toMatchObject({ msg: `created a new database at ${join(dir, "data", "newsdesk.db")}` });
    await bot.waitForLine(/long polling started/);
    const stopped = await stopWith(bot, "SIGTERM");
    expect(stopped).toMatchObject({ code: 0 });
    expect(stopped.ms).toBeLessThan(STOP_LIMIT_MS);
  });

  it("SIGTERM during a long ingest cancels the fetch, releases the lease and leaves the feed's health alone", async () => {
    const api = await fakeTelegram();
    const feeds = await silentFeedServer();
    await withFeed(`${feeds.url}/rss.xml`);
    const bot = start(
      "bot",
      await botEnv({ TELEGRAM_API_ROOT: api.url, INGEST_CRON: "* * * * * *", FETCH_TIMEOUT_MS: "600000", ALLOW_PRIVATE_URLS: `127.0.0.1:${feeds.port}` }),
    );
    await until(() => feeds.hits.count > 0);
    const stopped = await stopWith(bot, "SIGTERM");
    expect(stopped.code).toBe(0);
    expect(stopped.ms).toBeLessThan(STOP_LIMIT_MS);

    const db = await openDatabase(parseDatabaseUrl(`file:${join(dir, "newsdesk.db")}`));
    cleanups.push(() => db.close());
    expect(await db.prisma.jobLease.findMany()).toEqual([]);
    expect(await db.prisma.feed.findFirstOrThrow()).toMatchObject({ lastError: null, consecutiveFailures: 0, lastFetchedAt: null });
  });

  it("Ctrl-C on cli ingest stops it, releases its lease so the next ingest runs, and says the feed was left for later", async () => {
    const feeds = await silentFeedServer();
    await withFeed(`${feeds.url}/rss.xml`);
    const env = { DATABASE_URL: `file:${join(dir, "newsdesk.db")}`, FETCH_TIMEOUT_MS: "600000", ALLOW_PRIVATE_URLS: `127.0.0.1:${feeds.port}`, LOG_FORMAT: "json" };
    const cli = start("cli", env, ["ingest"]);
    await until(() => feeds.hits.count > 0);
    const stopped = await stopWith(cli, "SIGINT");
    expect(stopped.code).toBe(130);
    expect(stopped.ms).toBeLessThan(STOP_LIMIT_MS);
    expect(cli.stdout()).toBe("#1 left for the next run: the command was stopped\n1 feed, 0 new articles, 0 failed, 1 left for the next run\n");

    const db = await openDatabase(parseDatabaseUrl(env.DATABASE_URL));
    cleanups.push(() => db.close());
    expect(await db.prisma.jobLease.findMany()).toEqual([]);
  });
});
