/**
 * The committed migrations are the schema: for each provider the schema engine
 * finds nothing to add, they apply cleanly (recorded in _prisma_migrations as
 * `prisma migrate deploy` would), and several processes starting at once are safe.
 */
import { afterEach, describe, expect, it } from "vitest";

import { readFileSync } from "node:fs";

import { migrateDatabase, readMigrations, readProviderSchema } from "../../src/db/migrations.js";
import { parseDatabaseUrl } from "../../src/db/database-url.js";
import { PROVIDERS, providerSchemaText } from "../../src/db/schema-files.js";
import { diffSchemaAgainstMigrations } from "../../scripts/lib/migration-diff.js";
import { createTestDatabase, TEST_PROVIDERS, type TestDatabase } from "../support/database.js";

describe.each(PROVIDERS)("%s migrations", (provider) => {
  it("produce exactly the schema (the schema engine's diff is empty)", { timeout: 120_000 }, async () => {
    expect(await diffSchemaAgainstMigrations(provider)).toBeNull();
  });

  it("use a schema file generated from prisma/models.prisma (run `npm run db:generate` after editing it)", () => {
    const models = readFileSync(new URL("../../prisma/models.prisma", import.meta.url), "utf8");
    expect(readProviderSchema(provider)).toBe(providerSchemaText(provider, models));
  });
});

describe.each(TEST_PROVIDERS)("migrating a %s database", (provider) => {
  let database: TestDatabase;
  afterEach(async () => database.drop());

  it("applies every migration once, even when several processes start at the same moment", async () => {
    database = await createTestDatabase(provider);
    const target = parseDatabaseUrl(database.url);
    const runs = await Promise.all([migrateDatabase(target), migrateDatabase(target), migrateDatabase(target)]);
    const names = readMigrations(provider).migrations.map((m) => m.name);
    expect(runs.flat().sort()).toEqual(names);
    expect(await migrateDatabase(target)).toEqual([]);

    const db = await database.open();
    try {
      const recorded = await db.prisma.$queryRawUnsafe<{ migration_name: string; finished_at: unknown }[]>(
        "SELECT migration_name, finished_at FROM _prisma_migrations ORDER BY migration_name",
      );
      expect(recorded.map((r) => r.migration_name)).toEqual(names);
      expect(recorded.every((r) => r.finished_at !== null)).toBe(true);
    } finally {
      await db.close();
    }
  });
});
