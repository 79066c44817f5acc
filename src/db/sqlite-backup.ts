/**
 * Copies of the SQLite database, taken with SQLite's online backup on a connection
 * of their own: consistent while the bot keeps writing through Prisma's. A copy is
 * written under a temporary name and renamed when complete, so a crash never leaves
 * half a file that looks like a backup.
 */
import { closeSync, existsSync, fsyncSync, mkdirSync, openSync, readdirSync, renameSync, rmSync, statSync } from "node:fs";
import { basename, dirname, join } from "node:path";

import Sqlite from "better-sqlite3";

import { backupsBeyondKeep, preMigrationBackupName, scheduledBackupName, type BackupKind } from "./backup-files.js";

/** A finished copy. */
export interface SqliteBackup {
  path: string;
  bytes: number;
  /** Older copies deleted by the rotation (file names). */
  removed: string[];
}

/** Makes the rename itself durable; not every platform can open a folder, which only loses that guarantee. */
function syncFolder(folder: string): void {
  try {
    const fd = openSync(folder, "r");
    try {
      fsyncSync(fd);
    } finally {
      closeSync(fd);
    }
  } catch {
    // Best effort.
  }
}

/**
 * Copies the database at `source` to `destination` (which must not exist) and
 * returns the copy's size in bytes.
 */
export async function backupSqliteFile(source: string, destination: string): Promise<number> {
  const partial = join(dirname(destination), `.${basename(destination)}.partial`);
  rmSync(partial, { force: true });
  const db = new Sqlite(source, { fileMustExist: true, timeout: 15_000 });
  try {
    // All pages in one step: one read snapshot, which WAL lets the bot write past. Smaller
    // steps start over whenever another connection writes between them, and on a busy
    // bot might never finish.
    await db.backup(partial, { progress: () => 0x7fffffff });
  } catch (error) {
    rmSync(partial, { force: true });
    throw error;
  } finally {
    db.close();
  }
  renameSync(partial, destination);
  syncFolder(dirname(destination));
  return statSync(destination).size;
}

/** Deletes the copies of `kind` beyond the newest `keep` in `folder`; returns their names. */
export function rotateBackups(folder: string, databaseFile: string, kind: BackupKind, keep: number): string[] {
  const removed = backupsBeyondKeep(readdirSync(folder), databaseFile, kind, keep);
  for (const name of removed) rmSync(join(folder, name), { force: true });
  return removed;
}

/**
 * Copies the database into `folder` (created if needed) under the name for `kind`,
 * then keeps only the newest `keep` copies of that kind.
 */
export async function backupSqliteInto(options: {
  databaseFile: string;
  folder: string;
  kind: BackupKind;
  keep: number;
  now: Date;
  /** For a pre-migration copy: the first migration about to be applied. */
  migration?: string;
}): Promise<SqliteBackup> {
  const { databaseFile, folder, kind, now } = options;
  mkdirSync(folder, { recursive: true });
  const name =
    kind === "scheduled" ? scheduledBackupName(databaseFile, now) : preMigrationBackupName(databaseFile, options.migration ?? "migration", now);
  const path = join(folder, name);
  if (existsSync(path)) throw new Error(`a backup named ${path} already exists`);
  const bytes = await backupSqliteFile(databaseFile, path);
  return { path, bytes, removed: rotateBackups(folder, databaseFile, kind, options.keep) };
}
