/**
 * Configuration, validated once at start from the environment. `createConfig`
 * is pure: it reads the object it is given, never process.env directly, so tests
 * build configs from plain objects. Only main.ts and the CLI entry pass process.env.
 */
import { resolve } from "node:path";

import { IANAZone } from "luxon";
import { validateDetailed as validateCron } from "node-cron";
import { z } from "zod";

import { backupFolderBeside } from "./db/backup-files.js";
import { LANGUAGES, type Language } from "./i18n/languages.js";
import { parsePostSlots } from "./publish/post-slots.js";
import { parseDatabaseUrl, DEFAULT_DATABASE_URL, type DatabaseTarget } from "./db/database-url.js";
import { parsePostTemplate, type PostTemplate } from "./publish/post-template.js";
import { trustedProxyProblem } from "./server/client-address.js";

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
  /** Reverse proxies (addresses, CIDR ranges, loopback, private) whose X-Forwarded-For is believed; empty: none. */
  trustProxy: string[];
  timezone: string;
  ingestCron: string;
  /** When the outbox runs; with `postSlots` every minute (slots decide when automatic posts go). */
  postCron: string;
  /** POST_SLOTS: minutes after midnight (in `timezone`) at which the best waiting story goes out; null: POST_CRON mode. */
  postSlots: number[] | null;
  /** CHANNEL_DIGEST_CRON: when the channel gets its "Top stories" post; null: never (the default). */
  channelDigestCron: string | null;
  logLevel: "fatal" | "error" | "warn" | "info" | "debug" | "trace" | "silent";
  /** One readable line per entry, or one JSON object per line (for log collectors). */
  logFormat: "pretty" | "json";
  /** Bearer token GET /metrics requires; null serves the metrics to anyone who reaches PORT. */
  metricsToken: string | null;
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
  /**
   * True: every topic feeds bring is created and shown to readers. False: readers see only the
   * editors' topics, and feeds' categories reach them only through keyword rules.
   */
  topicsOpen: boolean;
  /** Review before posting: every feed's new stories wait for an editor (REVIEW_ALL), and how many cards one ingest run sends. */
  review: { all: boolean; cardsPerRun: number };
  /** The language of the channel's own texts ("Read more", the digest's title). */
  channelLanguage: Language;
  /** The language of messages to the admin chat that answer no one editor (health, paused feeds, first fetches); replies follow the editor. */
  adminLanguage: Language;
  summary: {
    maxChars: number;
    llm: { url: string; model: string; apiKey: string | null; timeoutMs: number } | null;
  };
  quietHours: { start: string; end: string } | null;
  maxPostsPerHour: number | null;
  /** How channel posts look and sound. */
  posts: {
    /** photo: the story's picture with the post as its caption (else as preview); preview: a large link preview above the text; text: no preview. */
    media: PostMedia;
    /** Routine posts without a notification (breaking posts always notify). */
    silent: boolean;
    /** Put before a breaking post's headline ("🔴"); "" for none. */
    breakingMarker: string;
    /** POST_TEMPLATE, checked; null: the default layout. */
    template: PostTemplate | null;
  };
  backup: {
    /** When to copy the SQLite database into `dir`; null: no scheduled backups. */
    cron: string | null;
    /** Where scheduled and pre-migration backups go (absolute). */
    dir: string;
    /** How many scheduled backups to keep. */
    keep: number;
  };
  /**
   * ALLOW_PAID_BROADCAST: readers' alerts go with Telegram's `allow_paid_broadcast` (paid in
   * Stars), up to {@link PAID_BROADCAST_PER_SECOND} a second; channel posts and replies never.
   */
  allowPaidBroadcast: boolean;
  retention: {
    /** Article bodies, finished alerts: kept this many days. */
    days: number;
    /** Editors' audit log entries: kept this many days. */
    auditDays: number;
  };
}

/** Messages a second Telegram takes with `allow_paid_broadcast` (the free limit is 30). */
export const PAID_BROADCAST_PER_SECOND = 1000;

/** Thrown with one line per problem; main.ts prints them and exits with code 1. */
export class ConfigError extends Error {
  constructor(readonly problems: string[]) {
    super(problems.join("\n"));
    this.name = "ConfigError";
  }
}

/** How a channel post goes out (POST_MEDIA). */
export const POST_MEDIA = ["photo", "preview", "text"] as const;
export type PostMedia = (typeof POST_MEDIA)[number];

const CHAT_REF = /^(-?\d+|@[A-Za-z][A-Za-z0-9_]{3,31})$/;
const HHMM = /^([01]?\d|2[0-3]):[0-5]\d$/;
/** POST_CRON's default, the publish tick: a fresh story goes out within the minute. With POST_SLOTS the outbox looks every minute too. */
const DEFAULT_POST_CRON = "* * * * *";
const SLOTS_POST_CRON = "* * * * *";
/** The default before adaptive polling; still accepted beside POST_SLOTS (older .env files carry it). */
const FORMER_DEFAULT_POST_CRON = "*/10 * * * *";
/** INGEST_CRON's default, the ingest tick: each tick fetches the feeds whose poll schedule says they are due. */
const DEFAULT_INGEST_CRON = "* * * * *";
const LOG_LEVELS = ["fatal", "error", "warn", "info", "debug", "trace", "silent"] as const;
const LOG_FORMATS = ["pretty", "json"] as const;

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

/** `true` or `false` in any case; `fallback` when not set. */
function trueOrFalse(name: string, input: string | undefined, fallback: boolean) {
  return z
    .string()
    .transform((value) => value.toLowerCase())
    .pipe(z.enum(["true", "false"], { error: () => `${name} must be true or false, got "${input ?? ""}"` }))
    .optional()
    .transform((value) => (value === undefined ? fallback : value === "true"));
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

/** node-cron's fields, in the order of a 6-field expression, with the values each takes. */
const CRON_FIELDS = {
  second: { label: "second", min: 0, max: 59, maxStep: 59 },
  minute: { label: "minute", min: 0, max: 59, maxStep: 59 },
  hour: { label: "hour", min: 0, max: 23, maxStep: 23 },
  dayOfMonth: { label: "day-of-month", min: 1, max: 31, maxStep: 30 },
  month: { label: "month", min: 1, max: 12, maxStep: 11 },
  // 7 is Sunday again, so a step spans 0-6.
  dayOfWeek: { label: "day-of-week", min: 0, max: 7, maxStep: 6 },
} as const;
type CronField = keyof typeof CRON_FIELDS;
const CRON_ORDER = Object.keys(CRON_FIELDS) as CronField[];

/**
 * Every problem with a cron expression, naming the variable and the field. node-cron
 * checks the values but accepts any step: "*\/61" in the minute field would run once an
 * hour, not every 61 minutes, so a step must stay within the field's span.
 */
function cronProblems(name: string, expression: string): string[] {
  const fields = expression.split(/\s+/);
  const names = fields.length === 5 ? CRON_ORDER.slice(1) : fields.length === 6 ? CRON_ORDER : [];
  const problems = new Map<CronField, string>();
  const valueOf = (field: CronField) => fields[names.indexOf(field)] ?? "";
  for (const field of names) {
    const { label, min, max, maxStep } = CRON_FIELDS[field];
    const value = valueOf(field);
    const steps = value.split(",").flatMap((part) => (part.includes("/") ? [part.slice(part.indexOf("/") + 1)] : []));
    if (steps.some((step) => !/^\d{1,3}$/.test(step) || Number(step) < 1 || Number(step) > maxStep)) {
      problems.set(field, `${name}: ${label} field "${value}" is out of range ${min}-${max} (a step must be 1-${maxStep})`);
    }
  }
  const checked = validateCron(expression);
  for (const error of checked.errors) {
    const field = error.field as CronField | "expression";
    if (field === "expression" || !(field in CRON_FIELDS)) {
      return [`${name} is not a valid cron expression (5 or 6 fields): "${expression}"`];
    }
    if (problems.has(field)) continue;
    const { label, min, max } = CRON_FIELDS[field];
    const value = error.value ?? "";
    problems.set(
      field,
      /impossible/.test(error.message)
        ? `${name}: day-of-month field "${value}" never occurs in month "${valueOf("month")}"`
        : `${name}: ${label} field "${value}" is out of range ${min}-${max}`,
    );
  }
  return [...problems.values()];
}

/** A cron expression checked field by field; unset stays unset. */
function cronExpression(name: string) {
  return z.string().superRefine((expression, ctx) => {
    for (const message of cronProblems(name, expression)) ctx.addIssue({ code: "custom", message });
  });
}

function cron(name: string, fallback: string) {
  return withDefault(fallback).pipe(cronExpression(name));
}

/** Words an operator may write meaning yes or no; none of them names a host. */
const YES_NO = new Set(["yes", "no", "y", "n", "false", "on", "off", "0", "1", "none", "all", "enabled", "disabled", "*"]);

/** What is wrong with one ALLOW_PRIVATE_URLS entry (a host[:port]), or null. */
function privateHostProblem(entry: string, alone: boolean): string | null {
  const lead = "ALLOW_PRIVATE_URLS must be empty, true, or a comma-separated list of host[:port];";
  if (entry.toLowerCase() === "true") return alone ? null : `${lead} true allows every private address and cannot be mixed with hosts`;
  if (YES_NO.has(entry.toLowerCase())) return `${lead} "${entry}" is not a host (write true to allow every private address)`;
  if (/^[a-z][a-z0-9+.-]*:\/\//i.test(entry)) {
    const host = URL.canParse(entry) ? new URL(entry).host : "";
    return `${lead} "${entry}" is a URL: give its host[:port] only${host ? ` (${host})` : ""}`;
  }
  const match = /^(\[[0-9A-Fa-f:.]+\]|[A-Za-z0-9.-]+)(?::(\d+))?$/.exec(entry);
  const host = match?.[1] ?? "";
  const validHost = host.startsWith("[")
    ? URL.canParse(`http://${host}/`)
    : host.split(".").every((label) => /^[A-Za-z0-9]([A-Za-z0-9-]{0,61}[A-Za-z0-9])?$/.test(label)) &&
      (/[A-Za-z]/.test(host.split(".").at(-1) ?? "") || /^\d{1,3}(\.\d{1,3}){3}$/.test(host));
  if (!match || !validHost) return `${lead} "${entry}" is not a host[:port]`;
  const port = match[2];
  if (port !== undefined && !(Number(port) >= 1 && Number(port) <= 65_535)) return `${lead} "${entry}" has a port outside 1-65535`;
  return null;
}

/**
 * A secret: 16-256 characters of an allowed set. Too short a secret can be guessed; the
 * message never repeats the value, since it goes to logs.
 */
function secretToken(name: string, allowed: RegExp, charset: string) {
  return z.string().superRefine((value, ctx) => {
    if (value.length < 16 || value.length > 256) {
      ctx.addIssue({ code: "custom", message: `${name} must be 16-256 characters long, it has ${value.length}` });
    }
    if (!allowed.test(value)) ctx.addIssue({ code: "custom", message: `${name} may only contain ${charset}` });
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
      ? required("WEBHOOK_SECRET is missing: BOT_MODE=webhook needs a secret token (16-256 of A-Z a-z 0-9 _ -)").pipe(
          secretToken("WEBHOOK_SECRET", /^[A-Za-z0-9_-]+$/, "A-Z a-z 0-9 _ -"),
        )
      : z.string().optional(),
    PORT: integer("PORT", 3000, 1, 65_535),
    PUBLIC_URL: optional(httpUrl("PUBLIC_URL")),
    TRUST_PROXY: commaList(trustedProxyProblem),
    TIMEZONE: withDefault("UTC").refine((zone) => IANAZone.isValidZone(zone), {
      error: (issue) => `TIMEZONE must be an IANA time zone such as Europe/London, got "${String(issue.input)}"`,
    }),
    INGEST_CRON: cron("INGEST_CRON", DEFAULT_INGEST_CRON),
    POST_CRON: cron("POST_CRON", DEFAULT_POST_CRON),
    POST_SLOTS: optional(
      z.string().transform((value, ctx) => {
        const parsed = parsePostSlots(value);
        if (!parsed.ok) ctx.addIssue({ code: "custom", message: parsed.error });
        // Choosing slots and a posting schedule at once is ambiguous: the operator says which.
        if (raw.POST_CRON !== undefined && raw.POST_CRON !== DEFAULT_POST_CRON && raw.POST_CRON !== FORMER_DEFAULT_POST_CRON) {
          ctx.addIssue({ code: "custom", message: "POST_SLOTS and POST_CRON are both set: POST_SLOTS posts the best story at fixed times, POST_CRON on a schedule; remove one of them" });
        }
        return parsed.ok ? parsed.minutes : [];
      }),
    ),
    CHANNEL_DIGEST_CRON: optional(cronExpression("CHANNEL_DIGEST_CRON")),
    LOG_LEVEL: z
      .enum(LOG_LEVELS, { error: (issue) => `LOG_LEVEL must be one of ${LOG_LEVELS.join(", ")}, got "${String(issue.input)}"` })
      .optional()
      .transform((level) => level ?? "info"),
    LOG_FORMAT: z
      .enum(LOG_FORMATS, { error: (issue) => `LOG_FORMAT must be pretty or json, got "${String(issue.input)}"` })
      .optional(),
    METRICS_TOKEN: optional(secretToken("METRICS_TOKEN", /^[A-Za-z0-9._~+/-]+=*$/, "A-Z a-z 0-9 - . _ ~ + / (then = padding)")),
    ALLOW_PRIVATE_URLS: withDefault("").superRefine((value, ctx) => {
      const entries = value.split(",").map((s) => s.trim()).filter(Boolean);
      for (const entry of entries) {
        const problem = privateHostProblem(entry, entries.length === 1);
        if (problem) ctx.addIssue({ code: "custom", message: problem });
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
    CHANNEL_LANGUAGE: z
      .enum(LANGUAGES, { error: (issue) => `CHANNEL_LANGUAGE must be one of ${LANGUAGES.join(", ")}, got "${String(issue.input)}"` })
      .optional()
      .transform((language) => language ?? "en"),
    ADMIN_LANGUAGE: z
      .enum(LANGUAGES, { error: (issue) => `ADMIN_LANGUAGE must be one of ${LANGUAGES.join(", ")}, got "${String(issue.input)}"` })
      .optional()
      .transform((language) => language ?? "en"),
    TOPICS_OPEN: z
      .string()
      .transform((value) => value.toLowerCase())
      .pipe(z.enum(["true", "false"], { error: () => `TOPICS_OPEN must be true or false, got "${raw.TOPICS_OPEN ?? ""}"` }))
      .optional()
      .transform((value) => value !== "false"),
    REVIEW_ALL: trueOrFalse("REVIEW_ALL", raw.REVIEW_ALL, false),
    REVIEW_CARDS_PER_RUN: integer("REVIEW_CARDS_PER_RUN", 10, 1, 100),
    ALLOW_PAID_BROADCAST: trueOrFalse("ALLOW_PAID_BROADCAST", raw.ALLOW_PAID_BROADCAST, false),
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
    POST_MEDIA: z
      .enum(POST_MEDIA, { error: (issue) => `POST_MEDIA must be one of ${POST_MEDIA.join(", ")}, got "${String(issue.input)}"` })
      .optional()
      .transform((media) => media ?? "photo"),
    SILENT_POSTS: z
      .string()
      .transform((value) => value.toLowerCase())
      .pipe(z.enum(["true", "false"], { error: () => `SILENT_POSTS must be true or false, got "${raw.SILENT_POSTS ?? ""}"` }))
      .optional()
      .transform((value) => value !== "false"),
    BREAKING_MARKER: z
      .string()
      .max(16, { error: () => `BREAKING_MARKER must be at most 16 characters, got "${raw.BREAKING_MARKER ?? ""}"` })
      .optional()
      .transform((marker) => marker ?? "🔴"),
    POST_TEMPLATE: optional(
      z.string().transform((text, ctx): PostTemplate => {
        const parsed = parsePostTemplate(text);
        if (parsed.ok) return parsed.template;
        ctx.addIssue({ code: "custom", message: parsed.error });
        return z.NEVER;
      }),
    ),
    BACKUP_CRON: optional(cronExpression("BACKUP_CRON")),
    BACKUP_DIR: z.string().optional(),
    BACKUP_KEEP: integer("BACKUP_KEEP", 7, 1, 1000),
    // A week at least: a reader's digest looks back up to 7 days (see queue-digests.ts).
    RETENTION_DAYS: integer("RETENTION_DAYS", 90, 7, 36_500),
    AUDIT_RETENTION_DAYS: integer("AUDIT_RETENTION_DAYS", 365, 30, 36_500),
  });
}

/** Backups go next to a SQLite file by default (./data/backups for the default database). */
function defaultBackupDir(database: DatabaseTarget): string {
  return database.provider === "sqlite" ? backupFolderBeside(database.filePath) : resolve("data", "backups");
}

/** The variables Newsdesk reads. */
export const CONFIG_VARIABLES = Object.keys(envSchema({}, "cli").shape);

/**
 * Validates the environment. An empty variable means "not set". Every problem is
 * collected and reported together, one line each, so the operator fixes them in one go.
 * `isTty` says whether stderr is a terminal (the log format's default); the caller knows.
 */
export function createConfig(env: RawEnv, purpose: ConfigPurpose = "bot", context: { isTty?: boolean } = {}): Config {
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
    trustProxy: e.TRUST_PROXY,
    timezone: e.TIMEZONE,
    ingestCron: e.INGEST_CRON,
    postCron: e.POST_SLOTS ? SLOTS_POST_CRON : e.POST_CRON,
    postSlots: e.POST_SLOTS ?? null,
    channelDigestCron: e.CHANNEL_DIGEST_CRON ?? null,
    logLevel: e.LOG_LEVEL,
    logFormat: e.LOG_FORMAT ?? (context.isTty ? "pretty" : "json"),
    metricsToken: e.METRICS_TOKEN ?? null,
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
    topicsOpen: e.TOPICS_OPEN,
    review: { all: e.REVIEW_ALL, cardsPerRun: e.REVIEW_CARDS_PER_RUN },
    allowPaidBroadcast: e.ALLOW_PAID_BROADCAST,
    channelLanguage: e.CHANNEL_LANGUAGE,
    adminLanguage: e.ADMIN_LANGUAGE,
    summary: {
      maxChars: e.SUMMARY_MAX_CHARS,
      llm: e.SUMMARY_LLM_URL
        ? { url: e.SUMMARY_LLM_URL, model: e.SUMMARY_LLM_MODEL ?? "", apiKey: e.SUMMARY_LLM_KEY ?? null, timeoutMs: e.SUMMARY_LLM_TIMEOUT_MS }
        : null,
    },
    quietHours: e.QUIET_HOURS ?? null,
    maxPostsPerHour: e.MAX_POSTS_PER_HOUR ?? null,
    posts: { media: e.POST_MEDIA, silent: e.SILENT_POSTS, breakingMarker: e.BREAKING_MARKER, template: e.POST_TEMPLATE ?? null },
    backup: {
      cron: e.BACKUP_CRON ?? null,
      dir: e.BACKUP_DIR !== undefined ? resolve(e.BACKUP_DIR) : defaultBackupDir(e.DATABASE_URL),
      keep: e.BACKUP_KEEP,
    },
    retention: { days: e.RETENTION_DAYS, auditDays: e.AUDIT_RETENTION_DAYS },
  };
}
