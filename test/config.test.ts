import { execFile } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { promisify } from "node:util";

import { describe, expect, it } from "vitest";

import { CONFIG_VARIABLES, ConfigError, createConfig } from "../src/config.js";

const TOKEN = "123456:ABCdefGHIjklMNOpqrSTUvwxYZ012345";

function problemsOf(env: Record<string, string>, purpose: "bot" | "cli" = "bot"): string[] {
  try {
    createConfig(env, purpose);
    return [];
  } catch (error) {
    if (error instanceof ConfigError) return error.problems;
    throw error;
  }
}

describe("configuration", () => {
  it("has working defaults for everything but the token and the channel", () => {
    const config = createConfig({ BOT_TOKEN: TOKEN, CHANNEL_ID: "@newsroom" });
    expect(config).toMatchObject({
      channelId: "@newsroom",
      adminChatId: null,
      database: { provider: "sqlite", url: "file:./data/newsdesk.db" },
      telegramApiRoot: "https://api.telegram.org",
      botMode: "polling",
      port: 3000,
      timezone: "UTC",
      ingestCron: "* * * * *",
      postCron: "* * * * *",
      logLevel: "info",
      logFormat: "json",
      metricsToken: null,
      allowPrivateUrls: "",
      trustProxy: [],
      summary: { maxChars: 400, llm: null },
      quietHours: null,
      maxPostsPerHour: null,
    });
  });

  it("keeps backups beside the SQLite file, none scheduled, and 90 days of bodies and a year of audit log", () => {
    const config = createConfig({ BOT_TOKEN: TOKEN, CHANNEL_ID: "@newsroom", DATABASE_URL: "file:/srv/newsdesk/news.db" });
    expect(config.backup).toEqual({ cron: null, dir: "/srv/newsdesk/backups", keep: 7 });
    expect(config.retention).toEqual({ days: 90, auditDays: 365 });
    const custom = createConfig({
      BOT_TOKEN: TOKEN,
      CHANNEL_ID: "@newsroom",
      BACKUP_CRON: "0 2 * * *",
      BACKUP_DIR: "copies",
      BACKUP_KEEP: "14",
      RETENTION_DAYS: "30",
      AUDIT_RETENTION_DAYS: "730",
    });
    expect(custom.backup).toEqual({ cron: "0 2 * * *", dir: resolve("copies"), keep: 14 });
    expect(custom.retention).toEqual({ days: 30, auditDays: 730 });
  });

  it("refuses backup and retention settings that would lose what is needed, naming the variable", () => {
    expect(
      problemsOf({ BOT_TOKEN: TOKEN, CHANNEL_ID: "-1001", BACKUP_CRON: "nightly", BACKUP_KEEP: "0", RETENTION_DAYS: "3", AUDIT_RETENTION_DAYS: "7" }).sort(),
    ).toEqual(
      [
        'BACKUP_CRON is not a valid cron expression (5 or 6 fields): "nightly"',
        'BACKUP_KEEP must be a whole number from 1 to 1000, got "0"',
        'RETENTION_DAYS must be a whole number from 7 to 36500, got "3"',
        'AUDIT_RETENTION_DAYS must be a whole number from 30 to 36500, got "7"',
      ].sort(),
    );
  });

  it("says what to do about a missing token and channel, one line each", () => {
    expect(problemsOf({})).toEqual([
      "BOT_TOKEN is missing: create a bot with @BotFather and put its token in .env",
      "CHANNEL_ID is missing: set it to the channel's numeric id (-100…) or its @username",
    ]);
  });

  it("treats an empty variable as not set", () => {
    expect(problemsOf({ BOT_TOKEN: "", CHANNEL_ID: "  " })).toHaveLength(2);
    expect(createConfig({ BOT_TOKEN: TOKEN, CHANNEL_ID: "-1001", PORT: "" }).port).toBe(3000);
  });

  it("lets the CLI run without Telegram settings", () => {
    expect(createConfig({}, "cli").botToken).toBeNull();
  });

  it("reports every invalid value together", () => {
    expect(
      problemsOf({
        BOT_TOKEN: "not-a-token",
        CHANNEL_ID: "newsroom",
        ADMIN_CHAT_ID: "-100abc",
        DATABASE_URL: "mysql://x",
        BOT_MODE: "push",
        PORT: "70000",
        TIMEZONE: "Mars/Base",
        INGEST_CRON: "every minute",
        LOG_LEVEL: "loud",
        ALLOW_PRIVATE_URLS: "intranet.local:8080,http://x",
        QUIET_HOURS: "23-7",
        EDITOR_IDS: "12,abc",
        TRUST_PROXY: "loopback,proxy.internal",
      }).sort(),
    ).toEqual([
      "BOT_TOKEN does not look like a bot token (<digits>:<characters>): copy it again from @BotFather",
      'CHANNEL_ID must be a numeric chat id (like -1001234567890) or an @username, got "newsroom"',
      'ADMIN_CHAT_ID must be a numeric chat id (like -1001234567890) or an @username, got "-100abc"',
      'EDITOR_IDS must be comma-separated numeric user ids, got "abc"',
      'TRUST_PROXY must be comma-separated proxy addresses or CIDR ranges (or loopback, private), got "proxy.internal"',
      "DATABASE_URL must start with file: (SQLite) or postgresql:// (PostgreSQL)",
      'BOT_MODE must be polling or webhook, got "push"',
      'TIMEZONE must be an IANA time zone such as Europe/London, got "Mars/Base"',
      'INGEST_CRON is not a valid cron expression (5 or 6 fields): "every minute"',
      'LOG_LEVEL must be one of fatal, error, warn, info, debug, trace, silent, got "loud"',
      'ALLOW_PRIVATE_URLS must be empty, true, or a comma-separated list of host[:port]; "http://x" is a URL: give its host[:port] only (x)',
      'QUIET_HOURS must look like 23:00-07:00, got "23-7"',
      'PORT must be a whole number from 1 to 65535, got "70000"',
    ].sort());
  });

  it("reads POST_SLOTS (then the outbox looks every minute), refuses bad times, and refuses it beside a POST_CRON of one's own", () => {
    const base = { BOT_TOKEN: TOKEN, CHANNEL_ID: "-1001" };
    expect(createConfig({ ...base, POST_SLOTS: "21:00, 07:30,12:00" })).toMatchObject({ postSlots: [450, 720, 1260], postCron: "* * * * *" });
    expect(createConfig(base)).toMatchObject({ postSlots: null, postCron: "* * * * *", channelDigestCron: null });
    // The default, and the default before adaptive polling (older .env files carry it), are not "a POST_CRON of one's own".
    expect(createConfig({ ...base, POST_SLOTS: "07:30", POST_CRON: "* * * * *" }).postSlots).toEqual([450]);
    expect(createConfig({ ...base, POST_SLOTS: "07:30", POST_CRON: "*/10 * * * *" }).postSlots).toEqual([450]);
    expect(problemsOf({ ...base, POST_SLOTS: "7am,12:00" })).toEqual(['POST_SLOTS must be times like 07:30,12:00,18:00 (24-hour, in TIMEZONE); "7am" is not one']);
    expect(problemsOf({ ...base, POST_SLOTS: "07:30", POST_CRON: "*/5 * * * *" })).toEqual([
      "POST_SLOTS and POST_CRON are both set: POST_SLOTS posts the best story at fixed times, POST_CRON on a schedule; remove one of them",
    ]);
    expect(createConfig({ ...base, CHANNEL_DIGEST_CRON: "0 20 * * *" }).channelDigestCron).toBe("0 20 * * *");
    expect(problemsOf({ ...base, CHANNEL_DIGEST_CRON: "daily" })).toEqual(['CHANNEL_DIGEST_CRON is not a valid cron expression (5 or 6 fields): "daily"']);
  });

  it("sends alerts as paid broadcasts only when ALLOW_PAID_BROADCAST says true", () => {
    const paid = (value?: string) =>
      createConfig({ BOT_TOKEN: TOKEN, CHANNEL_ID: "@newsroom", ...(value !== undefined ? { ALLOW_PAID_BROADCAST: value } : {}) }).allowPaidBroadcast;
    expect([paid(), paid("false"), paid("true"), paid("TRUE")]).toEqual([false, false, true, true]);
    expect(problemsOf({ BOT_TOKEN: TOKEN, CHANNEL_ID: "@newsroom", ALLOW_PAID_BROADCAST: "yes" })).toEqual([
      'ALLOW_PAID_BROADCAST must be true or false, got "yes"',
    ]);
  });

  it("names the variable for a number too long to be one", () => {
    expect(problemsOf({ BOT_TOKEN: TOKEN, CHANNEL_ID: "-1001", PORT: "9".repeat(400) })).toEqual([
      `PORT must be a whole number from 1 to 65535, got "${"9".repeat(400)}"`,
    ]);
  });

  it("needs a URL and a secret in webhook mode, and serves the webhook at the URL's path", () => {
    expect(problemsOf({ BOT_TOKEN: TOKEN, CHANNEL_ID: "-1001", BOT_MODE: "webhook" })).toEqual([
      "WEBHOOK_URL is missing: BOT_MODE=webhook needs the full public https URL Telegram calls",
      "WEBHOOK_SECRET is missing: BOT_MODE=webhook needs a secret token (16-256 of A-Z a-z 0-9 _ -)",
    ]);
    const config = createConfig({
      BOT_TOKEN: TOKEN,
      CHANNEL_ID: "-1001",
      BOT_MODE: "webhook",
      WEBHOOK_URL: "https://bot.example.com/telegram/hook",
      WEBHOOK_SECRET: "s3cret_value-of_20ch",
    });
    expect(config.webhook).toEqual({ url: "https://bot.example.com/telegram/hook", path: "/telegram/hook", secret: "s3cret_value-of_20ch" });
  });

  it("names the variable and the field of a cron expression that cannot mean what it says", () => {
    const cronProblems = (expression: string) => problemsOf({ BOT_TOKEN: TOKEN, CHANNEL_ID: "-1001", INGEST_CRON: expression });
    // node-cron itself accepts "*/61": it would run once an hour, not every 61 minutes.
    expect(cronProblems("*/61 * * * *")).toEqual(['INGEST_CRON: minute field "*/61" is out of range 0-59 (a step must be 1-59)']);
    expect(cronProblems("*/0 * * * *")).toEqual(['INGEST_CRON: minute field "*/0" is out of range 0-59 (a step must be 1-59)']);
    expect(cronProblems("0 */24 * * *")).toEqual(['INGEST_CRON: hour field "*/24" is out of range 0-23 (a step must be 1-23)']);
    expect(cronProblems("0 25 * * *")).toEqual(['INGEST_CRON: hour field "25" is out of range 0-23']);
    expect(cronProblems("61 * * * *")).toEqual(['INGEST_CRON: minute field "61" is out of range 0-59']);
    expect(cronProblems("0-61 * * * *")).toEqual(['INGEST_CRON: minute field "0-61" is out of range 0-59']);
    expect(cronProblems("* * 32 * *")).toEqual(['INGEST_CRON: day-of-month field "32" is out of range 1-31']);
    expect(cronProblems("* * * 13 *")).toEqual(['INGEST_CRON: month field "13" is out of range 1-12']);
    expect(cronProblems("* * * * 8")).toEqual(['INGEST_CRON: day-of-week field "8" is out of range 0-7']);
    expect(cronProblems("0 0 30 2 *")).toEqual(['INGEST_CRON: day-of-month field "30" never occurs in month "2"']);
    // With the optional seconds field first, every field is still named right.
    expect(cronProblems("61 */5 * * * *")).toEqual(['INGEST_CRON: second field "61" is out of range 0-59']);
    expect(cronProblems("*/90 0 25 * * *")).toEqual([
      'INGEST_CRON: second field "*/90" is out of range 0-59 (a step must be 1-59)',
      'INGEST_CRON: hour field "25" is out of range 0-23',
    ]);
    expect(cronProblems("* * * * * * *")).toEqual(['INGEST_CRON is not a valid cron expression (5 or 6 fields): "* * * * * * *"']);
  });

  it("accepts the cron forms node-cron runs as written", () => {
    for (const expression of ["*/59 * * * *", "*/30 * * * * *", "0 9-17/2 * * mon-fri", "0 0 L * *", "0 0 * * 7", "@hourly", "5-1 * * * *"]) {
      expect(createConfig({ BOT_TOKEN: TOKEN, CHANNEL_ID: "-1001", POST_CRON: expression }).postCron).toBe(expression);
    }
  });

  it("says what ALLOW_PRIVATE_URLS expects when given a yes/no word, a URL, a bad port or true among hosts", () => {
    const allowed = (value: string) => problemsOf({ BOT_TOKEN: TOKEN, CHANNEL_ID: "-1001", ALLOW_PRIVATE_URLS: value });
    const lead = "ALLOW_PRIVATE_URLS must be empty, true, or a comma-separated list of host[:port];";
    for (const word of ["yes", "no", "false", "1", "0", "on", "off"]) {
      expect(allowed(word)).toEqual([`${lead} "${word}" is not a host (write true to allow every private address)`]);
    }
    expect(allowed("true,intranet.local")).toEqual([`${lead} true allows every private address and cannot be mixed with hosts`]);
    expect(allowed("http://intranet:8080/feeds")).toEqual([`${lead} "http://intranet:8080/feeds" is a URL: give its host[:port] only (intranet:8080)`]);
    expect(allowed("intranet.local:70000")).toEqual([`${lead} "intranet.local:70000" has a port outside 1-65535`]);
    expect(allowed("intranet.local:0")).toEqual([`${lead} "intranet.local:0" has a port outside 1-65535`]);
    expect(allowed("intra_net, -bad.example")).toEqual([`${lead} "intra_net" is not a host[:port]`, `${lead} "-bad.example" is not a host[:port]`]);
    expect(allowed("10.0.0")).toEqual([`${lead} "10.0.0" is not a host[:port]`]);
  });

  it("takes true, host names, IPv4 and IPv6 addresses with or without ports in ALLOW_PRIVATE_URLS", () => {
    for (const value of ["true", "TRUE", "intranet.local:8080", "rss-bridge, 10.0.0.5:3000", "[fd00::1]:8080", "[::1]", "localhost"]) {
      expect(createConfig({ BOT_TOKEN: TOKEN, CHANNEL_ID: "-1001", ALLOW_PRIVATE_URLS: value }).allowPrivateUrls).toBe(value);
    }
  });

  it("wants a webhook secret of 16-256 characters Telegram accepts, without repeating it", () => {
    const webhook = (secret: string) =>
      problemsOf({ BOT_TOKEN: TOKEN, CHANNEL_ID: "-1001", BOT_MODE: "webhook", WEBHOOK_URL: "https://bot.example.com/hook", WEBHOOK_SECRET: secret });
    expect(webhook("short_secret")).toEqual(["WEBHOOK_SECRET must be 16-256 characters long, it has 12"]);
    expect(webhook("x".repeat(257))).toEqual(["WEBHOOK_SECRET must be 16-256 characters long, it has 257"]);
    expect(webhook("a secret with spaces!")).toEqual(["WEBHOOK_SECRET may only contain A-Z a-z 0-9 _ -"]);
    expect(webhook("Abc_def-0123456789")).toEqual([]);
  });

  it("logs readable lines on a terminal and JSON elsewhere, unless LOG_FORMAT says", () => {
    const env = { BOT_TOKEN: TOKEN, CHANNEL_ID: "-1001" };
    expect(createConfig(env, "bot", { isTty: true }).logFormat).toBe("pretty");
    expect(createConfig(env, "bot", { isTty: false }).logFormat).toBe("json");
    expect(createConfig({ ...env, LOG_FORMAT: "json" }, "bot", { isTty: true }).logFormat).toBe("json");
    expect(createConfig({ ...env, LOG_FORMAT: "pretty" }, "bot", { isTty: false }).logFormat).toBe("pretty");
    expect(problemsOf({ ...env, LOG_FORMAT: "text" })).toEqual(['LOG_FORMAT must be pretty or json, got "text"']);
  });

  it("takes a bearer token for /metrics and refuses one that is short or not a token", () => {
    const env = { BOT_TOKEN: TOKEN, CHANNEL_ID: "-1001" };
    expect(createConfig({ ...env, METRICS_TOKEN: "scrape.Token-0123456789~+/==" }).metricsToken).toBe("scrape.Token-0123456789~+/==");
    expect(problemsOf({ ...env, METRICS_TOKEN: "letmein" })).toEqual(["METRICS_TOKEN must be 16-256 characters long, it has 7"]);
    expect(problemsOf({ ...env, METRICS_TOKEN: "a token with spaces in it" })).toEqual([
      "METRICS_TOKEN may only contain A-Z a-z 0-9 - . _ ~ + / (then = padding)",
    ]);
  });

  it("accepts node-cron's optional seconds field and PostgreSQL URLs", () => {
    const config = createConfig({
      BOT_TOKEN: TOKEN,
      CHANNEL_ID: "-1001",
      POST_CRON: "*/30 * * * * *",
      DATABASE_URL: "postgresql://newsdesk@db:5432/newsdesk",
    });
    expect(config.postCron).toBe("*/30 * * * * *");
    expect(config.database.provider).toBe("postgresql");
  });

  it("shows readers every topic unless TOPICS_OPEN is false, and says what it takes otherwise", () => {
    const env = { BOT_TOKEN: TOKEN, CHANNEL_ID: "-1001" };
    expect(createConfig(env).topicsOpen).toBe(true);
    expect(createConfig({ ...env, TOPICS_OPEN: "true" }).topicsOpen).toBe(true);
    expect(createConfig({ ...env, TOPICS_OPEN: "False" }).topicsOpen).toBe(false);
    expect(problemsOf({ ...env, TOPICS_OPEN: "no" })).toEqual(['TOPICS_OPEN must be true or false, got "no"']);
  });

  it("writes the admin chat's notices in English unless ADMIN_LANGUAGE says ru, and names what it takes", () => {
    const env = { BOT_TOKEN: TOKEN, CHANNEL_ID: "-1001" };
    expect(createConfig(env).adminLanguage).toBe("en");
    expect(createConfig({ ...env, ADMIN_LANGUAGE: "ru" }).adminLanguage).toBe("ru");
    expect(problemsOf({ ...env, ADMIN_LANGUAGE: "de" })).toEqual(['ADMIN_LANGUAGE must be one of en, ru, got "de"']);
  });

  it("posts photos, silently, marking breaking news with 🔴, in the default layout unless told otherwise", () => {
    const env = { BOT_TOKEN: TOKEN, CHANNEL_ID: "-1001" };
    expect(createConfig(env).posts).toEqual({ media: "photo", silent: true, breakingMarker: "🔴", template: null });
    const own = createConfig({ ...env, POST_MEDIA: "text", SILENT_POSTS: "FALSE", BREAKING_MARKER: "⚡", POST_TEMPLATE: "<b>{headline}</b>\\n{link}" }).posts;
    expect(own).toEqual({
      media: "text",
      silent: false,
      breakingMarker: "⚡",
      template: { parts: [{ text: "<b>" }, { placeholder: "headline" }, { text: "</b>\n" }, { placeholder: "link" }] },
    });
    expect(problemsOf({ ...env, POST_MEDIA: "video", SILENT_POSTS: "maybe" })).toEqual([
      'POST_MEDIA must be one of photo, preview, text, got "video"',
      'SILENT_POSTS must be true or false, got "maybe"',
    ]);
  });

  it("refuses a POST_TEMPLATE with an unknown placeholder or markup Telegram would refuse, one line naming it", () => {
    const env = { BOT_TOKEN: TOKEN, CHANNEL_ID: "-1001" };
    expect(problemsOf({ ...env, POST_TEMPLATE: "<b>{title}</b> {link}" })).toEqual([
      "POST_TEMPLATE has an unknown placeholder {title}: use {headline}, {summary}, {link}, {source}, {hashtags}, {marker}",
    ]);
    expect(problemsOf({ ...env, POST_TEMPLATE: "<b>{headline} {link}" })).toEqual(["POST_TEMPLATE leaves <b> open"]);
    expect(problemsOf({ ...env, POST_TEMPLATE: '<div>{headline}</div> <a href="{link}">more</a>' })).toEqual([
      "POST_TEMPLATE uses <div>, which Telegram does not support (use b, i, u, s, a, code, pre, blockquote, tg-spoiler)",
    ]);
  });

  it("reads the reverse proxies to trust as a list", () => {
    expect(createConfig({ BOT_TOKEN: TOKEN, CHANNEL_ID: "-1001", TRUST_PROXY: "loopback, 10.0.0.0/8" }).trustProxy).toEqual(["loopback", "10.0.0.0/8"]);
  });
});

describe("the documented configuration", () => {
  const read = (file: string) => readFileSync(fileURLToPath(new URL(`../${file}`, import.meta.url)), "utf8");

  it(".env.example sets every variable Newsdesk reads, and nothing else", () => {
    const listed = [...read(".env.example").matchAll(/^([A-Z][A-Z0-9_]*)=/gm)].map((m) => m[1]);
    expect(listed.sort()).toEqual([...CONFIG_VARIABLES].sort());
  });

  it("the README's configuration table names every variable", () => {
    const table = read("README.md").split("## Configuration")[1]!.split("\n## ")[0]!;
    const named = new Set([...table.matchAll(/`([A-Z][A-Z0-9_]+)`/g)].map((m) => m[1]));
    expect(CONFIG_VARIABLES.filter((name) => !named.has(name))).toEqual([]);
  });
});

/** Runs `npm start`'s entry point in an empty directory with only `env`; its exit code and output. */
async function startWith(env: Record<string, string>): Promise<{ code: number; stderr: string; stdout: string } | null> {
  const run = promisify(execFile);
  // An empty working directory: a developer's own .env (with a real token) must never be read here.
  const cwd = mkdtempSync(join(tmpdir(), "newsdesk-start-"));
  const tsx = fileURLToPath(new URL("../node_modules/tsx/dist/loader.mjs", import.meta.url));
  const main = fileURLToPath(new URL("../src/main.ts", import.meta.url));
  return run(process.execPath, ["--import", tsx, main], { env: { PATH: process.env.PATH ?? "", HOME: process.env.HOME ?? "", ...env }, cwd, timeout: 50_000 })
    .then(
      () => null,
      (e: unknown) => e as { code: number; stderr: string; stdout: string },
    )
    .finally(() => rmSync(cwd, { recursive: true, force: true }));
}

describe("npm start with a POST_TEMPLATE Telegram would refuse", () => {
  it("stops with exit code 1 and one line naming POST_TEMPLATE", { timeout: 60_000 }, async () => {
    const error = await startWith({ BOT_TOKEN: TOKEN, CHANNEL_ID: "-1001", POST_TEMPLATE: "{headline} {url}" });
    expect(error?.code).toBe(1);
    expect(error?.stderr).toBe("POST_TEMPLATE has an unknown placeholder {url}: use {headline}, {summary}, {link}, {source}, {hashtags}, {marker}\n");
    expect(error?.stdout).toBe("");
  });
});

describe("npm start without a token", () => {
  it("stops with exit code 1 and the line saying how to get one", { timeout: 60_000 }, async () => {
    const error = await startWith({});
    expect(error?.code).toBe(1);
    expect(error?.stderr).toBe(
      "BOT_TOKEN is missing: create a bot with @BotFather and put its token in .env\n" +
        "CHANNEL_ID is missing: set it to the channel's numeric id (-100…) or its @username\n",
    );
    expect(error?.stdout).toBe("");
  });
});
