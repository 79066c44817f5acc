/**
 * The operator's terminal in tests: `runCli` in-process against a fresh database
 * per test, the fake Telegram recording what the admin chat is told, and direct
 * database access to assert the rows ingestion stored.
 */
import type { Database } from "../../src/db/client.js";
import { runCli } from "../../src/cli/run-cli.js";
import type { FetcherDeps } from "../../src/ingest/fetch/create-fetcher.js";
import type { Provider } from "../../src/db/schema-files.js";
import type { Logger } from "../../src/logger.js";
import { ADMIN_CHAT_ID } from "../support/config.js";
import { createTestDatabase, type TestDatabase } from "../support/database.js";
import { installFakeTelegram, TEST_API_ROOT, TEST_TOKEN, type FakeTelegram } from "../support/telegram.js";
import { publicLookup } from "../support/web.js";

export interface CliRun {
  code: number;
  stdout: string;
  stderr: string;
}

export interface CliOptions {
  /** Extra environment variables (FETCH_TIMEOUT_MS, FEED_MAX_FAILURES, SUMMARY_LLM_URL…). */
  env?: Record<string, string>;
  lookup?: NonNullable<FetcherDeps["lookup"]>;
  now?: () => Date;
  /** Where the command logs (by default nowhere). */
  logger?: Logger;
}

export interface CliHarness {
  database: TestDatabase;
  telegram: FakeTelegram;
  /** Runs one command the way `npm run cli -- …` does, with the admin chat configured. */
  cli(args: string[], options?: CliOptions): Promise<CliRun>;
  /** The database, opened once per test for assertions. */
  db(): Promise<Database>;
  /** What the admin chat was sent, in order. */
  adminNotices(): string[];
  close(): Promise<void>;
}

/** Starts a harness on a fresh database of `provider`; call `close()` in afterEach. */
export async function createCliHarness(provider: Provider, baseEnv: Record<string, string> = {}): Promise<CliHarness> {
  const database = await createTestDatabase(provider);
  const telegram = installFakeTelegram();
  let opened: Database | null = null;
  return {
    database,
    telegram,
    async cli(args, options = {}) {
      let stdout = "";
      let stderr = "";
      const code = await runCli(args, {
        env: {
          DATABASE_URL: database.url,
          LOG_LEVEL: "silent",
          BOT_TOKEN: TEST_TOKEN,
          ADMIN_CHAT_ID: String(ADMIN_CHAT_ID),
          TELEGRAM_API_ROOT: TEST_API_ROOT,
          ...baseEnv,
          ...options.env,
        },
        stdout: (text) => (stdout += text),
        stderr: (text) => (stderr += text),
        fetcherDeps: { lookup: options.lookup ?? publicLookup },
        ...(options.now ? { now: options.now } : {}),
        ...(options.logger ? { logger: options.logger } : {}),
      });
      return { code, stdout, stderr };
    },
    async db() {
      opened ??= await database.open();
      return opened;
    },
    adminNotices() {
      return telegram
        .callsTo("sendMessage")
        .filter((call) => call.payload.chat_id === ADMIN_CHAT_ID)
        .map((call) => String(call.payload.text));
    },
    async close() {
      if (opened) await opened.close();
      opened = null;
      await database.drop();
    },
  };
}

/** A clock the test moves by hand, starting at `start`. */
export function createClock(start: Date): { now: () => Date; advance(ms: number): void; set(date: Date): void } {
  let current = start.getTime();
  return {
    now: () => new Date(current),
    advance: (ms) => void (current += ms),
    set: (date) => void (current = date.getTime()),
  };
}
