/** The health verdict from a snapshot: which problems, in which words, under which stable keys. */
import { describe, expect, it } from "vitest";

import { createCronTimes } from "../../../src/ops/health/cron-times.js";
import { findOverduePost, judgeProblems, type FeedHealth, type HealthRules, type HealthSnapshot } from "../../../src/ops/health/judge-problems.js";
import { createFluentTranslator } from "../../../src/i18n/fluent-translator.js";

const TZ = "Europe/London";
/** Monday 30 November 2026, 10:00 in London (UTC in winter). */
const NOW = new Date("2026-11-30T10:00:00Z");
const at = (hhmmss: string, day = "2026-11-30") => new Date(`${day}T${hhmmss}Z`);
const rules: HealthRules = { timezone: TZ, english: createFluentTranslator("en"), publish: createCronTimes("*/10 * * * *", TZ), ingest: createCronTimes("*/5 * * * *", TZ) };

function snapshot(changes: Partial<HealthSnapshot> = {}): HealthSnapshot {
  return {
    now: NOW,
    database: { writable: true },
    telegram: { lastOkAt: NOW, failingSince: null, reason: null },
    posting: { paused: null, forbidden: null, autoHeld: null },
    waiting: [],
    lastSentAt: null,
    feeds: [],
    watchingSince: at("08:00:00"),
    jobs: [],
    ...changes,
  };
}

function feed(changes: Partial<FeedHealth> = {}): FeedHealth {
  return {
    id: 1,
    url: "https://news.example.com/rss.xml",
    createdAt: at("07:00:00"),
    pausedAt: null,
    lastFetchedAt: at("09:55:02"),
    lastSuccessAt: at("09:55:02"),
    lastError: null,
    consecutiveFailures: 0,
    ...changes,
  };
}

const sentences = (s: HealthSnapshot) => judgeProblems(s, rules).map((p) => `${p.key} | ${p.sentence}`);

describe("cron times", () => {
  it("finds the next run strictly after a time, in the newsroom's time zone", () => {
    expect(rules.publish.next(at("10:00:00"))).toEqual(at("10:10:00"));
    expect(rules.publish.next(at("10:03:17"))).toEqual(at("10:10:00"));
    expect(createCronTimes("*/30 * * * * *", TZ).next(at("10:00:10"))).toEqual(at("10:00:30"));
    // 09:00 in London in summer is 08:00 UTC; Monday to Friday only.
    const weekdays = createCronTimes("0 9 * * 1-5", TZ);
    expect(weekdays.next(new Date("2026-07-03T09:00:00Z"))).toEqual(new Date("2026-07-06T08:00:00Z"));
    expect(createCronTimes("0 9 L * *", "UTC").next(at("10:00:00"))).toEqual(new Date("2026-12-31T09:00:00Z"));
  });
});

describe("the health verdict", () => {
  it("finds nothing wrong in a healthy newsroom", () => {
    expect(judgeProblems(snapshot({ feeds: [feed()] }), rules)).toEqual([]);
  });

  it("says why the database is not writable", () => {
    expect(sentences(snapshot({ database: { writable: false, reason: "the disk is full (SQLITE_FULL)" } }))).toEqual([
      "database | The database is not writable: the disk is full (SQLITE_FULL).",
    ]);
  });

  it("counts Telegram as unreachable only after a minute of failures", () => {
    const failing = (since: string) => snapshot({ telegram: { lastOkAt: at("09:00:00"), failingSince: at(since), reason: "ECONNREFUSED at https://api.telegram.org" } });
    expect(sentences(failing("09:59:00"))).toEqual([]);
    expect(sentences(failing("09:57:00"))).toEqual(["telegram | Telegram has not answered for 3 minutes (ECONNREFUSED at https://api.telegram.org)."]);
  });

  it("names who paused posting and since when, and why the channel is closed", () => {
    const paused = snapshot({ posting: { paused: { by: "Ann", since: at("09:30:00") }, forbidden: null, autoHeld: { code: "paused" } } });
    expect(sentences(paused)).toEqual(["posting:paused | Automatic posting has been paused by Ann since Mon 30 Nov 09:30."]);
    const forbidden = snapshot({ posting: { paused: null, forbidden: { code: "telegram-refused", description: "Forbidden: bot was kicked from the channel chat" }, autoHeld: null } });
    expect(sentences(forbidden)).toEqual(["posting:forbidden | The bot may not post in the channel: Telegram refused the post: “Forbidden: bot was kicked from the channel chat”."]);
    expect(judgeProblems(forbidden, rules)[0]?.say?.(createFluentTranslator("ru"))).toBe(
      "Бот не может публиковать в канале: Telegram отказал в публикации: «Forbidden: bot was kicked from the channel chat».",
    );
  });

  it("reports a due post from the first publish run after it was queued, once it waited over ten minutes", () => {
    const queued = (changedAt: string) =>
      snapshot({ waiting: [{ id: 12, headline: "Ferry line to link the islands", origin: "editor", scheduledAt: null, changedAt: at(changedAt) }] });
    // Queued at 09:50 sharp: due at the 10:00 run, so not waiting yet; queued at 09:39: due at 09:40.
    expect(sentences(queued("09:50:00"))).toEqual([]);
    expect(sentences(queued("09:39:00"))).toEqual(["outbox:stalled | Post #12 “Ferry line to link the islands” has been due for 20 minutes."]);
  });

  it("does not count posts legitimately held, and starts the clock for the next in line at the run after the last post", () => {
    const old = { id: 7, headline: "A retried automatic post", origin: "auto" as const, scheduledAt: null, changedAt: at("08:00:00") };
    expect(findOverduePost(snapshot({ waiting: [old], posting: { paused: null, forbidden: null, autoHeld: { code: "quiet-hours", start: "23:00", end: "07:00" } } }), rules)).toBeNull();
    expect(findOverduePost(snapshot({ waiting: [{ ...old, origin: "editor" }], posting: { paused: null, forbidden: { code: "stored-text", text: "no rights" }, autoHeld: null } }), rules)).toBeNull();
    const scheduled = { ...old, origin: "editor" as const, scheduledAt: at("11:00:00") };
    expect(findOverduePost(snapshot({ waiting: [scheduled] }), rules)).toBeNull();
    expect(findOverduePost(snapshot({ waiting: [{ ...old, origin: "editor" }], lastSentAt: at("09:50:03") }), rules)?.dueSince).toEqual(at("10:00:00"));
    expect(findOverduePost(snapshot({ waiting: [{ ...scheduled, scheduledAt: at("09:30:00") }] }), rules)?.dueSince).toEqual(at("09:30:00"));
  });

  it("reports ingest stale after three runs without a success, counting from the bot's start", () => {
    const stale = snapshot({ feeds: [feed({ lastSuccessAt: at("09:35:04"), lastFetchedAt: at("09:35:04") })] });
    // Runs at 09:40, 09:45, 09:50 missed, and the 09:50 run had five minutes to finish.
    expect(sentences(stale)).toEqual([
      "ingest:stale | Ingest has not succeeded since Mon 30 Nov 09:35: three runs of INGEST_CRON have passed without one.",
    ]);
    expect(sentences({ ...stale, now: at("09:54:59") })).toEqual([]);
    expect(sentences({ ...stale, watchingSince: at("09:50:00") })).toEqual([]);
    // A quiet feed polled rarely is not late before it is due: the runs count from then.
    const quiet = (nextFetchAt: Date) => snapshot({ feeds: [feed({ lastSuccessAt: at("09:35:04"), lastFetchedAt: at("09:35:04"), nextFetchAt })] });
    expect(sentences(quiet(at("09:50:00")))).toEqual([]);
    expect(sentences(quiet(at("09:36:00")))).toEqual(sentences(stale));
    const never = snapshot({ feeds: [feed({ lastSuccessAt: null, lastFetchedAt: null })] });
    expect(sentences(never)).toEqual(["ingest:stale | Ingest has not succeeded yet: three runs of INGEST_CRON have passed without one."]);
    expect(sentences(snapshot({ feeds: [feed({ lastSuccessAt: null, pausedAt: at("08:00:00") })] }))).toEqual([]);
  });

  it("reports ingest failing for every feed until one succeeds", () => {
    const failing = (id: number) => feed({ id, url: `https://news${id}.example.com/rss.xml`, consecutiveFailures: 2, lastError: "HTTP 503", lastSuccessAt: at("09:40:00") });
    expect(sentences(snapshot({ feeds: [failing(1), failing(2)] }))).toEqual([
      "ingest:failing | Ingest is failing for every feed (all 2 feeds); #1 https://news1.example.com/rss.xml: HTTP 503.",
    ]);
    expect(sentences(snapshot({ feeds: [failing(1), feed({ id: 2 })] }))).toEqual([]);
  });

  it("names a failing job with its first failure and its last reason", () => {
    expect(sentences(snapshot({ jobs: [{ job: "ingest", since: at("09:45:00"), reason: "the disk is full (SQLITE_FULL)" }] }))).toEqual([
      "job:ingest | The ingest job has been failing since Mon 30 Nov 09:45: the disk is full (SQLITE_FULL).",
    ]);
  });
});

describe("a problem in the admin chat's language", () => {
  it("reads in Russian for the chat, and stays English for /readyz and the logs", () => {
    const [problem] = judgeProblems(snapshot({ posting: { paused: { by: "Ann", since: at("09:00:00") }, forbidden: null, autoHeld: { code: "paused" } } }), rules);
    expect(problem?.sentence).toBe("Automatic posting has been paused by Ann since Mon 30 Nov 09:00.");
    expect(problem?.say?.(createFluentTranslator("ru"))).toBe("Автоматическая публикация приостановлена (Ann) с пн 30 ноября 09:00.");
  });
});
