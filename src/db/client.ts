/**
 * Opens the database named by DATABASE_URL: the right generated Prisma client
 * with its driver adapter, after applying pending migrations.
 */
import { existsSync } from "node:fs";

import type { PrismaClient as SqliteClient } from "../generated/sqlite/client.js";
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
  const prisma = await createPrismaClient(target);
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

/** Only the provider in use is loaded: the other one's client and driver cost memory for nothing. */
async function createPrismaClient(target: DatabaseTarget): Promise<Db> {
  if (target.provider === "sqlite") {
    const [{ PrismaClient }, { PrismaBetterSqlite3 }] = await Promise.all([import("../generated/sqlite/client.js"), import("@prisma/adapter-better-sqlite3")]);
    return new PrismaClient({ adapter: new PrismaBetterSqlite3({ url: target.filePath, timeout: 15_000 }) });
  }
  const [{ PrismaClient }, { PrismaPg }] = await Promise.all([import("../generated/postgresql/client.js"), import("@prisma/adapter-pg")]);
  return new PrismaClient({ adapter: new PrismaPg({ connectionString: target.url, max: 10 }) }) as unknown as Db;
}
