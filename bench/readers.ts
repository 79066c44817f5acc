// Readers' benchmark: how many /latest, /latest <topic>, /popular and /search a single Node
// process answers per second, and their p50 and p99, with 100,000 articles, 20,000 channel
// posts and 50,000 readers, on SQLite and PostgreSQL. Prints numbers and asserts nothing.
//
// What is timed: the whole handler path through `bot.handleUpdate` (grammY middleware,
// conversations' session read, the database queries, formatting). Telegram is replaced
// by an in-process API transformer that answers at once, so no HTTP (not even msw) is in
// the measurement. Updates are handled one after another (one core for Node; PostgreSQL
// runs in its own server process). The CPU time this process spent per update is printed too:
// on a busy machine it says more than the rate. Set BENCH_PROVIDERS=sqlite to run one provider,
// BENCH_MS for the time per command, BENCH_COMMANDS (comma-separated) to time only some, and BENCH_CPU_PROFILE=<dir> to write a CPU profile
// of the timed part only (no seeding), one file per provider (`.cpuprofile`, for DevTools).
import { mkdirSync, writeFileSync } from "node:fs";
import { Session } from "node:inspector/promises";
import { join } from "node:path";

import type { Update } from "grammy/types";

import { createApp, type App } from "../src/app/create-app.js";
import type { Database } from "../src/db/client.js";
import type { Provider } from "../src/db/schema-files.js";
import { createLogger } from "../src/logger.js";
import { CHANNEL_ID, testConfig } from "../test/support/config.js";
import { createTestDatabase } from "../test/support/database.js";
import { BOT_INFO } from "../test/support/telegram.js";
import { useBenchPostgres } from "./lib/use-bench-postgres.js";
import { insertRows, prng, type Value } from "./lib/bulk-insert.js";

const ARTICLES = 100_000;
const POST_EVERY = 5; // one article in five reached the channel: 20,000 posts
const READERS = 50_000;
const TOPICS_PER_READER = 3;
const TOPIC_SLUGS = [
  "africa", "asia", "europe", "americas", "middle-east", "politics", "business", "markets", "technology", "science",
  "health", "climate", "sport", "football", "culture", "film", "music", "books", "education", "crime",
  "courts", "transport", "energy", "housing", "weather", "travel", "food", "opinion", "obituaries", "local",
];
const WORDS = "election budget storm court vote market rally strike flood council minister plan rates housing school hospital team final record crisis talks deal report warning".split(" ");
const MEASURE_MS = Number(process.env.BENCH_MS ?? 3_000);
const NOW = new Date();
const YEAR_MS = 365 * 24 * 3_600_000;

async function seed(db: Database): Promise<void> {
  const p = db.prisma;
  const random = prng(42);
  const pick = <T>(list: readonly T[]): T => list[Math.floor(random() * list.length)]!;
  await insertRows(db, "Topic", TOPIC_SLUGS.map((slug) => ({ slug, name: slug })));
  const topicIds = (await p.topic.findMany({ select: { id: true }, orderBy: { id: "asc" } })).map((t) => t.id);

  const articles = Array.from({ length: ARTICLES }, (_, i) => {
    const sortAt = new Date(NOW.getTime() - (i * YEAR_MS) / ARTICLES);
    const headline = `${pick(WORDS)} ${pick(WORDS)} ${pick(WORDS)} ${pick(WORDS)} #${i}`;
    return {
      url: `https://news.example.com/2026/story-${i}`,
      headline: headline[0]!.toUpperCase() + headline.slice(1),
      summary: Array.from({ length: 30 }, () => pick(WORDS)).join(" ") + ".",
      sortAt,
      publishedAt: sortAt,
      autoPost: false,
      source: "feed",
      updatedAt: NOW,
    };
  });
  await insertRows(db, "Article", articles);
  const firstId = (await p.article.findFirstOrThrow({ orderBy: { id: "asc" }, select: { id: true } })).id;

  const links: { articleId: number; topicId: number }[] = [];
  for (let i = 0; i < ARTICLES; i++) {
    const first = pick(topicIds);
    links.push({ articleId: firstId + i, topicId: first });
    const second = pick(topicIds);
    if (random() < 0.5 && second !== first) links.push({ articleId: firstId + i, topicId: second });
  }
  await insertRows(db, "ArticleTopic", links);

  const posts: Record<string, Value>[] = [];
  for (let i = 0; i < ARTICLES; i += POST_EVERY) {
    const engaged = random() < 0.7;
    posts.push({
      articleId: firstId + i,
      status: "sent",
      chatId: String(CHANNEL_ID),
      telegramMessageId: posts.length + 1,
      sentAt: new Date(articles[i]!.sortAt.getTime() + 600_000),
      reactionCount: engaged ? Math.floor(random() * 50) : 0,
      clickCount: engaged ? Math.floor(random() * 200) : 0,
      updatedAt: NOW,
    });
  }
  await insertRows(db, "ChannelPost", posts);

  const readers = Array.from({ length: READERS }, (_, i) => ({
    telegramId: 5_000_000 + i,
    chatId: 5_000_000 + i,
    firstName: `Reader ${i}`,
    alertMode: pick(["instant", "digest", "off"]),
    digestHour: Math.floor(random() * 24),
    updatedAt: NOW,
  }));
  await insertRows(db, "Subscriber", readers);
  const firstReader = (await p.subscriber.findFirstOrThrow({ orderBy: { id: "asc" }, select: { id: true } })).id;
  const subscriptions: { subscriberId: number; topicId: number }[] = [];
  for (let i = 0; i < READERS; i++) {
    const chosen = new Set<number>();
    while (chosen.size < TOPICS_PER_READER) chosen.add(pick(topicIds));
    for (const topicId of chosen) subscriptions.push({ subscriberId: firstReader + i, topicId });
  }
  await insertRows(db, "Subscription", subscriptions);
  // PostgreSQL's autovacuum gathers planner statistics after a bulk load; SQLite never does unless
  // someone runs ANALYZE, so SQLite is measured without them, as it runs in production.
  if (db.provider === "postgresql") await p.$executeRawUnsafe("ANALYZE");
}

/** The commands timed, each on its own for BENCH_MS. */
const COMMANDS = process.env.BENCH_COMMANDS?.split(",") ?? ["/latest", "/latest politics", "/popular", "/popular week", "/search election"];

/** Profiles the timed part when BENCH_CPU_PROFILE names a directory; `stop` writes `<provider>.cpuprofile` there. */
async function startProfile(): Promise<{ stop(provider: string): Promise<void> } | null> {
  const dir = process.env.BENCH_CPU_PROFILE;
  if (!dir) return null;
  const session = new Session();
  session.connect();
  await session.post("Profiler.enable");
  await session.post("Profiler.start");
  return {
    async stop(provider) {
      const { profile } = await session.post("Profiler.stop");
      mkdirSync(dir, { recursive: true });
      writeFileSync(join(dir, `${provider}.cpuprofile`), JSON.stringify(profile));
      session.disconnect();
    },
  };
}

let updateId = 1;
function command(text: string, readerIndex: number): Update {
  const id = 5_000_000 + readerIndex;
  return {
    update_id: updateId++,
    message: {
      message_id: updateId,
      date: Math.floor(Date.now() / 1000),
      chat: { id, type: "private", first_name: "Reader" },
      from: { id, is_bot: false, first_name: "Reader" },
      text,
      entities: [{ type: "bot_command", offset: 0, length: text.split(" ")[0]!.length }],
    },
  };
}

function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)] ?? NaN;
}

async function measure(app: App, text: string, sent: { count: number }): Promise<{ perSecond: number; p50: number; p99: number; n: number; cpuPerUpdateMs: number }> {
  for (let i = 0; i < 30; i++) await app.bot.handleUpdate(command(text, i));
  const latencies: number[] = [];
  const before = sent.count;
  const started = performance.now();
  const cpuBefore = process.cpuUsage();
  let reader = 0;
  while (performance.now() - started < MEASURE_MS) {
    const t0 = performance.now();
    await app.bot.handleUpdate(command(text, reader++ % READERS));
    latencies.push(performance.now() - t0);
  }
  const elapsed = performance.now() - started;
  const cpu = process.cpuUsage(cpuBefore);
  if (sent.count - before !== latencies.length) throw new Error(`${text}: ${latencies.length} updates but ${sent.count - before} replies`);
  latencies.sort((a, b) => a - b);
  const cpuPerUpdateMs = (cpu.user + cpu.system) / 1000 / latencies.length;
  return { perSecond: (latencies.length / elapsed) * 1000, p50: percentile(latencies, 50), p99: percentile(latencies, 99), n: latencies.length, cpuPerUpdateMs };
}

async function benchProvider(provider: Provider): Promise<void> {
  const testDb = await createTestDatabase(provider);
  const db = await testDb.open();
  try {
    const seedStarted = performance.now();
    await seed(db);
    console.log(`${provider}: seeded ${ARTICLES} articles, ${ARTICLES / POST_EVERY} posts, ${READERS} readers in ${((performance.now() - seedStarted) / 1000).toFixed(1)} s`);

    const app = await createApp({ config: testConfig(testDb.url), logger: createLogger({ level: "silent" }), db, botInfo: BOT_INFO, now: () => NOW });
    const sent = { count: 0 };
    // Telegram, answered in-process: no network and no msw in the timed path.
    app.bot.api.config.use((_prev, method, payload) => {
      if (method === "sendMessage") sent.count++;
      const chatId = (payload as { chat_id?: number }).chat_id ?? 0;
      return Promise.resolve({ ok: true, result: { message_id: sent.count, date: 0, chat: { id: chatId, type: "private" } } } as never);
    });
    const profile = await startProfile();
    for (const text of COMMANDS) {
      const r = await measure(app, text, sent);
      console.log(
        `${provider.padEnd(10)} ${text.padEnd(17)} ${r.perSecond.toFixed(0).padStart(6)} answers/s   p50 ${r.p50.toFixed(2).padStart(6)} ms   p99 ${r.p99.toFixed(2).padStart(6)} ms   ${(r.cpuPerUpdateMs * 1000).toFixed(0).padStart(5)} µs CPU/update   (${r.n} updates)`,
      );
    }
    await profile?.stop(provider);
    await app.services.fetcher.close();
    await app.services.extractor.close();
  } finally {
    await db.close();
    await testDb.drop();
  }
}

const providers = (process.env.BENCH_PROVIDERS ?? "sqlite,postgresql").split(",").filter(Boolean) as Provider[];
console.log(`readers benchmark: ${MEASURE_MS / 1000} s per command, updates handled one at a time, Telegram answered in-process`);
const postgres = await useBenchPostgres(providers);
try {
  for (const provider of providers) await benchProvider(provider);
} finally {
  await postgres.stop();
}
