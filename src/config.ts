/**
 * Configuration, validated once at start from the environment. `createConfig`
 * is pure: it reads the object it is given, never process.env directly, so tests
 * build configs from plain objects. Only main.ts and the CLI entry pass process.env.
 */
import { IANAZone } from "luxon";
import { validate as isValidCron } from "node-cron";
import { z } from "zod";

import { parseDatabaseUrl, DEFAULT_DATABASE_URL, type DatabaseTarget } from "./db/database-url.js";

/** A chat given as a numeric id (-100…) or a public @username. */
export type ChatRef = number | string;

/** A chat id stored or configured as text ("-100…" or "@name"), as the Bot API takes it. */
export function parseChatRef(text: string): ChatRef {
  return /^-?\d+$/.test(text) ? Number(text) : text;
}

/** Which parts of the config the entry point needs: the bot needs Telegram settings, the CLI does not. */
export type ConfigPurpose = "bot" | "cli";

export interface Config {
  botToken: string | null;
  channelId: ChatRef | null;
  adminChatId: ChatRef | null;
  editorIds: number[];
  database: DatabaseTarget;
  telegramApiRoot: string;
  botMode: "polling" | "webhook";
  webhook: { url: string; path: string; secret: string } | null;
  port: number;
  publicUrl: string | null;
  timezone: string;
  ingestCron: string;
  postCron: string;
  logLevel: "fatal" | "error" | "warn" | "info" | "debug" | "trace" | "silent";
  allowPrivateUrls: string;
  fetch: {
    userAgent: string;
    connectTimeoutMs: number;
    requestTimeoutMs: number;
    maxFeedBytes: number;
    maxPageBytes: number;
  };
  feedMaxFailures: number;
  summary: {
    maxChars: number;
    llm: { url: string; model: string; apiKey: string | null; timeoutMs: number } | null;
  };
  quietHours: { start: string; end: string } | null;
  maxPostsPerHour: number | null;
}

/** Thrown with one line per problem; main.ts prints them and exits with code 1. */
export class ConfigError extends Error {
  constructor(readonly problems: string[]) {
    super(problems.join("\n"));
    this.name = "ConfigError";
  }
}

const chatRef = /^(-?\d+|@[A-Za-z][A-Za-z0-9_]{3,31})$/;
const hhmm = /^([01]?\d|2[0-3]):[0-5]\d$/;

function optional(hint: string) {
  return z.string().optional().describe(hint);
}

const schema = z.object({
  BOT_TOKEN: optional("create a bot with @BotFather and put its token in .env"),
  CHANNEL_ID: optional("the channel to post to: its numeric id (-100…) or @username"),
  ADMIN_CHAT_ID: optional("the editors' group: its numeric id (-100…) or @username"),
  EDITOR_IDS: optional("comma-separated Telegram user ids"),
  DATABASE_URL: optional("file:./data/newsdesk.db or postgresql://user@host/db"),
  TELEGRAM_API_ROOT: optional("e.g. https://api.telegram.org"),
  BOT_MODE: optional("polling or webhook"),
  WEBHOOK_URL: optional("the full public https URL Telegram calls"),
  WEBHOOK_SECRET: optional("1-256 characters A-Z a-z 0-9 _ -"),
  PORT: optional("a TCP port"),
  PUBLIC_URL: optional("the public base URL of this server, e.g. https://news.example.com"),
  TIMEZONE: optional("an IANA zone such as Europe/London"),
  INGEST_CRON: optional("a cron expression"),
  POST_CRON: optional("a cron expression"),
  LOG_LEVEL: optional("fatal, error, warn, info, debug, trace or silent"),
  ALLOW_PRIVATE_URLS: optional("empty, true, or host[:port],…"),
  FETCH_USER_AGENT: optional("a User-Agent string"),
  FETCH_CONNECT_TIMEOUT_MS: optional("milliseconds"),
  FETCH_TIMEOUT_MS: optional("milliseconds"),
  FEED_MAX_BYTES: optional("bytes"),
  PAGE_MAX_BYTES: optional("bytes"),
  FEED_MAX_FAILURES: optional("a count"),
  SUMMARY_MAX_CHARS: optional("characters"),
  SUMMARY_LLM_URL: optional("an OpenAI-compatible base URL"),
  SUMMARY_LLM_MODEL: optional("a model name"),
  SUMMARY_LLM_KEY: optional("an API key"),
  SUMMARY_LLM_TIMEOUT_MS: optional("milliseconds"),
  QUIET_HOURS: optional("HH:MM-HH:MM"),
  MAX_POSTS_PER_HOUR: optional("a count"),
});

type RawEnv = Record<string, string | undefined>;

/**
 * Validates the environment. An empty variable means "not set". Every problem is
 * collected and reported together, one line each, so the operator fixes them in one go.
 */
export function createConfig(env: RawEnv, purpose: ConfigPurpose = "bot"): Config {
  const raw: Record<string, string | undefined> = {};
  for (const key of Object.keys(schema.shape)) {
    const value = env[key]?.trim();
    raw[key] = value === "" ? undefined : value;
  }
  const e = schema.parse(raw);
  const problems: string[] = [];
  const problem = (line: string) => problems.push(line);

  const integer = (name: keyof typeof e, fallback: number, min: number, max: number): number => {
    const value = e[name];
    if (value === undefined) return fallback;
    const parsed = Number(value);
    if (!/^\d+$/.test(value) || parsed < min || parsed > max) {
      problem(`${name} must be a whole number from ${min} to ${max}, got "${value}"`);
      return fallback;
    }
    return parsed;
  };
  const chat = (name: "CHANNEL_ID" | "ADMIN_CHAT_ID"): ChatRef | null => {
    const value = e[name];
    if (value === undefined) return null;
    if (!chatRef.test(value)) {
      problem(`${name} must be a numeric chat id (like -1001234567890) or an @username, got "${value}"`);
      return null;
    }
    return value.startsWith("@") ? value : Number(value);
  };
  const url = (name: keyof typeof e): string | null => {
    const value = e[name];
    if (value === undefined) return null;
    try {
      const parsed = new URL(value);
      if (parsed.protocol !== "http:" && parsed.protocol !== "https:") throw new Error("not http");
      return value.replace(/\/+$/, "");
    } catch {
      problem(`${name} must be an http(s) URL, got "${value}"`);
      return null;
    }
  };

  const botToken = e.BOT_TOKEN ?? null;
  if (botToken === null) {
    if (purpose === "bot") problem("BOT_TOKEN is missing: create a bot with @BotFather and put its token in .env");
  } else if (!/^\d+:[A-Za-z0-9_-]{20,}$/.test(botToken)) {
    problem("BOT_TOKEN does not look like a bot token (<digits>:<characters>): copy it again from @BotFather");
  }
  const channelId = chat("CHANNEL_ID");
  if (channelId === null && e.CHANNEL_ID === undefined && purpose === "bot") {
    problem("CHANNEL_ID is missing: set it to the channel's numeric id (-100…) or its @username");
  }
  const adminChatId = chat("ADMIN_CHAT_ID");

  const editorIds: number[] = [];
  for (const part of (e.EDITOR_IDS ?? "").split(",").map((s) => s.trim()).filter(Boolean)) {
    if (/^\d+$/.test(part)) editorIds.push(Number(part));
    else problem(`EDITOR_IDS must be comma-separated numeric user ids, got "${part}"`);
  }

  let database: DatabaseTarget = parseDatabaseUrl(DEFAULT_DATABASE_URL);
  try {
    database = parseDatabaseUrl(e.DATABASE_URL ?? DEFAULT_DATABASE_URL);
  } catch (error) {
    problem((error as Error).message);
  }

  const telegramApiRoot = url("TELEGRAM_API_ROOT") ?? "https://api.telegram.org";

  const botMode = e.BOT_MODE ?? "polling";
  if (botMode !== "polling" && botMode !== "webhook") problem(`BOT_MODE must be polling or webhook, got "${botMode}"`);
  let webhook: Config["webhook"] = null;
  if (botMode === "webhook") {
    const webhookUrl = url("WEBHOOK_URL");
    if (e.WEBHOOK_URL === undefined) problem("WEBHOOK_URL is missing: BOT_MODE=webhook needs the full public https URL Telegram calls");
    const secret = e.WEBHOOK_SECRET;
    if (secret === undefined) problem("WEBHOOK_SECRET is missing: BOT_MODE=webhook needs a secret token (1-256 of A-Z a-z 0-9 _ -)");
    else if (!/^[A-Za-z0-9_-]{1,256}$/.test(secret)) problem("WEBHOOK_SECRET may only contain A-Z a-z 0-9 _ - (1-256 characters)");
    if (webhookUrl && secret) webhook = { url: webhookUrl, path: new URL(webhookUrl).pathname || "/", secret };
  }

  const timezone = e.TIMEZONE ?? "UTC";
  if (!IANAZone.isValidZone(timezone)) problem(`TIMEZONE must be an IANA time zone such as Europe/London, got "${timezone}"`);

  const cron = (name: "INGEST_CRON" | "POST_CRON", fallback: string): string => {
    const value = e[name] ?? fallback;
    if (!isValidCron(value)) problem(`${name} is not a valid cron expression (5 or 6 fields): "${value}"`);
    return value;
  };

  const logLevel = (e.LOG_LEVEL ?? "info") as Config["logLevel"];
  if (!["fatal", "error", "warn", "info", "debug", "trace", "silent"].includes(logLevel)) {
    problem(`LOG_LEVEL must be one of fatal, error, warn, info, debug, trace, silent, got "${logLevel}"`);
  }

  const allowPrivateUrls = e.ALLOW_PRIVATE_URLS ?? "";
  if (allowPrivateUrls !== "" && allowPrivateUrls !== "true") {
    for (const entry of allowPrivateUrls.split(",").map((s) => s.trim())) {
      if (!/^[A-Za-z0-9.-]+(:\d{1,5})?$|^\[[0-9A-Fa-f:.]+\](:\d{1,5})?$/.test(entry)) {
        problem(`ALLOW_PRIVATE_URLS must be empty, true, or a comma-separated list of host[:port]; "${entry}" is not a host[:port]`);
      }
    }
  }

  let llm: Config["summary"]["llm"] = null;
  const llmUrl = url("SUMMARY_LLM_URL");
  if (llmUrl) {
    if (!e.SUMMARY_LLM_MODEL) problem("SUMMARY_LLM_MODEL is missing: SUMMARY_LLM_URL needs a model name");
    llm = {
      url: llmUrl,
      model: e.SUMMARY_LLM_MODEL ?? "",
      apiKey: e.SUMMARY_LLM_KEY ?? null,
      timeoutMs: integer("SUMMARY_LLM_TIMEOUT_MS", 20_000, 1_000, 300_000),
    };
  }

  let quietHours: Config["quietHours"] = null;
  if (e.QUIET_HOURS) {
    const [start, end, extra] = e.QUIET_HOURS.split("-").map((s) => s.trim());
    if (!start || !end || extra !== undefined || !hhmm.test(start) || !hhmm.test(end)) {
      problem(`QUIET_HOURS must look like 23:00-07:00, got "${e.QUIET_HOURS}"`);
    } else quietHours = { start, end };
  }

  const config: Config = {
    botToken,
    channelId,
    adminChatId,
    editorIds,
    database,
    telegramApiRoot,
    botMode: botMode === "webhook" ? "webhook" : "polling",
    webhook,
    port: integer("PORT", 3000, 1, 65_535),
    publicUrl: url("PUBLIC_URL"),
    timezone,
    ingestCron: cron("INGEST_CRON", "*/5 * * * *"),
    postCron: cron("POST_CRON", "*/10 * * * *"),
    logLevel,
    allowPrivateUrls,
    fetch: {
      userAgent: e.FETCH_USER_AGENT ?? "NewsdeskBot/0.1 (+https://github.com/newsdesk/newsdesk)",
      connectTimeoutMs: integer("FETCH_CONNECT_TIMEOUT_MS", 10_000, 100, 120_000),
      requestTimeoutMs: integer("FETCH_TIMEOUT_MS", 30_000, 100, 600_000),
      maxFeedBytes: integer("FEED_MAX_BYTES", 5 * 1024 * 1024, 1024, 1024 ** 3),
      maxPageBytes: integer("PAGE_MAX_BYTES", 5 * 1024 * 1024, 1024, 1024 ** 3),
    },
    feedMaxFailures: integer("FEED_MAX_FAILURES", 10, 1, 1000),
    summary: { maxChars: integer("SUMMARY_MAX_CHARS", 400, 80, 3500), llm },
    quietHours,
    maxPostsPerHour: e.MAX_POSTS_PER_HOUR === undefined ? null : integer("MAX_POSTS_PER_HOUR", 0, 1, 10_000),
  };
  if (problems.length > 0) throw new ConfigError(problems);
  return config;
}
