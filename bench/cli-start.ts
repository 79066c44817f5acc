/**
 * CLI start-up: wall-clock time of read-only commands of the compiled CLI (`node
 * dist/cli/main.js`, as `npm run cli` runs it) on a SQLite database that is already
 * migrated (the first command's migration is not counted), median and worst of `--runs`.
 * The machine's load average is printed: on a busy box the wall clock mostly measures
 * waiting for a core.
 *
 * Build first (`npm run build`): this measures dist/, not the TypeScript sources.
 *
 *   npx tsx bench/cli-start.ts [--runs 10]
 */
import { spawnSync } from "node:child_process";
import { existsSync, mkdtempSync, rmSync } from "node:fs";
import { loadavg, tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";

function arg(name: string, fallback: string): string {
  const index = process.argv.indexOf(`--${name}`);
  return index >= 0 ? (process.argv[index + 1] ?? fallback) : fallback;
}

const runs = Number(arg("runs", "10"));
const entry = fileURLToPath(new URL("../dist/cli/main.js", import.meta.url));
if (!existsSync(entry)) throw new Error("dist/cli/main.js is missing: run `npm run build` first");

const dir = mkdtempSync(join(tmpdir(), "newsdesk-cli-start-"));
const env = { PATH: process.env.PATH ?? "", HOME: process.env.HOME ?? "", DATABASE_URL: `file:${join(dir, "newsdesk.db")}`, LOG_FORMAT: "json" };

function run(args: string[]): number {
  const started = performance.now();
  const result = spawnSync(process.execPath, [entry, ...args], { cwd: dir, env, encoding: "utf8" });
  const ms = performance.now() - started;
  if (result.status !== 0) throw new Error(`cli ${args.join(" ")} exited with ${result.status}:\n${result.stderr}`);
  return ms;
}

try {
  run(["db", "migrate"]);
  console.log(`load average ${loadavg().map((l) => l.toFixed(1)).join(" ")} on this machine`);
  const lines: string[] = [];
  for (const args of [["--version"], ["--help"], ["feeds", "list"], ["posts", "list"]]) {
    const times = Array.from({ length: runs }, () => run(args)).sort((a, b) => a - b);
    const median = times[Math.floor(times.length / 2)]!;
    const line = `\`${args.join(" ")}\` median ${(median / 1000).toFixed(2)} s, worst ${(times.at(-1)! / 1000).toFixed(2)} s`;
    console.log(`${line} (${runs} runs)`);
    lines.push(line);
  }
  console.log(`cli start: ${lines.join("; ")}; load average ${loadavg()[0]!.toFixed(1)}`);
} finally {
  rmSync(dir, { recursive: true, force: true });
}
