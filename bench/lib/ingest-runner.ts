/**
 * The measured side of bench/ingest.ts: one run of `ingestAllFeeds` from the compiled code in
 * dist/ (as production runs it), in a process of its own so that its peak RSS is the ingester's
 * and not the benchmark's feed server's. bench/ingest.ts transpiles this file to plain JavaScript
 * and starts it with `node`; everything it runs is loaded from dist/ (the type imports below are
 * erased). Input: DATABASE_URL (migrated, feeds added) and DIST_URL in the environment. Output:
 * one JSON line on stdout.
 */
import type * as AppJobs from "../../src/app/create-jobs.js";
import type * as AppServices from "../../src/app/create-services.js";
import type * as Config from "../../src/config.js";
import type * as DbClient from "../../src/db/client.js";
import type * as DatabaseUrl from "../../src/db/database-url.js";
import type * as IngestFeeds from "../../src/ingest/ingest-feeds.js";
import type * as LoggerModule from "../../src/logger.js";

const dist = process.env.DIST_URL!;
const load = <T>(path: string): Promise<T> => import(new URL(path, dist).href) as Promise<T>;

const { createConfig } = await load<typeof Config>("config.js");
const { openDatabase } = await load<typeof DbClient>("db/client.js");
const { parseDatabaseUrl } = await load<typeof DatabaseUrl>("db/database-url.js");
const { createServices } = await load<typeof AppServices>("app/create-services.js");
const { createIngestDeps } = await load<typeof AppJobs>("app/create-jobs.js");
const { ingestAllFeeds } = await load<typeof IngestFeeds>("ingest/ingest-feeds.js");
const { createLogger } = await load<typeof LoggerModule>("logger.js");

const url = process.env.DATABASE_URL!;
const logger = createLogger({ level: "silent" });
const db = await openDatabase(parseDatabaseUrl(url));
const config = createConfig({ ...process.env, DATABASE_URL: url, ALLOW_PRIVATE_URLS: "true", LOG_LEVEL: "silent" }, "cli");
// Every feed has its own host name (feed7.bench.test), all of them this machine.
const services = createServices({ config, logger, db, fetcherDeps: { lookup: () => Promise.resolve([{ address: "127.0.0.1", family: 4 }]) } });
try {
  const started = performance.now();
  const cpuBefore = process.cpuUsage();
  const report = await ingestAllFeeds(createIngestDeps({ services, admin: { notify: () => Promise.resolve(false) }, logger }));
  const seconds = (performance.now() - started) / 1000;
  // CPU time of all threads (user + system): less at the mercy of other processes than the wall clock.
  const cpu = process.cpuUsage(cpuBefore);
  const cpuSeconds = (cpu.user + cpu.system) / 1e6;
  const errors = report.results.flatMap((r) => (r.error ? [r.error] : []));
  // maxRSS is in kilobytes: the peak of this whole process (main thread and extraction threads).
  const peakRssMb = Math.round(process.resourceUsage().maxRSS / 1024);
  console.log(JSON.stringify({ seconds, cpuSeconds, failed: report.failed, stored: report.stored, errors, peakRssMb }));
} finally {
  await services.fetcher.close();
  await services.extractor.close();
  await db.close();
}
