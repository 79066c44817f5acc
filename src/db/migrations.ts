/**
 * Applies the committed migrations (prisma/<provider>/migrations) the way
 * `prisma migrate deploy` does, `_prisma_migrations` included, through the
 * WASM schema engine. Safe when several processes start at once: PostgreSQL
 * takes an advisory lock, SQLite a lock file beside the database. An existing
 * SQLite database is copied before any migration touches it.
 */
import { createHash } from "node:crypto";
import { existsSync, mkdirSync, readdirSync, readFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

import type { SqlDriverAdapter, SqlMigrationAwareDriverAdapterFactory } from "@prisma/driver-adapter-utils";
import Sqlite from "better-sqlite3";
import type pg from "pg";

import { StartupError } from "../startup-error.js";

import type { Logger } from "../logger.js";
import { backupFolderBeside, PRE_MIGRATION_BACKUPS_KEPT } from "./backup-files.js";
import type { DatabaseTarget } from "./database-url.js";
import { backupSqliteInto } from "./sqlite-backup.js";
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

/** A migrations directory as read from disk. */
export interface MigrationSource {
  baseDir: string;
  lockfile: string | null;
  migrations: Migration[];
}

/** How `migrateDatabase` backs up and reports; every field is optional. */
export interface MigrateOptions {
  /** Where a SQLite database is copied before migrations are applied (default: `backups` beside it). */
  backupDir?: string;
  /** Told where the pre-migration copy went. */
  logger?: Logger;
  /** The migrations to apply instead of the committed ones (tests). */
  source?: MigrationSource;
  now?: () => Date;
}

/** The committed migrations of one provider, oldest first. */
export function readMigrations(provider: Provider): MigrationSource {
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
async function createMigrationAdapter(target: DatabaseTarget): Promise<{
  factory: SqlMigrationAwareDriverAdapterFactory;
  release: () => Promise<void>;
}> {
  // Loaded only when a migration is due: the usual start never needs them.
  if (target.provider === "sqlite") {
    const { PrismaBetterSqlite3 } = await import("@prisma/adapter-better-sqlite3");
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
  const [{ default: pgModule }, { PrismaPg }] = await Promise.all([import("pg"), import("@prisma/adapter-pg")]);
  const pool = new pgModule.Pool({ connectionString: target.url, max: 1 });
  return { factory: new PrismaPg(pool), release: () => pool.end() };
}

interface AppliedMigration {
  migration_name: string;
  checksum: string;
  finished_at: unknown;
  rolled_back_at: unknown;
}

/** Prisma records each migration with the SHA-256 of its script. */
function checksumOf(sql: string): string {
  return createHash("sha256").update(sql).digest("hex");
}

/** The committed migrations not recorded as applied, unchanged, in `_prisma_migrations`. */
function pendingMigrations(migrations: Migration[], applied: AppliedMigration[]): Migration[] {
  const done = new Map(applied.filter((m) => m.finished_at && !m.rolled_back_at).map((m) => [m.migration_name, m.checksum]));
  return migrations.filter((m) => done.get(m.name) !== checksumOf(m.sql));
}

function allApplied(migrations: Migration[], applied: AppliedMigration[]): boolean {
  return pendingMigrations(migrations, applied).length === 0;
}

function readAppliedSqlite(filePath: string): AppliedMigration[] {
  if (!existsSync(filePath)) return [];
  const db = new Sqlite(filePath, { readonly: true, timeout: 15_000 });
  try {
    const table = db.prepare("SELECT name FROM sqlite_master WHERE type = 'table' AND name = '_prisma_migrations'").get();
    if (!table) return [];
    return db.prepare("SELECT migration_name, checksum, finished_at, rolled_back_at FROM _prisma_migrations").all() as AppliedMigration[];
  } finally {
    db.close();
  }
}

async function readAppliedPostgres(client: pg.Client): Promise<AppliedMigration[]> {
  const table = await client.query("SELECT to_regclass('_prisma_migrations') AS name");
  if (!(table.rows[0] as { name: string | null } | undefined)?.name) return [];
  const rows = await client.query("SELECT migration_name, checksum, finished_at, rolled_back_at FROM _prisma_migrations");
  return rows.rows as AppliedMigration[];
}

/** How many migrations the project has for `provider`. */
export function countMigrations(provider: Provider): number {
  return readMigrations(provider).migrations.length;
}

/**
 * Applies pending migrations and returns the names of those it applied. When the
 * database is already up to date (the usual start) the schema engine is not loaded:
 * `_prisma_migrations` is read directly, which is fast and takes no write lock.
 */
export async function migrateDatabase(target: DatabaseTarget, options: MigrateOptions = {}): Promise<string[]> {
  const { baseDir, lockfile: lockText, migrations } = options.source ?? readMigrations(target.provider);
  const apply = async (): Promise<string[]> => {
    const adapter = await createMigrationAdapter(target);
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
    const { filePath } = target;
    return migrateSqlite().catch((error: unknown) => {
      // The SQLite adapter reports SQLITE_BUSY to the engine as a "SocketTimeout", which the engine cannot even name.
      if (error instanceof Error && /SocketTimeout|SQLITE_BUSY|database is locked/.test(error.message)) {
        throw new StartupError(`cannot migrate ${filePath}: another process is writing to it (is Newsdesk still running? stop it, then start again); nothing was changed`);
      }
      throw error;
    });
  }
  return withPgAdvisoryLock(target.url, async (client) =>
    allApplied(migrations, await readAppliedPostgres(client)) ? [] : apply(),
  );

  async function migrateSqlite(): Promise<string[]> {
    if (target.provider !== "sqlite") return [];
    if (allApplied(migrations, readAppliedSqlite(target.filePath))) return [];
    prepareSqliteFile(target);
    // Loaded only when a migration is due: the usual start (and every CLI command) never needs it.
    const { default: lockfile } = await import("proper-lockfile");
    const release = await lockfile.lock(target.filePath, {
      lockfilePath: `${target.filePath}.migrate-lock`,
      stale: 60_000,
      retries: { retries: 120, minTimeout: 100, maxTimeout: 500 },
    });
    try {
      // Another process may have migrated while this one waited for the lock.
      const applied = readAppliedSqlite(target.filePath);
      const pending = pendingMigrations(migrations, applied);
      if (pending.length === 0) return [];
      if (applied.some((m) => m.finished_at)) await backupBeforeMigrating(target.filePath, pending[0]!.name, options);
      return await apply();
    } finally {
      await release();
    }
  }
}

/**
 * Copies a database that already holds data before a migration changes it, so an
 * upgrade that goes wrong can be undone by restoring the copy; keeps the last few.
 */
async function backupBeforeMigrating(filePath: string, migration: string, options: MigrateOptions): Promise<void> {
  const backup = await backupSqliteInto({
    databaseFile: filePath,
    folder: options.backupDir ?? backupFolderBeside(filePath),
    kind: "pre-migration",
    keep: PRE_MIGRATION_BACKUPS_KEPT,
    now: options.now?.() ?? new Date(),
    migration,
  });
  options.logger?.info({ path: backup.path, bytes: backup.bytes, removed: backup.removed }, "database backed up before migrating");
}

/**
 * Creates the default folder (./data) when missing — any other missing folder is the
 * operator's typo, refused in one line — and switches the file to WAL once (the mode
 * is stored in the file), so the bot and the CLI can read and write at the same time.
 */
function prepareSqliteFile(target: Extract<DatabaseTarget, { provider: "sqlite" }>): void {
  const { filePath } = target;
  const folder = dirname(filePath);
  if (!existsSync(folder)) {
    if (!target.isDefault) {
      throw new StartupError(`DATABASE_URL points to ${filePath}, but the folder ${folder} does not exist: create it, or correct DATABASE_URL`);
    }
    mkdirSync(folder, { recursive: true });
  }
  const db = new Sqlite(filePath, { timeout: 15_000 });
  try {
    // Only takes effect before the first table exists: a new database can then give the
    // space retention frees back to the disk (see sqlite-space.ts); an older one keeps its mode.
    db.pragma("auto_vacuum = INCREMENTAL");
    db.pragma("journal_mode = WAL");
  } finally {
    db.close();
  }
}

// Any constant works; it only has to be the same for every Newsdesk process.
const MIGRATION_LOCK_KEY = 72_707_369_1;

async function withPgAdvisoryLock<T>(connectionString: string, work: (client: pg.Client) => Promise<T>): Promise<T> {
  const { default: pgModule } = await import("pg");
  const client = new pgModule.Client({ connectionString });
  await client.connect();
  try {
    await client.query("SELECT pg_advisory_lock($1)", [MIGRATION_LOCK_KEY]);
    try {
      return await work(client);
    } finally {
      await client.query("SELECT pg_advisory_unlock($1)", [MIGRATION_LOCK_KEY]);
    }
  } finally {
    await client.end();
  }
}
