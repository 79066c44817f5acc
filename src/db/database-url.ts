import { isAbsolute, resolve } from "node:path";

/** Where the database lives, as read from DATABASE_URL. */
export type DatabaseTarget =
  /** `isDefault`: the embedded default, whose folder (./data) is created when missing. */
  | { provider: "sqlite"; url: string; filePath: string; isDefault: boolean }
  | { provider: "postgresql"; url: string };

/** The embedded default: a SQLite file under ./data. */
export const DEFAULT_DATABASE_URL = "file:./data/newsdesk.db";

/**
 * Parses DATABASE_URL: `file:<path>` selects SQLite (relative to the working
 * directory), `postgres://` or `postgresql://` selects PostgreSQL.
 * Throws with a message fit for the operator when it is neither.
 */
export function parseDatabaseUrl(url: string, cwd: string = process.cwd()): DatabaseTarget {
  if (url.startsWith("file:")) {
    const path = url.slice("file:".length).split("?")[0] ?? "";
    if (!path) throw new Error("DATABASE_URL `file:` needs a path, e.g. file:./data/newsdesk.db");
    return { provider: "sqlite", url, filePath: isAbsolute(path) ? path : resolve(cwd, path), isDefault: url === DEFAULT_DATABASE_URL };
  }
  if (/^postgres(ql)?:\/\//.test(url)) return { provider: "postgresql", url };
  throw new Error("DATABASE_URL must start with file: (SQLite) or postgresql:// (PostgreSQL)");
}
