/**
 * Database size after a simulated 90 days of a newsroom storing 200 stories a day,
 * before and after the nightly retention run, on SQLite (the file plus its WAL) and
 * PostgreSQL (pg_database_size). Also how long a consistent SQLite backup of it takes.
 *
 * Every day: 200 articles with bodies of 3–6 KB of prose, 1–2 topics each, 5% with a
 * second URL; 60 of them posted to the channel; each post alerts 25 readers; 300 readers
 * get a digest; editors leave 30 audit entries. Plus editors' sessions and job leases,
 * some long idle. Retention runs at the end of day 90, first with the default
 * RETENTION_DAYS=90 (nothing is that old yet: this is the size a newsroom carries from
 * then on, growing only by bodiless stories), then with RETENTION_DAYS=30.
 *
 *   npx tsx bench/retention.ts [--providers sqlite,postgresql] [--days 90] [--stories 200]
 */
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";

import { createConfig } from "../src/config.js";
import type { Database } from "../src/db/client.js";
import type { Provider } from "../src/db/schema-files.js";
import { backupSqliteFile } from "../src/db/sqlite-backup.js";
import { sqliteDiskBytes } from "../src/db/sqlite-space.js";
import { createLogger } from "../src/logger.js";
import { retentionDepsFor } from "../src/app/operations-jobs.js";
import { applyRetention } from "../src/ops/apply-retention.js";
import type { RetentionReport } from "../src/ops/retention-policy.js";
import { createServices, type Services } from "../src/app/create-services.js";
import { createTestDatabase } from "../test/support/database.js";
import { insertRows, prng, type Value } from "./lib/bulk-insert.js";

function arg(name: string, fallback: string): string {
  const index = process.argv.indexOf(`--${name}`);
  return index >= 0 ? (process.argv[index + 1] ?? fallback) : fallback;
}

const providers = arg("providers", "sqlite,postgresql").split(",") as Provider[];
const DAYS = Number(arg("days", "90"));
const STORIES_PER_DAY = Number(arg("stories", "200"));
const POSTS_PER_DAY = 60;
const ALERTS_PER_POST = 25;
const DIGESTS_PER_DAY = 300;
const AUDIT_PER_DAY = 30;
const READERS = 3_000;
const TOPICS = ["world", "asia", "europe", "politics", "business", "markets", "technology", "science", "health", "climate", "sport", "culture"];
const DAY_MS = 24 * 60 * 60_000;
const NOW = new Date();
const START = NOW.getTime() - DAYS * DAY_MS;

const WORDS = (
  "the of and to in a that for on with as was at by said from his her their it has have had been were will would " +
  "council budget river bridge school hospital election court minister storm harbour factory museum festival " +
  "railway airport tariff vaccine drought flood wildfire strike union merger bank market shares pension housing " +
  "rent energy grid solar wind nuclear climate summit treaty border ceasefire refugee police trial verdict jury " +
  "senate parliament mayor governor province village coast mountain forest desert island satellite rocket launch " +
  "telescope discovery fossil species whale orchard harvest wheat coffee cocoa copper lithium battery chip robot " +
  "startup layoffs profit inflation rates currency export import shipping port canal pipeline refinery reactor " +
  "officials residents spokesman statement report figures percent million billion week month year Tuesday Friday"
).split(" ");

// Reset for each provider, so both load the same data.
let random = prng(90);
const pick = <T>(list: readonly T[]): T => list[Math.floor(random() * list.length)]!;
const between = (min: number, max: number) => min + Math.floor(random() * (max - min + 1));

function sentence(): string {
  const words = Array.from({ length: between(12, 28) }, () => pick(WORDS));
  const text = words.join(" ");
  return `${text[0]!.toUpperCase()}${text.slice(1)}.`;
}

/** Paragraphs of prose until `bytes` long. */
function prose(bytes: number): string {
  const parts: string[] = [];
  let length = 0;
  while (length < bytes) {
    const paragraph = Array.from({ length: between(2, 5) }, sentence).join(" ");
    parts.push(paragraph);
    length += paragraph.length + 2;
  }
  return parts.join("\n\n").slice(0, bytes);
}

const dayKey = (time: number) => new Date(time).toISOString().slice(0, 10);

/** 90 days of a newsroom, loaded day by day. */
async function seed(db: Database): Promise<void> {
  random = prng(90);
  const p = db.prisma;
  await insertRows(db, "Topic", TOPICS.map((slug) => ({ slug, name: slug })));
  const topicIds = (await p.topic.findMany({ select: { id: true }, orderBy: { id: "asc" } })).map((t) => t.id);
  await insertRows(
    db,
    "Subscriber",
    Array.from({ length: READERS }, (_, i) => ({ telegramId: 7_000_000 + i, chatId: 7_000_000 + i, firstName: `Reader ${i}`, updatedAt: NOW })),
  );
  const firstReader = (await p.subscriber.findFirstOrThrow({ orderBy: { id: "asc" }, select: { id: true } })).id;

  let story = 0;
  let post = 0;
  for (let day = 0; day < DAYS; day++) {
    const dayStart = START + day * DAY_MS;
    const times = Array.from({ length: STORIES_PER_DAY }, () => dayStart + Math.floor(random() * DAY_MS)).sort((a, b) => a - b);
    const articles = times.map((time) => {
      const headline = `${sentence().slice(0, between(50, 90))} ${++story}`;
      const at = new Date(time);
      return {
        url: `https://news.example.com/${dayKey(time)}/story-${story}`,
        headline,
        headlineKey: headline.toLowerCase().split(" ").slice(0, 8).sort().join(" "),
        summary: `${sentence()} ${sentence()}`.slice(0, 400),
        body: prose(between(3_000, 6_000)),
        imageUrl: `https://cdn.news.example.com/images/${story}.jpg`,
        publishedAt: at,
        sortAt: at,
        createdAt: at,
        updatedAt: at,
      };
    });
    await insertRows(db, "Article", articles, 100);
    const ids = (
      await p.article.findMany({ where: { url: { in: articles.map((a) => a.url) } }, select: { id: true, url: true }, orderBy: { id: "asc" } })
    ).map((a) => a.id);

    const links: Record<string, Value>[] = [];
    const aliases: Record<string, Value>[] = [];
    ids.forEach((articleId, i) => {
      const first = pick(topicIds);
      links.push({ articleId, topicId: first });
      const second = pick(topicIds);
      if (random() < 0.5 && second !== first) links.push({ articleId, topicId: second });
      if (random() < 0.05) aliases.push({ url: `https://amp.news.example.com/story-${articleId}`, articleId, createdAt: new Date(times[i]!) });
    });
    await insertRows(db, "ArticleTopic", links);
    if (aliases.length > 0) await insertRows(db, "ArticleAlias", aliases);

    // POSTS_PER_DAY of the day's stories, spread over the day.
    const posted = ids.filter((_, i) => (i * POSTS_PER_DAY) % STORIES_PER_DAY < POSTS_PER_DAY);
    const posts = posted.map((articleId) => {
      const sentAt = new Date(times[ids.indexOf(articleId)]! + 10 * 60_000);
      return { articleId, status: "sent", chatId: "-1001111111111", telegramMessageId: ++post, sentAt, createdAt: sentAt, updatedAt: sentAt };
    });
    await insertRows(db, "ChannelPost", posts);
    const postRows = await p.channelPost.findMany({ where: { articleId: { in: posted } }, select: { id: true, sentAt: true }, orderBy: { id: "asc" } });

    const alerts: Record<string, Value>[] = [];
    for (const row of postRows) {
      const readers = new Set<number>();
      while (readers.size < ALERTS_PER_POST) readers.add(firstReader + Math.floor(random() * READERS));
      for (const subscriberId of readers) {
        alerts.push({ subscriberId, postId: row.id, kind: "instant", text: `<b>${sentence()}</b>\n\n${sentence()} ${sentence()}`, status: "sent", attempts: 1, sentAt: row.sentAt, createdAt: row.sentAt });
      }
    }
    const digestAt = new Date(dayStart + 8 * 60 * 60_000);
    for (let i = 0; i < DIGESTS_PER_DAY; i++) {
      const text = Array.from({ length: 12 }, () => `• <a href="https://news.example.com/r/${between(1, post)}">${sentence().slice(0, 90)}</a>`).join("\n");
      alerts.push({ subscriberId: firstReader + i, postId: null, kind: "digest", digestKey: dayKey(dayStart), text, status: "sent", attempts: 1, sentAt: digestAt, createdAt: digestAt });
    }
    await insertRows(db, "AlertDelivery", alerts, 500);

    await insertRows(
      db,
      "AuditLog",
      Array.from({ length: AUDIT_PER_DAY }, () => {
        const at = new Date(dayStart + Math.floor(random() * DAY_MS));
        return {
          actorId: 1000 + between(1, 8),
          actorName: "Editor",
          action: pick(["queue", "edit", "reschedule", "cancel", "pause", "resume"]),
          subject: `post #${between(1, post)}`,
          before: JSON.stringify({ headline: sentence(), scheduledAt: at.toISOString() }),
          after: JSON.stringify({ headline: sentence(), scheduledAt: at.toISOString() }),
          createdAt: at,
        };
      }),
    );
  }

  // Editors' conversation sessions (most long finished) and leases left by restarts.
  await insertRows(
    db,
    "Session",
    Array.from({ length: 40 }, (_, i) => ({ key: `conversation:${-1002000000000 - i}`, value: JSON.stringify({ draft: prose(1_500) }), updatedAt: new Date(NOW.getTime() - i * 3 * 60 * 60_000) })),
  );
  await insertRows(
    db,
    "JobLease",
    ["ingest", "publish", "outbox-watchdog", "alerts-fanout", "alerts-digest", "alerts-send", "retention", "backup"].map((name, i) => ({
      name,
      owner: `crashed-${i}`,
      leaseUntil: new Date(NOW.getTime() - i * 20 * 60 * 60_000),
      updatedAt: NOW,
    })),
  );
}

async function databaseBytes(db: Database, services: Services): Promise<number> {
  const target = services.config.database;
  if (target.provider === "sqlite") return sqliteDiskBytes(target.filePath);
  const rows = await db.prisma.$queryRawUnsafe<{ size: bigint | number }[]>("SELECT pg_database_size(current_database()) AS size");
  return Number(rows[0]?.size ?? 0);
}

const mb = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(1)} MB`;

function removed(report: RetentionReport): string {
  return (
    `emptied ${report.articleBodies} bodies; deleted ${report.alerts} alerts, ${report.sessions} sessions, ` +
    `${report.leases} leases, ${report.auditEntries} audit entries`
  );
}

async function run(provider: Provider): Promise<string> {
  const database = await createTestDatabase(provider);
  const db = await database.open();
  const config = createConfig({ DATABASE_URL: database.url, LOG_LEVEL: "silent" }, "cli");
  const services = createServices({ config, logger: createLogger({ level: "silent" }), db, now: () => NOW });
  try {
    const seeding = performance.now();
    await seed(db);
    const label = provider === "sqlite" ? "file + WAL" : "pg_database_size";
    console.log(`${provider}: loaded in ${((performance.now() - seeding) / 1000).toFixed(1)} s`);
    // Measured at rest, as after the bot's own checkpoints, so that the WAL of the bulk load is not counted as saved.
    if (provider === "sqlite") await db.prisma.$queryRawUnsafe("PRAGMA wal_checkpoint(TRUNCATE)");
    const full = await databaseBytes(db, services);
    console.log(`  after ${DAYS} days, before retention: ${mb(full)} (${label})`);

    if (config.database.provider === "sqlite") {
      const folder = mkdtempSync(join(tmpdir(), "newsdesk-bench-backup-"));
      try {
        const started = performance.now();
        const bytes = await backupSqliteFile(config.database.filePath, join(folder, "copy.db"));
        console.log(`  db backup of it: ${mb(bytes)} in ${((performance.now() - started) / 1000).toFixed(2)} s`);
      } finally {
        rmSync(folder, { recursive: true, force: true });
      }
    }

    const sizes: string[] = [];
    for (const days of [90, 30]) {
      const started = performance.now();
      const report = await applyRetention(retentionDepsFor(services, { days, auditDays: 365 }));
      const seconds = (performance.now() - started) / 1000;
      const size = await databaseBytes(db, services);
      sizes.push(`${mb(size)} with RETENTION_DAYS=${days}`);
      console.log(`  after retention with RETENTION_DAYS=${days}${days === 90 ? " (default)" : ""}: ${mb(size)} in ${seconds.toFixed(1)} s — ${removed(report)}`);
    }
    if (provider === "postgresql") {
      // What autovacuum does on its own: the space becomes reusable, the files keep their size.
      await db.prisma.$executeRawUnsafe("VACUUM");
      console.log(`  after a plain VACUUM (what autovacuum does): ${mb(await databaseBytes(db, services))}`);
      // What the data really takes; Newsdesk never runs it, as it locks each table while rewriting it.
      await db.prisma.$executeRawUnsafe("VACUUM FULL");
      console.log(`  after VACUUM FULL (locks each table while it runs; not done by Newsdesk): ${mb(await databaseBytes(db, services))}`);
    }
    return `${provider} ${mb(full)} after ${DAYS} days, ${sizes.join(", ")}`;
  } finally {
    await db.close();
    await database.drop();
  }
}

console.log(
  `retention bench: ${DAYS} days × ${STORIES_PER_DAY} stories/day (bodies 3–6 KB), ${POSTS_PER_DAY} posts/day, ` +
    `${ALERTS_PER_POST} alerts per post, ${DIGESTS_PER_DAY} digests/day, ${AUDIT_PER_DAY} audit entries/day, ${READERS} readers`,
);
const lines: string[] = [];
for (const provider of providers) lines.push(await run(provider));
console.log(`retention: ${lines.join("; ")}`);
