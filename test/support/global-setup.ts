/**
 * Before a test run: drop test databases left by runs that were killed before
 * they could drop their own (their names carry the pid of the process that made them).
 */
import pg from "pg";

import { POSTGRES_ADMIN_URL } from "./database.js";

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

export default async function dropAbandonedTestDatabases(): Promise<void> {
  const client = new pg.Client({ connectionString: POSTGRES_ADMIN_URL });
  try {
    await client.connect();
  } catch {
    return; // No server: the PostgreSQL tests will say so themselves.
  }
  try {
    const { rows } = await client.query<{ datname: string }>("SELECT datname FROM pg_database WHERE datname LIKE 'newsdesk_test_%'");
    for (const { datname } of rows) {
      const pid = Number(/^newsdesk_test_(\d+)_/.exec(datname)?.[1]);
      if (Number.isInteger(pid) && !isAlive(pid)) await client.query(`DROP DATABASE IF EXISTS "${datname}" WITH (FORCE)`);
    }
  } finally {
    await client.end();
  }
}
