/**
 * Real databases for tests: a fresh SQLite file, or a fresh PostgreSQL database
 * created on the local server and dropped afterwards. Migrated like production.
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

/** The server the PostgreSQL tests create their databases on. */
export const POSTGRES_ADMIN_URL = process.env.TEST_POSTGRES_URL ?? "postgresql://postgres@127.0.0.1:5432/postgres";

export interface TestDatabase {
  provider: Provider;
  url: string;
  open(): Promise<Database>;
  drop(): Promise<void>;
}

/** Creates an empty database (not yet migrated: `open()` migrates, as every entry point does). */
export async function createTestDatabase(provider: Provider): Promise<TestDatabase> {
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
  const admin = new pg.Client({ connectionString: POSTGRES_ADMIN_URL });
  await admin.connect();
  try {
    await admin.query(`CREATE DATABASE "${name}"`);
  } finally {
    await admin.end();
  }
  const url = new URL(POSTGRES_ADMIN_URL);
  url.pathname = `/${name}`;
  return {
    provider,
    url: url.toString(),
    open: () => openDatabase(parseDatabaseUrl(url.toString())),
    drop: async () => {
      const client = new pg.Client({ connectionString: POSTGRES_ADMIN_URL });
      await client.connect();
      try {
        await client.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
      } finally {
        await client.end();
      }
    },
  };
}
