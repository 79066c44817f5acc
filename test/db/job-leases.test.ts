/** Job leases: short, renewed while the job runs, released after, and taken over when a holder dies. */
import { afterEach, beforeEach, describe, expect, it } from "vitest";

import type { Database } from "../../src/db/client.js";
import { createJobLeasesRepository } from "../../src/db/job-leases.js";
import { LEASE_TTL_MS, runUnderLease } from "../../src/ops/run-under-lease.js";
import { memoryLogger } from "../support/config.js";
import { createTestDatabase, TEST_PROVIDERS, type TestDatabase } from "../support/database.js";

const T0 = new Date("2026-12-06T18:30:00Z");
const at = (seconds: number) => new Date(T0.getTime() + seconds * 1000);

describe.each(TEST_PROVIDERS)("job leases on %s", (provider) => {
  let database: TestDatabase;
  let db: Database;

  beforeEach(async () => {
    database = await createTestDatabase(provider);
    db = await database.open();
  });
  afterEach(async () => {
    await db.close();
    await database.drop();
  });

  it("a killed holder's lease runs out within a minute, and the next holder is named with the time it took over", async () => {
    const leases = createJobLeasesRepository(db.prisma);
    expect(await leases.acquire("ingest", "the bot on desk-1", T0, LEASE_TTL_MS)).toBe(true);
    // The holder dies without releasing: nobody else gets it while it lasts…
    expect(await leases.acquire("ingest", "the CLI on desk-2", at(59), LEASE_TTL_MS)).toBe(false);
    expect(await leases.holder("ingest", at(59))).toEqual({ owner: "the bot on desk-1", acquiredAt: T0, leaseUntil: at(60) });
    // …and anyone gets it once it ran out.
    expect(await leases.acquire("ingest", "the CLI on desk-2", at(61), LEASE_TTL_MS)).toBe(true);
    expect(await leases.holder("ingest", at(61))).toEqual({ owner: "the CLI on desk-2", acquiredAt: at(61), leaseUntil: at(121) });
    // The old holder, if it was only stalled, finds out when it tries to renew.
    expect(await leases.renew("ingest", "the bot on desk-1", at(62), LEASE_TTL_MS)).toBe(false);
    // A renewal keeps the time it was taken.
    expect(await leases.acquire("ingest", "the CLI on desk-2", at(100), LEASE_TTL_MS)).toBe(true);
    expect((await leases.holder("ingest", at(100)))?.acquiredAt).toEqual(at(61));
  });

  it("a run releases its lease when it ends, even when it fails, and a run elsewhere is told who holds it", async () => {
    const leases = createJobLeasesRepository(db.prisma);
    const { logger } = memoryLogger();
    const deps = (owner: string) => ({ leases, owner, now: () => T0, logger });
    const inside = await runUnderLease(deps("the bot on desk-1"), "publish", async () => {
      const elsewhere = await runUnderLease(deps("the bot on desk-2"), "publish", () => Promise.resolve("ran twice"));
      return elsewhere;
    });
    expect(inside).toEqual({ kind: "ran", result: { kind: "held-elsewhere", holder: { owner: "the bot on desk-1", acquiredAt: T0, leaseUntil: at(60) } } });
    expect(await db.prisma.jobLease.count()).toBe(0);
    await expect(runUnderLease(deps("the bot on desk-1"), "publish", () => Promise.reject(new Error("boom")))).rejects.toThrow("boom");
    expect(await db.prisma.jobLease.count()).toBe(0);
  });
});
