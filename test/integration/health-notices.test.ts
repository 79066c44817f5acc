/**
 * Problems reach the admin chat without anyone looking: one "⚠️" message per distinct
 * problem however many checks see it, one "✅ Cleared" when it goes, and a restart repeats
 * neither. A job that throws is a problem until its next successful run.
 */
import { afterEach, beforeEach, describe, expect, it } from "vitest";

import { ALERT_JOBS } from "../../src/app/alert-jobs.js";
import { ADMIN_CHAT_ID, CHANNEL_ID } from "../support/config.js";
import { fillDisk, freeDisk } from "../support/full-disk.js";
import { createTestDatabase, TEST_PROVIDERS, type TestDatabase } from "../support/database.js";
import { installFakeTelegram, type FakeTelegram } from "../support/telegram.js";
import { queueEditorPost, START, startHarness, type Harness } from "../bot/editors/editor-harness.js";

const minutes = (n: number) => n * 60_000;

/** The former default schedules, which the waits below are told in. */
const FORMER_SCHEDULES = { INGEST_CRON: "*/5 * * * *", POST_CRON: "*/10 * * * *" };

describe.each(TEST_PROVIDERS)("notices to the admin chat on %s", (provider) => {
  let database: TestDatabase;
  let telegram: FakeTelegram;
  let harness: Harness;
  const clock = { now: START };

  beforeEach(async () => {
    clock.now = START;
    database = await createTestDatabase(provider);
    telegram = installFakeTelegram();
    harness = await startHarness(database, telegram, { clock, env: FORMER_SCHEDULES });
  });
  afterEach(async () => {
    await harness.app.stop();
    await database.drop();
  });

  const advance = (ms: number) => void (clock.now = new Date(clock.now.getTime() + ms));
  /** One run of the health job, as its schedule would start it, then half a minute passes. */
  const check = async () => {
    expect(await harness.app.scheduler.runNow("health")).toBe(true);
    advance(30_000);
  };
  const notices = () => harness.sent(ADMIN_CHAT_ID);

  it("tells once about a stalled post across many checks and a restart, and once when it clears", async () => {
    await queueEditorPost(harness.app, "Ferry line to link the islands", new Date(START.getTime() + minutes(5)));
    advance(minutes(21));
    for (let i = 0; i < 5; i++) await check();
    expect(notices()).toEqual(["⚠️ Post #1 “Ferry line to link the islands” has been due for 11 minutes."]);

    await harness.app.stop();
    harness = await startHarness(database, telegram, { clock, env: FORMER_SCHEDULES });
    await check();
    await check();
    expect(notices()).toHaveLength(1);

    expect(await harness.app.scheduler.runNow("publish")).toBe(true);
    expect(telegram.callsTo("sendMessage").filter((c) => c.payload.chat_id === CHANNEL_ID)).toHaveLength(1);
    await check();
    await check();
    expect(notices()).toEqual([
      "⚠️ Post #1 “Ferry line to link the islands” has been due for 11 minutes.",
      "✅ Cleared: Post #1 “Ferry line to link the islands” has been due for 11 minutes.",
    ]);
  });

  it("tells when a job throws, and when it runs again without an error", async () => {
    const prisma = harness.app.services.db.prisma;
    // The alerts' table goes missing: every run of the sending job throws.
    await prisma.$executeRawUnsafe(`ALTER TABLE "AlertDelivery" RENAME TO "AlertDeliveryGone"`);
    expect(await harness.app.scheduler.runNow(ALERT_JOBS.send)).toBe(false);
    advance(5_000);
    expect(await harness.app.scheduler.runNow(ALERT_JOBS.send)).toBe(false);
    await check();
    await check();
    const failing = notices();
    const schema = provider === "sqlite" ? "main" : "public";
    expect(failing).toEqual([
      `⚠️ The alerts-send job has been failing since Mon 30 Nov 10:00: The table \`${schema}.AlertDelivery\` does not exist in the current database.`,
    ]);

    await prisma.$executeRawUnsafe(`ALTER TABLE "AlertDeliveryGone" RENAME TO "AlertDelivery"`);
    expect(await harness.app.scheduler.runNow(ALERT_JOBS.send)).toBe(true);
    await check();
    await check();
    expect(notices()).toEqual([failing[0], `✅ Cleared: ${failing[0]!.slice("⚠️ ".length)}`]);
  });
});

describe("a full SQLite database, told to the admin chat", () => {
  let database: TestDatabase;
  let harness: Harness;
  const clock = { now: START };

  beforeEach(async () => {
    clock.now = START;
    database = await createTestDatabase("sqlite");
    harness = await startHarness(database, installFakeTelegram(), { clock, env: FORMER_SCHEDULES });
  });
  afterEach(async () => {
    await harness.app.stop();
    await database.drop();
  });

  it("tells the editors once while nothing can be written, and once when space returns", async () => {
    const prisma = harness.app.services.db.prisma;
    await fillDisk(prisma);
    for (let i = 0; i < 3; i++) {
      await harness.app.scheduler.runNow("health");
      clock.now = new Date(clock.now.getTime() + 30_000);
    }
    expect(harness.sent(ADMIN_CHAT_ID)).toEqual(["⚠️ The database is not writable: the disk is full (SQLITE_FULL)."]);
    await freeDisk(prisma);
    await harness.app.scheduler.runNow("health");
    await harness.app.scheduler.runNow("health");
    expect(harness.sent(ADMIN_CHAT_ID)).toEqual([
      "⚠️ The database is not writable: the disk is full (SQLITE_FULL).",
      "✅ Cleared: The database is not writable: the disk is full (SQLITE_FULL).",
    ]);
  });
});
