/**
 * The operator's scheduled jobs: retention every night, and copies of the SQLite
 * database on BACKUP_CRON.
 */
import type { Logger } from "../logger.js";
import type { Job } from "../scheduler.js";
import { deleteSessionsIdleSince } from "../db/sessions.js";
import type { RetentionSettings } from "../ops/retention-policy.js";
import type { Services } from "./create-services.js";
import { backupSqliteInto } from "../db/sqlite-backup.js";
import { applyRetention, type RetentionDeps } from "../ops/apply-retention.js";
import { describeRetention } from "../ops/retention-policy.js";

/** The application's repositories as retention needs them; `settings` default to the configured days. */
export function retentionDepsFor(services: Services, settings: RetentionSettings = services.config.retention): RetentionDeps {
  return {
    database: services.config.database,
    articles: services.articles,
    alerts: services.alerts,
    audit: services.audit,
    leases: services.leases,
    deleteIdleSessions: (cutoff) => deleteSessionsIdleSince(services.db.prisma, cutoff),
    settings,
    now: services.now,
  };
}

/** Job names, for `scheduler.runNow`. */
export const OPERATIONS_JOBS = { retention: "retention", backup: "backup" } as const;

/** Once a day, at a quiet hour in TIMEZONE; off the hour, where other cron jobs crowd. */
export const RETENTION_CRON = "17 3 * * *";

/** The retention job, and the backup job when BACKUP_CRON is set (SQLite only). */
export function createOperationsJobs(deps: { services: Services; logger: Logger }): Job[] {
  const { services } = deps;
  const { config } = services;
  const retentionLog = deps.logger.child({ job: OPERATIONS_JOBS.retention });
  const jobs: Job[] = [
    {
      name: OPERATIONS_JOBS.retention,
      cron: RETENTION_CRON,
      run: async () => {
        const report = await applyRetention(retentionDepsFor(services));
        retentionLog.info(report, describeRetention(report));
        return report;
      },
    },
  ];
  const { backup, database } = config;
  if (backup.cron === null) return jobs;
  if (database.provider !== "sqlite") {
    deps.logger.warn(
      "BACKUP_CRON is set, but scheduled backups copy SQLite databases only: back up PostgreSQL with pg_dump (`npm run cli -- db backup <file>` prints the command)",
    );
    return jobs;
  }
  const backupLog = deps.logger.child({ job: OPERATIONS_JOBS.backup });
  jobs.push({
    name: OPERATIONS_JOBS.backup,
    cron: backup.cron,
    run: async () => {
      const copy = await backupSqliteInto({ databaseFile: database.filePath, folder: backup.dir, kind: "scheduled", keep: backup.keep, now: services.now() });
      backupLog.info(copy, `database backed up to ${copy.path}`);
      return copy;
    },
  });
  return jobs;
}
