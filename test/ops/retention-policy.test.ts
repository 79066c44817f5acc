import { describe, expect, it } from "vitest";

import { describeRetention, retentionCutoffs } from "../../src/ops/retention-policy.js";

describe("what retention removes", () => {
  const now = new Date("2026-12-01T03:17:00Z");

  it("empties bodies and drops finished alerts after RETENTION_DAYS, audit entries after AUDIT_RETENTION_DAYS", () => {
    expect(retentionCutoffs(now, { days: 90, auditDays: 365 })).toEqual({
      articleBodies: new Date("2026-09-02T03:17:00Z"),
      alerts: new Date("2026-09-02T03:17:00Z"),
      sessions: new Date("2026-11-30T03:17:00Z"),
      leases: new Date("2026-11-30T03:17:00Z"),
      audit: new Date("2025-12-01T03:17:00Z"),
    });
  });

  it("drops sessions and leases a day after their last use, whatever the days configured", () => {
    const cutoffs = retentionCutoffs(now, { days: 7, auditDays: 30 });
    expect(cutoffs.articleBodies).toEqual(new Date("2026-11-24T03:17:00Z"));
    expect(cutoffs.audit).toEqual(new Date("2026-11-01T03:17:00Z"));
    expect(cutoffs.sessions).toEqual(new Date("2026-11-30T03:17:00Z"));
    expect(cutoffs.leases).toEqual(new Date("2026-11-30T03:17:00Z"));
  });

  it("tells the operator what went in one line", () => {
    expect(
      describeRetention({
        articleBodies: 200,
        alerts: 3100,
        sessions: 2,
        leases: 1,
        auditEntries: 14,
        reclaimedBytes: 5 * 1024 * 1024 + 100_000,
        reclaimPostponed: false,
      }),
    ).toBe(
      "retention: emptied 200 article bodies; deleted 3100 finished alerts, 2 idle sessions, 1 expired job leases, 14 audit entries; gave 5.1 MB back to the disk",
    );
    expect(
      describeRetention({ articleBodies: 200, alerts: 0, sessions: 0, leases: 0, auditEntries: 0, reclaimedBytes: 0, reclaimPostponed: true }),
    ).toBe(
      "retention: emptied 200 article bodies; deleted 0 finished alerts, 0 idle sessions, 0 expired job leases, 0 audit entries; " +
        "gave 0.0 MB back to the disk (the database was busy: the rest is reused by new rows and given back at the next run)",
    );
  });
});
