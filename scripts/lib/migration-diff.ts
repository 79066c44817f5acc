/**
 * What the schema has that the committed migrations do not: the SQL of the next
 * migration, or null when there is no drift.
 *
 * Works offline for every provider: the committed migrations are applied to a
 * scratch database (a temporary SQLite file; an in-memory PGlite for the
 * PostgreSQL dialect), then the engine diffs that live database against the
 * schema. (A diff "from migrations" would need a shadow database, which the
 * driver adapters cannot provide here.)
 */
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";

import { PGlite } from "@electric-sql/pglite";
import { PrismaBetterSqlite3 } from "@prisma/adapter-better-sqlite3";
import type { SqlMigrationAwareDriverAdapterFactory } from "@prisma/driver-adapter-utils";
import { PrismaPGlite } from "pglite-prisma-adapter";

import { readMigrations, readProviderSchema } from "../../src/db/migrations.js";
import {
  datamodelTarget,
  datasourceTarget,
  NO_FILTERS,
  openSchemaEngine,
  toMigrationList,
} from "../../src/db/schema-engine.js";
import type { Provider } from "../../src/db/schema-files.js";

const EMPTY_MIGRATION = "-- This is an empty migration.";

export async function diffSchemaAgainstMigrations(provider: Provider): Promise<string | null> {
  const schema = readProviderSchema(provider);
  const { baseDir, lockfile, migrations } = readMigrations(provider);
  const scratchDir = mkdtempSync(join(tmpdir(), "newsdesk-diff-"));
  let pglite: PGlite | undefined;
  let factory: SqlMigrationAwareDriverAdapterFactory;
  if (provider === "sqlite") {
    factory = new PrismaBetterSqlite3({ url: join(scratchDir, "scratch.db") });
  } else {
    pglite = new PGlite();
    factory = new PrismaPGlite(pglite);
  }
  const { engine, explain } = await openSchemaEngine(schema, factory);
  try {
    if (migrations.length > 0) {
      await engine.applyMigrations({ migrationsList: toMigrationList(baseDir, lockfile, migrations), filters: NO_FILTERS });
    }
    const result = await engine.diff({
      from: migrations.length > 0 ? datasourceTarget(schema) : { tag: "empty" },
      to: datamodelTarget(schema),
      script: true,
      exitCode: true,
      filters: NO_FILTERS,
    });
    const sql = (result.stdout ?? "").trim();
    return result.exitCode === 0 || sql === "" || sql === EMPTY_MIGRATION ? null : `${sql}\n`;
  } catch (error) {
    throw explain(error);
  } finally {
    engine.free();
    await pglite?.close();
    rmSync(scratchDir, { recursive: true, force: true });
  }
}
