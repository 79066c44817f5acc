/**
 * Real databases for tests: a fresh SQLite file, or a fresh PostgreSQL database
 * created on the test server (see start-test-postgres.ts) and dropped afterwards.
 * Migrated like production.
 */
import { randomBytes } from "node:crypto";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";

import pg from "pg";

import { openDatabase, type Database } from "../../src/db/client.js";
import { parseDatabaseUrl } from "../../src/db/database-url.js";
import type { Provider } from "../../src/db/schema-files.js";

export const TEST_PROVIDERS: Provider[] = ["sqlite", "postgresql"];

let testPostgresUrl: string | undefined;

/** Names the server PostgreSQL test databases are created on: the global set-up's choice in tests, a benchmark's own. */
export function useTestPostgres(url: string): void {
  testPostgresUrl = url;
}

export interface TestDatabase {
  provider: Provider;
  url: string;
  open(): Promise<Database>;
  drop(): Promise<void>;
}

/** Creates an empty database (not yet migrated: `open()` migrates, as every entry point does). */
export async function createTestDatabase(provider: Provider, postgresUrl = testPostgresUrl): Promise<TestDatabase> {
  const name = `newsdesk_test_${process.pid}_${randomBytes(4).toString("hex")}`;
  if (provider === "sqlite") {
    const dir = mkdtempSync(join(tmpdir(), "newsdesk-test-"));
    const url = `file:${join(dir, `${name}.db`)}`;
    return {
      provider,
      url,
      open: () => openDatabase(parseDatabaseUrl(url)),
      drop: () => Promise.resolve(rmSync(dir, { recursive: true, force: true })),
    };
  }
  if (!postgresUrl) throw new Error("No PostgreSQL server for tests: run them with vitest (its global set-up finds one) or call useTestPostgres");
  const admin = new pg.Client({ connectionString: postgresUrl });
  await admin.connect();
  try {
    await admin.query(`CREATE DATABASE "${name}"`);
  } finally {
    await admin.end();
  }
  const url = new URL(postgresUrl);
  url.pathname = `/${name}`;
  return {
    provider,
    url: url.toString(),
    open: () => openDatabase(parseDatabaseUrl(url.toString())),
    drop: async () => {
      const client = new pg.Client({ connectionString: postgresUrl });
      await client.connect();
      try {
        await client.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
      } finally {
        await client.end();
      }
    },
  };
}
