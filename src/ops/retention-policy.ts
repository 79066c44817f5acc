/**
 * What retention keeps: given the time and the configured days, the moment before
 * which each kind of data goes. Pure, so the rules are tested without a database.
 *
 * Never touched: articles themselves (their URL, headline, summary, topics and
 * aliases serve dedupe, /latest, /search and every link ever posted), channel
 * posts, readers and their subscriptions, feeds, topics and settings.
 */

const DAY_MS = 24 * 60 * 60_000;

/**
 * A conversation times out after an hour of silence (COMPOSE_TIMEOUT_MS), and every
 * step of it writes its session; one untouched for a day only holds conversations
 * that are over. A day rather than an hour leaves room for clocks that disagree.
 */
export const IDLE_SESSION_MS = DAY_MS;

/** A lease is dead once it runs out; a day past that nobody can be using it. */
export const EXPIRED_LEASE_MS = DAY_MS;

/** RETENTION_DAYS and AUDIT_RETENTION_DAYS. */
export interface RetentionSettings {
  days: number;
  auditDays: number;
}

/** For each kind of data, what is older than this goes. */
export interface RetentionCutoffs {
  /** Article bodies of articles stored before this are emptied. */
  articleBodies: Date;
  /** Alert deliveries that ended (sent, failed, skipped) and were queued before this. */
  alerts: Date;
  /** Sessions last written before this. */
  sessions: Date;
  /** Job leases that ran out before this. */
  leases: Date;
  /** Audit log entries recorded before this. */
  audit: Date;
}

/** The cutoffs for a retention run at `now`. */
export function retentionCutoffs(now: Date, settings: RetentionSettings): RetentionCutoffs {
  const before = (ms: number) => new Date(now.getTime() - ms);
  return {
    articleBodies: before(settings.days * DAY_MS),
    alerts: before(settings.days * DAY_MS),
    sessions: before(IDLE_SESSION_MS),
    leases: before(EXPIRED_LEASE_MS),
    audit: before(settings.auditDays * DAY_MS),
  };
}

/** What one run removed, and the disk space it gave back (SQLite). */
export interface RetentionReport {
  articleBodies: number;
  alerts: number;
  sessions: number;
  leases: number;
  auditEntries: number;
  reclaimedBytes: number;
  /** SQLite was busy with another write, so freed pages stay inside the file until the next run. */
  reclaimPostponed: boolean;
}

function megabytes(bytes: number): string {
  return `${(bytes / 1024 / 1024).toFixed(1)} MB`;
}

/** The run as one log line: "retention: emptied 200 article bodies, deleted 3100 alerts, …". */
export function describeRetention(report: RetentionReport): string {
  return (
    `retention: emptied ${report.articleBodies} article bodies; deleted ${report.alerts} finished alerts, ` +
    `${report.sessions} idle sessions, ${report.leases} expired job leases, ${report.auditEntries} audit entries; ` +
    `gave ${megabytes(report.reclaimedBytes)} back to the disk` +
    (report.reclaimPostponed ? " (the database was busy: the rest is reused by new rows and given back at the next run)" : "")
  );
}
