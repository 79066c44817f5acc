/**
 * Alert throughput: 10,000 readers follow one topic; one channel post fans out to
 * 10,000 instant alerts, which the sender drains through the send budget against a
 * fake Bot API that enforces Telegram's limits the way a strict server would
 * (bench/lib/limited-bot-api.ts): a 429 with retry_after when more than the limit
 * arrived in the last second overall, or a chat got two messages closer than its interval.
 *
 * Time is scaled (×5 by default, --scale) so a run is short: at ×5 the fake allows
 * 150 msg/s overall and 5/s per chat, and the budget and sender are configured the same
 * way (perSecond 150, perChatIntervalMs 200, claims of one second's worth, at most 500 at a
 * time, sent marks written per 125). retry_after is whole seconds, so a 429 costs a full second
 * (5 s in Telegram time). The fake is a real HTTP server on 127.0.0.1 (not msw) in its
 * own thread, so grammY's real client, keep-alive and JSON handling are measured;
 * the machine's load average is printed because the rate is CPU-bound on a busy box: the
 * budget counts each message from the fake's answer, so a thread the machine kept waiting
 * costs rate, not a 429.
 * `--paid` measures ALLOW_PAID_BROADCAST: 1,000 alerts a second (not scaled).
 *
 *   npx tsx bench/alerts.ts [--providers sqlite,postgresql] [--readers 10000] [--scale 5] [--paid]
 */
import { loadavg } from "node:os";

import { Api } from "grammy";

import { createAlertsRepository } from "../src/db/alerts.js";
import type { Database } from "../src/db/client.js";
import { Prisma } from "../src/generated/sqlite/client.js";
import { createSettingsRepository } from "../src/db/settings.js";
import type { Provider } from "../src/db/schema-files.js";
import { createLogger } from "../src/logger.js";
import { fanOutNewPosts } from "../src/publish/alerts/fan-out-alerts.js";
import { sendDueAlerts } from "../src/publish/alerts/send-due-alerts.js";
import { createSendBudget } from "../src/publish/send-budget.js";
import { createTranslations } from "../src/i18n/create-i18n.js";
import { createTestDatabase } from "../test/support/database.js";
import { startLimitedBotApi } from "./lib/limited-bot-api.js";
import { useBenchPostgres } from "./lib/use-bench-postgres.js";

const TOKEN = "123456789:AAbench_token_for_newsdesk_alerts_01";

function arg(name: string, fallback: string): string {
  const prefix = `--${name}=`;
  const inline = process.argv.find((a) => a.startsWith(prefix));
  if (inline) return inline.slice(prefix.length);
  const index = process.argv.indexOf(`--${name}`);
  return index >= 0 ? (process.argv[index + 1] ?? fallback) : fallback;
}

const providers = arg("providers", "sqlite,postgresql").split(",") as Provider[];
const readers = Number(arg("readers", "10000"));
const scale = Number(arg("scale", "5"));
/** ALLOW_PAID_BROADCAST: alerts carry allow_paid_broadcast and Telegram takes 1,000 a second (not scaled). */
const paid = process.argv.includes("--paid");
const perSecond = paid ? 1000 : 30 * scale;
const perChatMs = 1000 / scale;

/** 10,000 readers following one topic, and one sent channel post; bulk raw SQL (createMany costs ~4 ms a row here). */
async function seed(db: Database, count: number): Promise<void> {
  const prisma = db.prisma;
  const topic = await prisma.topic.create({ data: { slug: "economy", name: "Economy" } });
  const now = new Date();
  for (let start = 0; start < count; start += 500) {
    const rows = Array.from({ length: Math.min(500, count - start) }, (_, i) => {
      const telegramId = BigInt(1_000_000 + start + i);
      return Prisma.sql`(${telegramId}, ${telegramId}, 'Reader', 'instant', 'active', ${now})`;
    });
    await prisma.$executeRaw`INSERT INTO "Subscriber" ("telegramId", "chatId", "firstName", "alertMode", "status", "updatedAt") VALUES ${Prisma.join(rows)}`;
  }
  await prisma.$executeRaw`INSERT INTO "Subscription" ("subscriberId", "topicId") SELECT "id", ${topic.id} FROM "Subscriber"`;
  const article = await prisma.article.create({
    data: {
      url: "https://news.example.com/rates",
      headline: "Central bank holds rates at 5% for a third month",
      summary: "The central bank kept its main rate unchanged, citing sticky services inflation and a cooling labour market.",
      topics: { create: [{ topicId: topic.id }] },
    },
  });
  await prisma.channelPost.create({ data: { articleId: article.id, status: "sent", sentAt: now, chatId: "-1001", telegramMessageId: 1n } });
}

async function run(provider: Provider) {
  const database = await createTestDatabase(provider);
  const db = await database.open();
  const fake = await startLimitedBotApi({ perSecond, perChatMs });
  try {
    let started = performance.now();
    await seed(db, readers);
    const seedMs = performance.now() - started;

    const logger = createLogger({ level: "silent" });
    const alerts = createAlertsRepository(db.prisma);
    started = performance.now();
    const fanOut = await fanOutNewPosts({
      alerts,
      settings: createSettingsRepository(db.prisma),
      logger,
      now: () => new Date(),
      publicUrl: null,
      translator: createTranslations().translator,
    });
    const fanOutMs = performance.now() - started;

    const api = new Api(TOKEN, { apiRoot: `http://127.0.0.1:${fake.port}` });
    const budget = createSendBudget({
      perSecond: paid ? 30 * scale : perSecond,
      paidAlertsPerSecond: paid ? perSecond : null,
      perChatIntervalMs: perChatMs,
      perGroupIntervalMs: perChatMs * 3,
    });
    const deps = { alerts, api, budget, logger, instanceId: "bench", now: () => new Date(), paidBroadcast: paid };
    started = performance.now();
    let sent = 0;
    let floods = 0;
    let runs = 0;
    // As the job would: run after run until the queue is empty (a 429 ends a run; its alert waits retry_after).
    while (sent < fanOut.queued && runs < 1000) {
      const report = await sendDueAlerts(deps, { batchSize: perSecond, markBatch: 25 * scale, maxRunMs: 120_000 });
      sent += report.sent;
      floods += report.floodWaits;
      runs++;
      if (report.sent === 0) await new Promise((resolve) => setTimeout(resolve, 100));
    }
    const drainMs = performance.now() - started;
    const stats = await fake.stats();
    const serverSpanMs = stats.times.at(-1)! - stats.times[0]!;
    const rate = stats.accepted / (serverSpanMs / 1000);
    const leftover = await db.prisma.alertDelivery.count({ where: { status: { not: "sent" } } });
    // The steadiest 5 seconds: what the sender sustains when the machine lets it.
    let best = 0;
    for (let i = 0, j = 0; i < stats.times.length; i++) {
      while (stats.times[i]! - stats.times[j]! >= 5000) j++;
      best = Math.max(best, i - j + 1);
    }
    const paidFlag = stats.firstPayload?.allow_paid_broadcast === true;
    return { provider, seedMs, fanOutMs, queued: fanOut.queued, sent, floods, serverFloods: stats.floods, drainMs, rate, leftover, best5s: best / 5, paidFlag };
  } finally {
    await fake.close();
    await db.close();
    await database.drop();
  }
}

console.log(`load average ${loadavg().map((l) => l.toFixed(1)).join(" ")} on this machine`);
console.log(
  `alerts bench: ${readers} readers, limits ×${scale}: ${perSecond} msg/s overall${paid ? " (paid broadcast)" : ""}, 1 per ${perChatMs} ms per chat (budget configured the same)`,
);
const lines: string[] = [];
const postgres = await useBenchPostgres(providers);
try {
  for (const provider of providers) {
    const r = await run(provider);
    console.log(
      `${r.provider}: seed ${(r.seedMs / 1000).toFixed(1)} s, fan-out ${r.queued} alerts in ${(r.fanOutMs / 1000).toFixed(2)} s, ` +
        `drained ${r.sent} in ${(r.drainMs / 1000).toFixed(1)} s, not sent ${r.leftover}, 429s ${r.floods}, ` +
        `best 5 s ${r.best5s.toFixed(1)} msg/s, allow_paid_broadcast ${r.paidFlag}, load average ${loadavg()[0]!.toFixed(1)}`,
    );
    lines.push(
      `${r.provider} ${r.rate.toFixed(1)} msg/s (${((r.rate / perSecond) * 100).toFixed(1)}% of ${perSecond}; best 5 s ${((r.best5s / perSecond) * 100).toFixed(0)}%), ` +
        `429s ${r.serverFloods.overall + r.serverFloods.perChat} (${r.serverFloods.overall} over the overall limit, ${r.serverFloods.perChat} per chat)`,
    );
  }
} finally {
  await postgres.stop();
}
console.log(`alerts: ${lines.join("; ")}`);
