/**
 * Opens the database named by DATABASE_URL: the right generated Prisma client
 * with its driver adapter, after applying pending migrations.
 */
import { existsSync } from "node:fs";

import type { PrismaClient as SqliteClient } from "../generated/sqlite/client.js";
import type { DatabaseTarget } from "./database-url.js";
import { countMigrations, migrateDatabase, type MigrateOptions } from "./migrations.js";
import { createReadCache, type ReadCache } from "./read-cache.js";
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
  /** The readers' hot data; emptied by every write to the tables it comes from through `prisma`. */
  readCache: ReadCache;
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
  const client = await createPrismaClient(target);
  await client.$connect();
  const readCache = createReadCache();
  const prisma = invalidatingOnWrites(client, readCache);
  return {
    provider: target.provider,
    prisma,
    readCache,
    ping: async () => {
      await prisma.jobLease.count();
    },
    close: () => client.$disconnect(),
  };
}

/** The tables the read cache's values come from. */
const CACHED_MODELS: ReadonlySet<string> = new Set(["Article", "ArticleTopic", "ChannelPost", "Topic"]);
const READ_OPERATION = /^(find|count|aggregate|groupBy)/;

/**
 * The client, emptying `cache` after every write to a cached table. A write inside a transaction
 * empties it again when the transaction ends: until the commit other connections read the old
 * rows, and a reader asking in between must not leave them in the cache.
 */
function invalidatingOnWrites(client: Db, cache: ReadCache): Db {
  let writes = 0;
  const extended = client.$extends({
    query: {
      $allModels: {
        async $allOperations({ model, operation, args, query }) {
          if (!CACHED_MODELS.has(model) || READ_OPERATION.test(operation)) return query(args);
          try {
            return await query(args);
          } finally {
            writes++;
            cache.invalidate();
          }
        },
      },
    },
  }) as unknown as Db;
  const transaction = extended.$transaction.bind(extended) as (...args: unknown[]) => Promise<unknown>;
  const wrapped = async (...args: unknown[]) => {
    const before = writes;
    try {
      return await transaction(...args);
    } finally {
      if (writes !== before) cache.invalidate();
    }
  };
  // Prisma offers no hook for a transaction's end; the client's own method is wrapped.
  Object.assign(extended, { $transaction: wrapped });
  return extended;
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
