/**
 * `db backup <file>`: a consistent copy of the SQLite database while the bot runs;
 * on PostgreSQL, the pg_dump command to use instead.
 */
import { existsSync, mkdirSync } from "node:fs";
import { dirname, resolve } from "node:path";

import type { DatabaseTarget } from "../db/database-url.js";
import { backupSqliteFile } from "../db/sqlite-backup.js";
import { pgDumpAdvice } from "./pg-dump-advice.js";

/** A copy was made (the line to print), or not (the lines saying why and what to do). */
export type BackupOutcome = { ok: true; line: string } | { ok: false; lines: string[] };

function megabytes(bytes: number): string {
  return `${(bytes / 1024 / 1024).toFixed(1)} MB`;
}

/** Copies the database to `file` (never over an existing file). */
export async function backupDatabase(target: DatabaseTarget, file: string): Promise<BackupOutcome> {
  if (target.provider === "postgresql") return { ok: false, lines: pgDumpAdvice(target.url, file) };
  if (!existsSync(target.filePath)) {
    return { ok: false, lines: [`there is no database at ${target.filePath} yet: nothing to back up`] };
  }
  const destination = resolve(file);
  if (existsSync(destination)) return { ok: false, lines: [`${destination} already exists: a backup never overwrites a file; give a new name`] };
  mkdirSync(dirname(destination), { recursive: true });
  const bytes = await backupSqliteFile(target.filePath, destination);
  return { ok: true, line: `backed up ${target.filePath} to ${destination} (${megabytes(bytes)})` };
}
