/**
 * Disk space of a SQLite database. Deleting rows or blanking article bodies only
 * marks pages free inside the file; new rows reuse them, but the file keeps its
 * size. Databases Newsdesk creates use `auto_vacuum = INCREMENTAL`, so retention
 * can hand free pages back to the disk with `PRAGMA incremental_vacuum`, which
 * moves only the pages it frees — unlike `VACUUM`, which rewrites the whole file
 * and makes every writer wait meanwhile.
 */
import { statSync } from "node:fs";

import Sqlite from "better-sqlite3";

/** What reclaiming found and did. */
export interface SqliteSpace {
  /** Bytes given back to the disk now. */
  reclaimedBytes: number;
  /** Bytes still free inside the file (reused by new rows). */
  freeBytes: number;
  /** False for a database created before Newsdesk turned auto_vacuum on: only VACUUM shrinks it. */
  incremental: boolean;
  /** Another writer held the database, so nothing was moved this time. */
  busy: boolean;
}

/** The database file plus its write-ahead log, in bytes: what the database takes on disk. */
export function sqliteDiskBytes(filePath: string): number {
  const size = (path: string) => {
    try {
      return statSync(path).size;
    } catch {
      return 0;
    }
  };
  return size(filePath) + size(`${filePath}-wal`);
}

function pragmaNumber(db: Sqlite.Database, name: string): number {
  return Number(db.pragma(name, { simple: true }));
}

function isBusy(error: unknown): boolean {
  return error instanceof Sqlite.SqliteError && (error.code === "SQLITE_BUSY" || error.code === "SQLITE_LOCKED");
}

/**
 * Gives the free pages of the database back to the disk when it was created with
 * incremental auto_vacuum, then checkpoints and truncates the write-ahead log (which
 * the moved pages went through).
 *
 * It does not wait for another writer: this connection's busy handler would sleep on
 * the event loop, where the bot's own open transaction (an ingest batch) could never
 * finish, so it would wait in vain. The pages stay free for new rows and the next run
 * tries again.
 */
export function reclaimSqliteSpace(filePath: string): SqliteSpace {
  const db = new Sqlite(filePath, { fileMustExist: true, timeout: 0 });
  try {
    const pageSize = pragmaNumber(db, "page_size");
    const freeBefore = pragmaNumber(db, "freelist_count");
    // 0 none, 1 full, 2 incremental.
    const incremental = pragmaNumber(db, "auto_vacuum") === 2;
    let busy = false;
    try {
      // exec() steps the pragma to the end; a single step (Prisma's raw queries) frees one page only.
      if (incremental && freeBefore > 0) db.exec("PRAGMA incremental_vacuum");
      // Busy is reported in its result, not thrown: the log then keeps its size until the next checkpoint.
      db.pragma("wal_checkpoint(TRUNCATE)");
    } catch (error) {
      if (!isBusy(error)) throw error;
      busy = true;
    }
    const freeAfter = pragmaNumber(db, "freelist_count");
    return { reclaimedBytes: (freeBefore - freeAfter) * pageSize, freeBytes: freeAfter * pageSize, incremental, busy };
  } finally {
    db.close();
  }
}
