/**
 * The daily retention run: empties old article bodies and deletes finished alerts,
 * idle sessions, dead job leases and old audit entries, each through the module that
 * owns its table, then gives SQLite's freed pages back to the disk.
 */
import type { AlertsRepository } from "../db/alerts.js";
import type { ArticlesRepository } from "../db/articles.js";
import type { AuditLogRepository } from "../db/audit-log.js";
import type { DatabaseTarget } from "../db/database-url.js";
import type { JobLeasesRepository } from "../db/job-leases.js";
import { reclaimSqliteSpace } from "../db/sqlite-space.js";
import { retentionCutoffs, type RetentionReport, type RetentionSettings } from "./retention-policy.js";

export interface RetentionDeps {
  database: DatabaseTarget;
  articles: Pick<ArticlesRepository, "blankBodiesStoredBefore">;
  alerts: Pick<AlertsRepository, "deleteFinishedBefore">;
  audit: Pick<AuditLogRepository, "deleteBefore">;
  leases: Pick<JobLeasesRepository, "deleteExpiredBefore">;
  deleteIdleSessions: (cutoff: Date) => Promise<number>;
  settings: RetentionSettings;
  now: () => Date;
}


/** Applies the retention policy once and reports what went. */
export async function applyRetention(deps: RetentionDeps): Promise<RetentionReport> {
  const cutoffs = retentionCutoffs(deps.now(), deps.settings);
  const report: RetentionReport = {
    articleBodies: await deps.articles.blankBodiesStoredBefore(cutoffs.articleBodies),
    alerts: await deps.alerts.deleteFinishedBefore(cutoffs.alerts),
    sessions: await deps.deleteIdleSessions(cutoffs.sessions),
    leases: await deps.leases.deleteExpiredBefore(cutoffs.leases),
    auditEntries: await deps.audit.deleteBefore(cutoffs.audit),
    reclaimedBytes: 0,
    reclaimPostponed: false,
  };
  // PostgreSQL's autovacuum makes the space reusable; only VACUUM FULL would shrink files, under a lock.
  if (deps.database.provider === "sqlite") {
    const space = reclaimSqliteSpace(deps.database.filePath);
    report.reclaimedBytes = space.reclaimedBytes;
    report.reclaimPostponed = space.busy;
  }
  return report;
}
