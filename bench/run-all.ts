/**
 * `npm run bench`: every benchmark, one after the other, each in its own process
 * so that peak memory is measured per benchmark. Numbers are printed, never asserted.
 */
import { spawnSync } from "node:child_process";
import { existsSync } from "node:fs";
import { fileURLToPath } from "node:url";

const benches = [
  ["article extraction", "bench/extract.ts"],
  ["summaries (ROUGE-1)", "bench/summary.ts"],
  ["ingest throughput", "bench/ingest.ts"],
  ["hostile input (event-loop delay)", "bench/hostile.ts"],
  ["reader commands", "bench/readers.ts"],
  ["alert delivery", "bench/alerts.ts"],
  ["freshness (publication to channel)", "bench/freshness.ts"],
  ["idle memory of the bot (needs npm run build)", "bench/idle.ts"],
  ["CLI start-up (needs npm run build)", "bench/cli-start.ts"],
  ["database size and retention", "bench/retention.ts"],
] as const;

const root = fileURLToPath(new URL("..", import.meta.url));
let failed = 0;
for (const [name, file] of benches) {
  if (!existsSync(new URL(`../${file}`, import.meta.url))) continue;
  console.log(`\n=== ${name} (${file})`);
  const result = spawnSync(process.execPath, ["--import", "tsx", file], { cwd: root, stdio: "inherit" });
  if (result.status !== 0) {
    failed++;
    console.log(`${file} exited with ${result.status}`);
  }
}
process.exitCode = failed > 0 ? 1 : 0;
