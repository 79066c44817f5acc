/**
 * The database benchmarks' PostgreSQL, found as the tests find theirs (TEST_POSTGRES_URL,
 * the local server, else an embedded one started for the benchmark), with fsync on so
 * the numbers mean something. Prints which server it is.
 */
import type { Provider } from "../../src/db/schema-files.js";
import { useTestPostgres } from "../../test/support/database.js";
import { startTestPostgres, type TestPostgres } from "../../test/support/start-test-postgres.js";

/** Chooses the server when `providers` include PostgreSQL; `stop()` it when the benchmark ends. */
export async function useBenchPostgres(providers: readonly Provider[]): Promise<Pick<TestPostgres, "stop">> {
  if (!providers.includes("postgresql")) return { stop: () => Promise.resolve() };
  const postgres = await startTestPostgres({ configuredUrl: process.env.TEST_POSTGRES_URL || undefined, durable: true });
  console.log(postgres.description.replace("for tests", "for this benchmark"));
  useTestPostgres(postgres.url);
  return postgres;
}
