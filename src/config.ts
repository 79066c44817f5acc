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
  /** Page extraction and feed reading in worker threads: per-task time limit, and pool size (null: one less than the cores, from 1 to 4). */
  extract: { timeoutMs: number; workers: number | null };
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

const CHAT_REF = /^(-?\d+|@[A-Za-z][A-Za-z0-9_]{3,31})$/;
const HHMM = /^([01]?\d|2[0-3]):[0-5]\d$/;
const PRIVATE_HOST = /^[A-Za-z0-9.-]+(:\d{1,5})?$|^\[[0-9A-Fa-f:.]+\](:\d{1,5})?$/;
const LOG_LEVELS = ["fatal", "error", "warn", "info", "debug", "trace", "silent"] as const;

type RawEnv = Record<string, string | undefined>;

// Every variable is a string or unset; each schema below checks one and turns it into its value.
// Messages name the variable and say what is expected, since the operator reads them as they are.

const botToken = z
  .string()
  .regex(/^\d+:[A-Za-z0-9_-]{20,}$/, "BOT_TOKEN does not look like a bot token (<digits>:<characters>): copy it again from @BotFather");

/** A variable that must be set, with the line to print when it is not. */
function required(missing: string) {
  return z.string({ error: missing });
}

function withDefault(fallback: string) {
  return z.string().optional().transform((value) => value ?? fallback);
}

function integer(name: string, fallback: number, min: number, max: number) {
  const message = (issue: { input?: unknown }) => `${name} must be a whole number from ${min} to ${max}, got "${String(issue.input)}"`;
  return z
    .string()
    .regex(/^\d{1,15}$/, { error: message })
    .transform(Number)
    .pipe(z.number({ error: message }).min(min, { error: message }).max(max, { error: message }))
    .optional()
    .transform((value) => value ?? fallback);
}

function chat(name: string) {
  return z.string().regex(CHAT_REF, {
    error: (issue) => `${name} must be a numeric chat id (like -1001234567890) or an @username, got "${String(issue.input)}"`,
  });
}

function httpUrl(name: string) {
  return z
    .string()
    .refine((value) => URL.canParse(value) && /^https?:$/.test(new URL(value).protocol), {
      error: (issue) => `${name} must be an http(s) URL, got "${String(issue.input)}"`,
    })
    .transform((value) => value.replace(/\/+$/, ""));
}

function cron(name: string, fallback: string) {
  return withDefault(fallback).refine(isValidCron, {
    error: (issue) => `${name} is not a valid cron expression (5 or 6 fields): "${String(issue.input)}"`,
  });
}

/** Commas separate items; each bad item is its own problem. */
function commaList(check: (item: string) => string | null) {
  return withDefault("").transform((value, ctx) => {
    const items = value.split(",").map((item) => item.trim()).filter(Boolean);
    for (const item of items) {
      const problem = check(item);
      if (problem) ctx.addIssue({ code: "custom", message: problem });
    }
    return items;
  });
}

/**
 * The schema for one environment. Which variables are required depends on what it is for (the
 * CLI needs no Telegram settings) and on other variables' raw values (a webhook needs a URL and
 * a secret), so every problem is found in one pass.
 */
function envSchema(raw: RawEnv, purpose: ConfigPurpose) {
  const forBot = purpose === "bot";
  const webhookMode = raw.BOT_MODE === "webhook";
  const optional = <T extends z.ZodType>(schema: T) => schema.optional();
  return z.object({
    BOT_TOKEN: forBot
      ? required("BOT_TOKEN is missing: create a bot with @BotFather and put its token in .env").pipe(botToken)
      : optional(botToken),
    CHANNEL_ID: forBot
      ? required("CHANNEL_ID is missing: set it to the channel's numeric id (-100…) or its @username").pipe(chat("CHANNEL_ID"))
      : optional(chat("CHANNEL_ID")),
    ADMIN_CHAT_ID: optional(chat("ADMIN_CHAT_ID")),
    EDITOR_IDS: commaList((id) => (/^\d+$/.test(id) ? null : `EDITOR_IDS must be comma-separated numeric user ids, got "${id}"`)).transform(
      (ids) => ids.map(Number),
    ),
    DATABASE_URL: withDefault(DEFAULT_DATABASE_URL).transform((url, ctx): DatabaseTarget => {
      try {
        return parseDatabaseUrl(url);
      } catch (error) {
        ctx.addIssue({ code: "custom", message: (error as Error).message });
        return z.NEVER;
      }
    }),
    TELEGRAM_API_ROOT: optional(httpUrl("TELEGRAM_API_ROOT")).transform((url) => url ?? "https://api.telegram.org"),
    BOT_MODE: z
      .enum(["polling", "webhook"], { error: (issue) => `BOT_MODE must be polling or webhook, got "${String(issue.input)}"` })
      .optional()
      .transform((mode) => mode ?? "polling"),
    WEBHOOK_URL: webhookMode
      ? required("WEBHOOK_URL is missing: BOT_MODE=webhook needs the full public https URL Telegram calls").pipe(httpUrl("WEBHOOK_URL"))
      : z.string().optional(),
    WEBHOOK_SECRET: webhookMode
      ? required("WEBHOOK_SECRET is missing: BOT_MODE=webhook needs a secret token (1-256 of A-Z a-z 0-9 _ -)").regex(
          /^[A-Za-z0-9_-]{1,256}$/,
          "WEBHOOK_SECRET may only contain A-Z a-z 0-9 _ - (1-256 characters)",
        )
      : z.string().optional(),
    PORT: integer("PORT", 3000, 1, 65_535),
    PUBLIC_URL: optional(httpUrl("PUBLIC_URL")),
    TIMEZONE: withDefault("UTC").refine((zone) => IANAZone.isValidZone(zone), {
      error: (issue) => `TIMEZONE must be an IANA time zone such as Europe/London, got "${String(issue.input)}"`,
    }),
    INGEST_CRON: cron("INGEST_CRON", "*/5 * * * *"),
    POST_CRON: cron("POST_CRON", "*/10 * * * *"),
    LOG_LEVEL: z
      .enum(LOG_LEVELS, { error: (issue) => `LOG_LEVEL must be one of ${LOG_LEVELS.join(", ")}, got "${String(issue.input)}"` })
      .optional()
      .transform((level) => level ?? "info"),
    ALLOW_PRIVATE_URLS: withDefault("").superRefine((value, ctx) => {
      if (value === "" || value === "true") return;
      for (const entry of value.split(",").map((s) => s.trim())) {
        if (!PRIVATE_HOST.test(entry)) {
          ctx.addIssue({
            code: "custom",
            message: `ALLOW_PRIVATE_URLS must be empty, true, or a comma-separated list of host[:port]; "${entry}" is not a host[:port]`,
          });
        }
      }
    }),
    FETCH_USER_AGENT: withDefault("NewsdeskBot/0.1 (+https://github.com/newsdesk/newsdesk)"),
    FETCH_CONNECT_TIMEOUT_MS: integer("FETCH_CONNECT_TIMEOUT_MS", 10_000, 100, 120_000),
    FETCH_TIMEOUT_MS: integer("FETCH_TIMEOUT_MS", 30_000, 100, 600_000),
    FEED_MAX_BYTES: integer("FEED_MAX_BYTES", 5 * 1024 * 1024, 1024, 1024 ** 3),
    PAGE_MAX_BYTES: integer("PAGE_MAX_BYTES", 5 * 1024 * 1024, 1024, 1024 ** 3),
    FEED_MAX_FAILURES: integer("FEED_MAX_FAILURES", 10, 1, 1000),
    EXTRACT_TIMEOUT_MS: integer("EXTRACT_TIMEOUT_MS", 15_000, 100, 600_000),
    EXTRACT_WORKERS: optional(integer("EXTRACT_WORKERS", 0, 1, 64)),
    SUMMARY_MAX_CHARS: integer("SUMMARY_MAX_CHARS", 400, 80, 3500),
    SUMMARY_LLM_URL: optional(httpUrl("SUMMARY_LLM_URL")),
    SUMMARY_LLM_MODEL:
      raw.SUMMARY_LLM_URL !== undefined ? required("SUMMARY_LLM_MODEL is missing: SUMMARY_LLM_URL needs a model name") : z.string().optional(),
    SUMMARY_LLM_KEY: z.string().optional(),
    SUMMARY_LLM_TIMEOUT_MS: integer("SUMMARY_LLM_TIMEOUT_MS", 20_000, 1_000, 300_000),
    QUIET_HOURS: optional(
      z
        .string()
        .transform((value) => value.split("-").map((part) => part.trim()))
        .refine(([start, end, ...rest]) => rest.length === 0 && HHMM.test(start ?? "") && HHMM.test(end ?? ""), {
          error: () => `QUIET_HOURS must look like 23:00-07:00, got "${raw.QUIET_HOURS ?? ""}"`,
        })
        .transform(([start, end]) => ({ start: start!, end: end! })),
    ),
    MAX_POSTS_PER_HOUR: optional(integer("MAX_POSTS_PER_HOUR", 0, 1, 10_000)),
  });
}

/** The variables Newsdesk reads. */
export const CONFIG_VARIABLES = Object.keys(envSchema({}, "cli").shape);

/**
 * Validates the environment. An empty variable means "not set". Every problem is
 * collected and reported together, one line each, so the operator fixes them in one go.
 */
export function createConfig(env: RawEnv, purpose: ConfigPurpose = "bot"): Config {
  const raw: RawEnv = {};
  for (const key of CONFIG_VARIABLES) {
    const value = env[key]?.trim();
    raw[key] = value === "" ? undefined : value;
  }
  const parsed = envSchema(raw, purpose).safeParse(raw);
  if (!parsed.success) throw new ConfigError([...new Set(parsed.error.issues.map((issue) => issue.message))]);
  const e = parsed.data;
  const webhookUrl = e.WEBHOOK_URL;
  return {
    botToken: e.BOT_TOKEN ?? null,
    channelId: e.CHANNEL_ID === undefined ? null : parseChatRef(e.CHANNEL_ID),
    adminChatId: e.ADMIN_CHAT_ID === undefined ? null : parseChatRef(e.ADMIN_CHAT_ID),
    editorIds: e.EDITOR_IDS,
    database: e.DATABASE_URL,
    telegramApiRoot: e.TELEGRAM_API_ROOT,
    botMode: e.BOT_MODE,
    webhook:
      e.BOT_MODE === "webhook" && webhookUrl && e.WEBHOOK_SECRET
        ? { url: webhookUrl, path: new URL(webhookUrl).pathname || "/", secret: e.WEBHOOK_SECRET }
        : null,
    port: e.PORT,
    publicUrl: e.PUBLIC_URL ?? null,
    timezone: e.TIMEZONE,
    ingestCron: e.INGEST_CRON,
    postCron: e.POST_CRON,
    logLevel: e.LOG_LEVEL,
    allowPrivateUrls: e.ALLOW_PRIVATE_URLS,
    fetch: {
      userAgent: e.FETCH_USER_AGENT,
      connectTimeoutMs: e.FETCH_CONNECT_TIMEOUT_MS,
      requestTimeoutMs: e.FETCH_TIMEOUT_MS,
      maxFeedBytes: e.FEED_MAX_BYTES,
      maxPageBytes: e.PAGE_MAX_BYTES,
    },
    feedMaxFailures: e.FEED_MAX_FAILURES,
    extract: { timeoutMs: e.EXTRACT_TIMEOUT_MS, workers: e.EXTRACT_WORKERS ?? null },
    summary: {
      maxChars: e.SUMMARY_MAX_CHARS,
      llm: e.SUMMARY_LLM_URL
        ? { url: e.SUMMARY_LLM_URL, model: e.SUMMARY_LLM_MODEL ?? "", apiKey: e.SUMMARY_LLM_KEY ?? null, timeoutMs: e.SUMMARY_LLM_TIMEOUT_MS }
        : null,
    },
    quietHours: e.QUIET_HOURS ?? null,
    maxPostsPerHour: e.MAX_POSTS_PER_HOUR ?? null,
  };
}
