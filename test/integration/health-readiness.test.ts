/**
 * Seeing the state: /readyz says 200 while all is well and 503 with one plain sentence per
 * problem — the database not writable, Telegram unreachable, posting paused or forbidden, a
 * due post waiting, ingest stale — and the admin chat hears once about each new problem and
 * once when it clears, across many checks and across a restart.
 */
import { http, HttpResponse } from "msw";
import pg from "pg";
import { afterEach, beforeEach, describe, expect, it } from "vitest";

import { fillDisk, freeDisk } from "../support/full-disk.js";
import { createTestDatabase, TEST_PROVIDERS, type TestDatabase } from "../support/database.js";
import { allowLoopback, server } from "../support/msw.js";
import { installFakeTelegram, TEST_API_ROOT, TEST_TOKEN, type FakeTelegram } from "../support/telegram.js";
import { rss, serve } from "../support/web.js";
import { queueEditorPost, START, startHarness, type Harness } from "../bot/editors/editor-harness.js";

const FEED_URL = "https://news.example.com/world/rss.xml";
const minutes = (n: number) => n * 60_000;

interface State {
  database: TestDatabase;
  telegram: FakeTelegram;
  harness: Harness;
  base: string;
}

function useApp(provider: "sqlite" | "postgresql"): State {
  const state = {} as State;
  beforeEach(async () => {
    state.database = await createTestDatabase(provider);
    state.telegram = installFakeTelegram();
    allowLoopback();
    // The former default schedules, which the thresholds below are told in.
    state.harness = await startHarness(state.database, state.telegram, { clock: { now: START }, env: { INGEST_CRON: "*/5 * * * *", POST_CRON: "*/10 * * * *" } });
    state.base = `http://127.0.0.1:${await state.harness.app.server.listen(0, "127.0.0.1")}`;
  });
  afterEach(async () => {
    await state.harness.app.stop();
    await state.database.drop();
  });
  return state;
}

/** Moves the app's clock on (past the readiness cache, too). */
const advance = (state: State, ms: number) => void (state.harness.clock.now = new Date(state.harness.clock.now.getTime() + ms));

async function readyz(state: State): Promise<{ status: number; body: { ready: boolean; checkedAt: string; problems: string[] } }> {
  const response = await fetch(`${state.base}/readyz`);
  return { status: response.status, body: (await response.json()) as { ready: boolean; checkedAt: string; problems: string[] } };
}

describe.each(TEST_PROVIDERS)("readiness on %s", (provider) => {
  const state = useApp(provider);

  it("is ready while all is well; /healthz answers without asking anything", async () => {
    expect(await readyz(state)).toEqual({ status: 200, body: { ready: true, checkedAt: "2026-11-30T10:00:00.000Z", problems: [] } });
    const health = await fetch(`${state.base}/healthz`);
    expect([health.status, await health.json()]).toEqual([200, { ok: true }]);
  });

  it("is not ready while automatic posting is paused, and names who paused it", async () => {
    await state.harness.say("/pause");
    advance(state, 10_000);
    expect(await readyz(state)).toEqual({
      status: 503,
      body: { ready: false, checkedAt: "2026-11-30T10:00:10.000Z", problems: ["Automatic posting has been paused by Ann since Mon 30 Nov 10:00."] },
    });
    await state.harness.say("/resume");
    advance(state, 10_000);
    expect((await readyz(state)).status).toBe(200);
  });

  it("is not ready while the bot may not post in the channel", async () => {
    await state.harness.app.newsroom.posting.channelRightsChanged({ problem: { code: "not-admin", channel: "@news" }, actor: { id: 0, name: null } });
    advance(state, 10_000);
    expect((await readyz(state)).body.problems).toEqual([
      "The bot may not post in the channel: the bot is not an administrator of the channel @news: add it as an administrator with the right to post messages.",
    ]);
  });

  it("is not ready when a due post has waited over ten minutes", async () => {
    await queueEditorPost(state.harness.app, "Ferry line to link the islands", new Date(START.getTime() + minutes(5)));
    // Due at the 10:10 run; at 10:20 it has waited ten minutes, which is not yet over ten.
    advance(state, minutes(20));
    expect((await readyz(state)).status).toBe(200);
    advance(state, minutes(1));
    expect((await readyz(state)).body.problems).toEqual(["Post #1 “Ferry line to link the islands” has been due for 11 minutes."]);
  });

  it("is not ready when ingest has not succeeded for three of its runs, and ready again after a success", async () => {
    serve(FEED_URL, rss([{ title: "Harbour reopens after the storm", link: "https://news.example.com/world/harbour", description: "The harbour reopened on Monday after a week of repairs to the sea wall." }]));
    await state.harness.app.newsroom.feeds.add({ url: FEED_URL, topic: null, fullPage: false, actor: { id: 0, name: null } });
    await state.harness.app.scheduler.runNow("ingest");
    // INGEST_CRON runs every 5 minutes: 10:05, 10:10 and 10:15 pass, and the last had five minutes to finish.
    advance(state, minutes(19));
    expect((await readyz(state)).status).toBe(200);
    advance(state, minutes(1));
    expect((await readyz(state)).body.problems).toEqual([
      "Ingest has not succeeded since Mon 30 Nov 10:00: three runs of INGEST_CRON have passed without one.",
    ]);
    await state.harness.app.scheduler.runNow("ingest");
    advance(state, 10_000);
    expect((await readyz(state)).status).toBe(200);
  });

  it("is not ready when Telegram has not answered for over a minute, on the app's own clock", async () => {
    let down = true;
    server.use(http.post(`${TEST_API_ROOT}/bot${TEST_TOKEN}/:method`, () => (down ? HttpResponse.error() : undefined)));
    expect(await state.harness.app.admin.notify("Is anyone there?")).toBe(false);
    advance(state, 60_000);
    expect((await readyz(state)).status).toBe(200);
    advance(state, minutes(2));
    expect((await readyz(state)).body.problems).toEqual([`Telegram has not answered for 3 minutes (Network error at ${TEST_API_ROOT}).`]);
    // Back: the next check asks Telegram itself (nothing else may be calling it, in webhook mode).
    down = false;
    advance(state, 10_000);
    expect((await readyz(state)).status).toBe(200);
  });
});

describe("a full SQLite database", () => {
  const state = useApp("sqlite");

  it("makes /readyz say the disk is full, and everything resumes by itself when space returns", async () => {
    const prisma = state.harness.app.services.db.prisma;
    await fillDisk(prisma);
    advance(state, 10_000);
    expect(await readyz(state)).toEqual({
      status: 503,
      body: { ready: false, checkedAt: "2026-11-30T10:00:10.000Z", problems: ["The database is not writable: the disk is full (SQLITE_FULL)."] },
    });
    await freeDisk(prisma);
    advance(state, 10_000);
    expect((await readyz(state)).status).toBe(200);
  });
});

describe("a read-only PostgreSQL database", () => {
  const state = useApp("postgresql");

  /** Applies a database setting to new sessions and ends the old ones, so the app's pool reconnects with it. */
  const setForNewSessions = async (sql: string) => {
    const admin = new pg.Client({ connectionString: state.database.url });
    await admin.connect();
    try {
      await admin.query("SET default_transaction_read_only = off");
      await admin.query(sql.replace("$db", `"${new URL(state.database.url).pathname.slice(1)}"`));
      await admin.query("SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = current_database() AND pid <> pg_backend_pid()");
    } finally {
      await admin.end();
    }
  };

  /** Checks until the verdict settles (the pool drops its ended connections as it notices them), at most ten times. */
  const settledProblems = async (expected: string[]) => {
    let problems: string[] = [];
    for (let attempt = 0; attempt < 10; attempt++) {
      problems = (await state.harness.app.health.monitor.evaluate({ fresh: true })).problems.map((p) => p.sentence);
      if (JSON.stringify(problems) === JSON.stringify(expected)) break;
    }
    return problems;
  };

  it("makes /readyz say the database is read-only, until it is writable again", async () => {
    await setForNewSessions("ALTER DATABASE $db SET default_transaction_read_only = on");
    const readOnly = ["The database is not writable: the database is read-only (PostgreSQL 25006)."];
    expect(await settledProblems(readOnly)).toEqual(readOnly);
    advance(state, 10_000);
    expect((await readyz(state)).body.problems).toEqual(readOnly);
    await setForNewSessions("ALTER DATABASE $db RESET default_transaction_read_only");
    expect(await settledProblems([])).toEqual([]);
  });
});
