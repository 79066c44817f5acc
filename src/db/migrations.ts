/**
 * Applies the committed migrations (prisma/<provider>/migrations) the way
 * `prisma migrate deploy` does, `_prisma_migrations` included, through the
 * WASM schema engine. Safe when several processes start at once: PostgreSQL
 * takes an advisory lock, SQLite a lock file beside the database.
 */
import { existsSync, mkdirSync, readdirSync, readFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

import { PrismaBetterSqlite3 } from "@prisma/adapter-better-sqlite3";
import { PrismaPg } from "@prisma/adapter-pg";
import type { SqlDriverAdapter, SqlMigrationAwareDriverAdapterFactory } from "@prisma/driver-adapter-utils";
import Sqlite from "better-sqlite3";
import pg from "pg";
import lockfile from "proper-lockfile";

import type { DatabaseTarget } from "./database-url.js";
import { NO_FILTERS, openSchemaEngine, toMigrationList, type Migration } from "./schema-engine.js";
import type { Provider } from "./schema-files.js";

const projectRoot = join(dirname(fileURLToPath(import.meta.url)), "..", "..");

/** The directory holding one provider's schema and migrations. */
export function providerDir(provider: Provider): string {
  return join(projectRoot, "prisma", provider);
}

/** The schema text for one provider (as written by `npm run db:generate`). */
export function readProviderSchema(provider: Provider): string {
  return readFileSync(join(providerDir(provider), "schema.prisma"), "utf8");
}

/** The committed migrations of one provider, oldest first. */
export function readMigrations(provider: Provider): { baseDir: string; lockfile: string | null; migrations: Migration[] } {
  const baseDir = join(providerDir(provider), "migrations");
  if (!existsSync(baseDir)) return { baseDir, lockfile: null, migrations: [] };
  const lockPath = join(baseDir, "migration_lock.toml");
  const migrations = readdirSync(baseDir, { withFileTypes: true })
    .filter((entry) => entry.isDirectory() && existsSync(join(baseDir, entry.name, "migration.sql")))
    .map((entry) => entry.name)
    .sort()
    .map((name) => ({ name, sql: readFileSync(join(baseDir, name, "migration.sql"), "utf8") }));
  return { baseDir, lockfile: existsSync(lockPath) ? readFileSync(lockPath, "utf8") : null, migrations };
}

/**
 * A driver adapter factory for the schema engine, and how to release what it opened.
 * PostgreSQL gets a one-connection pool: the engine takes its own advisory lock and
 * must release it on the same connection, and the pool must be ended afterwards or
 * that connection (and the lock) outlives the migration.
 */
function createMigrationAdapter(target: DatabaseTarget): {
  factory: SqlMigrationAwareDriverAdapterFactory;
  release: () => Promise<void>;
} {
  if (target.provider === "sqlite") {
    // The engine never closes its SQLite connection, which keeps a lock on the file: track and close it.
    const base = new PrismaBetterSqlite3({ url: target.filePath, timeout: 15_000 });
    const opened: SqlDriverAdapter[] = [];
    const factory: SqlMigrationAwareDriverAdapterFactory = {
      provider: base.provider,
      adapterName: base.adapterName,
      connect: async () => {
        const adapter = await base.connect();
        opened.push(adapter);
        return adapter;
      },
      connectToShadowDb: async () => {
        const adapter = await base.connectToShadowDb();
        opened.push(adapter);
        return adapter;
      },
    };
    return { factory, release: async () => void (await Promise.all(opened.map((adapter) => adapter.dispose()))) };
  }
  const pool = new pg.Pool({ connectionString: target.url, max: 1 });
  return { factory: new PrismaPg(pool), release: () => pool.end() };
}

/** Applies pending migrations and returns the names of those it applied. */
export async function migrateDatabase(target: DatabaseTarget): Promise<string[]> {
  const { baseDir, lockfile: lockText, migrations } = readMigrations(target.provider);
  const apply = async (): Promise<string[]> => {
    const adapter = createMigrationAdapter(target);
    const { engine, explain } = await openSchemaEngine(readProviderSchema(target.provider), adapter.factory);
    try {
      const output = await engine.applyMigrations({
        migrationsList: toMigrationList(baseDir, lockText, migrations),
        filters: NO_FILTERS,
      });
      return output.appliedMigrationNames;
    } catch (error) {
      throw explain(error);
    } finally {
      engine.free();
      await adapter.release();
    }
  };
  if (target.provider === "sqlite") {
    prepareSqliteFile(target.filePath);
    const release = await lockfile.lock(target.filePath, {
      lockfilePath: `${target.filePath}.migrate-lock`,
      stale: 60_000,
      retries: { retries: 120, minTimeout: 100, maxTimeout: 500 },
    });
    try {
      return await apply();
    } finally {
      await release();
    }
  }
  return withPgAdvisoryLock(target.url, apply);
}

/**
 * Creates the directory and switches the file to WAL once (the mode is stored in
 * the file), so the bot and the CLI can read and write at the same time.
 */
function prepareSqliteFile(filePath: string): void {
  mkdirSync(dirname(filePath), { recursive: true });
  const db = new Sqlite(filePath, { timeout: 15_000 });
  try {
    db.pragma("journal_mode = WAL");
  } finally {
    db.close();
  }
}

// Any constant works; it only has to be the same for every Newsdesk process.
const MIGRATION_LOCK_KEY = 72_707_369_1;

async function withPgAdvisoryLock<T>(connectionString: string, work: () => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString });
  await client.connect();
  try {
    await client.query("SELECT pg_advisory_lock($1)", [MIGRATION_LOCK_KEY]);
    try {
      return await work();
    } finally {
      await client.query("SELECT pg_advisory_unlock($1)", [MIGRATION_LOCK_KEY]);
    }
  } finally {
    await client.end();
  }
}
