/**
 * Idle memory: the compiled bot (`node dist/main.js`, as `npm start` and the Dockerfile run
 * it) started against a fake Bot API on 127.0.0.1, SQLite in a temporary directory, no feeds.
 * Prints the process's RSS (from /proc, as `ps` shows it) once it polls Telegram, and again
 * after it has stayed idle for `--idle` seconds; with `--heap-prof` the process also writes a
 * heap profile (`--heap-prof-dir`) on exit, to see which modules hold the memory.
 *
 * Build first (`npm run build`): this measures dist/, not the TypeScript sources.
 *
 *   npx tsx bench/idle.ts [--idle 30] [--runs 1] [--heap-prof /tmp/heap]
 */
import { spawn } from "node:child_process";
import { existsSync, mkdtempSync, readFileSync, rmSync } from "node:fs";
import { loadavg, tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";

import { ADMIN_CHAT_ID, CHANNEL_ID } from "../test/support/config.js";
import { closedPort, startFakeBotApi } from "../test/support/processes.js";
import { TEST_TOKEN } from "../test/support/telegram.js";

function arg(name: string, fallback: string): string {
  const index = process.argv.indexOf(`--${name}`);
  return index >= 0 ? (process.argv[index + 1] ?? fallback) : fallback;
}

const idleSeconds = Number(arg("idle", "30"));
const runs = Number(arg("runs", "1"));
const heapProfDir = arg("heap-prof", "");
const entry = fileURLToPath(new URL("../dist/main.js", import.meta.url));
if (!existsSync(entry)) throw new Error("dist/main.js is missing: run `npm run build` first");

/** Resident set size of `pid` in MB, from /proc (Linux). */
function rssMb(pid: number): number {
  const status = readFileSync(`/proc/${pid}/status`, "utf8");
  const kb = Number(/VmRSS:\s+(\d+)/.exec(status)?.[1] ?? "0");
  return kb / 1024;
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

async function measureOnce(): Promise<{ startMs: number; afterStart: number; afterIdle: number }> {
  const dir = mkdtempSync(join(tmpdir(), "newsdesk-idle-"));
  const api = await startFakeBotApi();
  try {
    const env = {
      PATH: process.env.PATH ?? "",
      HOME: process.env.HOME ?? "",
      BOT_TOKEN: TEST_TOKEN,
      CHANNEL_ID: String(CHANNEL_ID),
      ADMIN_CHAT_ID: String(ADMIN_CHAT_ID),
      DATABASE_URL: `file:${join(dir, "newsdesk.db")}`,
      PORT: String(await closedPort()),
      TELEGRAM_API_ROOT: api.url,
      LOG_FORMAT: "json",
    };
    const nodeArgs = heapProfDir ? ["--heap-prof", "--heap-prof-dir", heapProfDir] : [];
    const started = performance.now();
    const child = spawn(process.execPath, [...nodeArgs, entry], { cwd: dir, env, stdio: ["ignore", "ignore", "pipe"] });
    let stderr = "";
    child.stderr.on("data", (chunk: Buffer) => (stderr += chunk.toString("utf8")));
    const exited = new Promise<void>((resolve) => child.on("exit", () => resolve()));
    // Started: the line the bot logs once it takes updates.
    const deadline = Date.now() + 60_000;
    while (!/"msg":"(the bot is running|bot started|polling)/i.test(stderr)) {
      if (child.exitCode !== null || Date.now() > deadline) throw new Error(`the bot did not start:\n${stderr}`);
      await sleep(50);
    }
    const startMs = performance.now() - started;
    await sleep(1000);
    const afterStart = rssMb(child.pid!);
    await sleep(idleSeconds * 1000);
    const afterIdle = rssMb(child.pid!);
    child.kill("SIGTERM");
    await exited;
    return { startMs, afterStart, afterIdle };
  } finally {
    await api.close();
    rmSync(dir, { recursive: true, force: true });
  }
}

console.log(`load average ${loadavg().map((l) => l.toFixed(1)).join(" ")} on this machine`);
console.log(`idle bench: node dist/main.js, SQLite, no feeds, fake Bot API; RSS 1 s after start and after ${idleSeconds} s idle`);
const results: Awaited<ReturnType<typeof measureOnce>>[] = [];
for (let run = 0; run < runs; run++) {
  const r = await measureOnce();
  results.push(r);
  console.log(`run ${run + 1}: started in ${(r.startMs / 1000).toFixed(1)} s, RSS ${r.afterStart.toFixed(0)} MB after start, ${r.afterIdle.toFixed(0)} MB after ${idleSeconds} s`);
}
const max = (pick: (r: (typeof results)[number]) => number) => Math.max(...results.map(pick));
console.log(`idle: RSS ${max((r) => r.afterStart).toFixed(0)} MB after start, ${max((r) => r.afterIdle).toFixed(0)} MB after ${idleSeconds} s (worst of ${runs})`);
