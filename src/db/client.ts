/**
 * Opens the database named by DATABASE_URL: the right generated Prisma client
 * with its driver adapter, after applying pending migrations.
 */
import { existsSync } from "node:fs";

import { PrismaBetterSqlite3 } from "@prisma/adapter-better-sqlite3";
import { PrismaPg } from "@prisma/adapter-pg";

import { PrismaClient as PostgresClient } from "../generated/postgresql/client.js";
import { PrismaClient as SqliteClient } from "../generated/sqlite/client.js";
import type { DatabaseTarget } from "./database-url.js";
import { countMigrations, migrateDatabase, type MigrateOptions } from "./migrations.js";
import type { Provider } from "./schema-files.js";

/**
 * The Prisma client type the repositories are written against. Both generated
 * clients have the same models; the few provider differences are handled inside
 * the repositories, which check `Database.provider`.
 */
export type Db = SqliteClient;

/** An open database: the client, which provider it speaks, and how to close it. */
export interface Database {
  provider: Provider;
  prisma: Db;
  /** Rejects when the database does not answer a trivial query (health checks). */
  ping(): Promise<void>;
  close(): Promise<void>;
}

/** Opens (and by default migrates, backing up an existing SQLite file first) the database; a database created here is logged with where it is. */
export async function openDatabase(target: DatabaseTarget, options: { migrate?: boolean } & MigrateOptions = {}): Promise<Database> {
  const isNewFile = target.provider === "sqlite" && !existsSync(target.filePath);
  if (options.migrate !== false) {
    const applied = await migrateDatabase(target, options);
    if (isNewFile) options.logger?.info({ path: target.filePath }, `created a new database at ${target.filePath}`);
    else if (target.provider === "postgresql" && applied.length > 0 && applied.length === countMigrations(target.provider)) {
      options.logger?.info("created the tables in a new PostgreSQL database");
    }
  }
  const prisma =
    target.provider === "sqlite"
      ? new SqliteClient({ adapter: new PrismaBetterSqlite3({ url: target.filePath, timeout: 15_000 }) })
      : (new PostgresClient({ adapter: new PrismaPg({ connectionString: target.url, max: 10 }) }) as unknown as Db);
  await prisma.$connect();
  return {
    provider: target.provider,
    prisma,
    ping: async () => {
      await prisma.jobLease.count();
    },
    close: () => prisma.$disconnect(),
  };
}
