/**
 * Once per test run: choose the PostgreSQL server (TEST_POSTGRES_URL, the local
 * server, else one started here; see start-test-postgres.ts), say which in one line,
 * hand its URL to every test file (setup.ts), and stop it when the run ends.
 */
import pg from "pg";
import type { TestProject } from "vitest/node";

import { isProcessAlive, startTestPostgres } from "./start-test-postgres.js";

/** Lets a test run this set-up against a port that is surely closed (test/support/start-test-postgres.test.ts). */
export const LOCAL_POSTGRES_URL_OVERRIDE = "NEWSDESK_TEST_LOCAL_POSTGRES_URL";

export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  const postgres = await startTestPostgres({
    configuredUrl: process.env.TEST_POSTGRES_URL || undefined,
    localUrl: process.env[LOCAL_POSTGRES_URL_OVERRIDE] || undefined,
  });
  console.log(postgres.description);
  try {
    await dropAbandonedTestDatabases(postgres.url);
  } catch (error) {
    await postgres.stop();
    throw error;
  }
  project.provide("testPostgresUrl", postgres.url);
  return () => postgres.stop();
}

/**
 * Test databases left by runs that were killed before they could drop their own
 * (their names carry the pid of the process that made them).
 */
async function dropAbandonedTestDatabases(url: string): Promise<void> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    const { rows } = await client.query<{ datname: string }>("SELECT datname FROM pg_database WHERE datname LIKE 'newsdesk_test_%'");
    for (const { datname } of rows) {
      const pid = Number(/^newsdesk_test_(\d+)_/.exec(datname)?.[1]);
      if (Number.isInteger(pid) && !isProcessAlive(pid)) await client.query(`DROP DATABASE IF EXISTS "${datname}" WITH (FORCE)`);
    }
  } finally {
    await client.end();
  }
}
