/**
 * How backup files of a SQLite database are named and which ones a rotation
 * removes. Scheduled copies and copies taken before a migration are rotated
 * separately, so a burst of upgrades never pushes out the nightly copies.
 */
import { basename, dirname, extname, join } from "node:path";

/** A scheduled copy, or the copy taken just before migrations were applied. */
export type BackupKind = "scheduled" | "pre-migration";

/** How many pre-migration copies are kept (the last few upgrades). */
export const PRE_MIGRATION_BACKUPS_KEPT = 3;

const STAMP = /\d{8}T\d{9}Z/;

/** Where backups go unless BACKUP_DIR says otherwise: `backups/` beside the database file. */
export function backupFolderBeside(databaseFile: string): string {
  return join(dirname(databaseFile), "backups");
}

/** A UTC time stamp that sorts as text: 20261201T031700123Z. */
export function backupStamp(date: Date): string {
  return date.toISOString().replace(/[-:.]/g, "");
}

/** The database file's name without its extension: `newsdesk` for `data/newsdesk.db`. */
function stemOf(databaseFile: string): string {
  const name = basename(databaseFile);
  return name.slice(0, name.length - extname(name).length) || name;
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
}

/** The file name of a scheduled copy taken at `now`: `newsdesk-20261201T031700123Z.db`. */
export function scheduledBackupName(databaseFile: string, now: Date): string {
  return `${stemOf(databaseFile)}-${backupStamp(now)}.db`;
}

/** The file name of the copy taken before `migration`: `newsdesk-before-<migration>-<stamp>.db`. */
export function preMigrationBackupName(databaseFile: string, migration: string, now: Date): string {
  return `${stemOf(databaseFile)}-before-${migration}-${backupStamp(now)}.db`;
}

/** The time stamp of a backup file of this kind for this database, or null for any other file. */
function stampOf(fileName: string, databaseFile: string, kind: BackupKind): string | null {
  const stem = escapeRegExp(stemOf(databaseFile));
  const pattern =
    kind === "scheduled"
      ? new RegExp(`^${stem}-(${STAMP.source})\\.db$`)
      : new RegExp(`^${stem}-before-.+-(${STAMP.source})\\.db$`);
  return pattern.exec(fileName)?.[1] ?? null;
}

/** Of the files in a backup folder, those of `kind` to delete so that the newest `keep` remain. */
export function backupsBeyondKeep(fileNames: readonly string[], databaseFile: string, kind: BackupKind, keep: number): string[] {
  return fileNames
    .flatMap((name) => {
      const stamp = stampOf(name, databaseFile, kind);
      return stamp ? [{ name, stamp }] : [];
    })
    .sort((a, b) => (a.stamp === b.stamp ? b.name.localeCompare(a.name) : b.stamp.localeCompare(a.stamp)))
    .slice(keep)
    .map((backup) => backup.name);
}
