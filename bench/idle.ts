/**
 * Idle memory: the compiled bot, started exactly as `npm start` starts it (package.json's `start`
 * script: its environment variables, node flags and entry; the Dockerfile's CMD runs the same)
 * against a fake Bot API on 127.0.0.1, SQLite in a temporary directory, no feeds.
 * Prints the process's RSS (from /proc, as `ps` shows it) once it polls Telegram, and again
 * after it has stayed idle for `--idle` seconds, for the first start (which creates and migrates
 * the database) and for a restart on that database (the usual case, and the figure reported); with `--heap-prof` the process also writes a
 * heap profile (`--heap-prof-dir`) on exit, to see which modules hold the memory.
 *
 * Build first (`npm run build`): this measures dist/, not the TypeScript sources.
 *
 * `--start "<command>"` measures another command line instead (`--start "node dist/main.js"`: the
 * bot without the start script's flags).
 *
 *   npx tsx bench/idle.ts [--idle 30] [--runs 1] [--heap-prof /tmp/heap] [--start "<command>"]
 */
import { spawn } from "node:child_process";
import { existsSync, mkdtempSync, readFileSync, rmSync } from "node:fs";
import { loadavg, tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";

import { ADMIN_CHAT_ID, CHANNEL_ID } from "../test/support/config.js";
import { closedPort, startFakeBotApi } from "../test/support/processes.js";
import { TEST_TOKEN } from "../test/support/telegram.js";
import { parseStartCommand, readStartScript } from "./lib/start-script.js";

function arg(name: string, fallback: string): string {
  const index = process.argv.indexOf(`--${name}`);
  return index >= 0 ? (process.argv[index + 1] ?? fallback) : fallback;
}

const idleSeconds = Number(arg("idle", "30"));
const runs = Number(arg("runs", "1"));
const heapProfDir = arg("heap-prof", "");
const root = fileURLToPath(new URL("..", import.meta.url));
if (!existsSync(join(root, "dist", "main.js"))) throw new Error("dist/main.js is missing: run `npm run build` first");

const startScript = readStartScript(root);
const start = parseStartCommand(arg("start", startScript));

/**
 * Resident set size of `pid` in MB, from /proc (Linux): all of it, the anonymous part (V8's heap,
 * malloc's arenas, WASM memory) and the file-backed part (the node binary and libraries' pages).
 */
function rssMb(pid: number): { rss: number; anon: number; file: number } {
  const status = readFileSync(`/proc/${pid}/status`, "utf8");
  const kb = (field: string) => Number(new RegExp(`${field}:\\s+(\\d+)`).exec(status)?.[1] ?? "0");
  return { rss: kb("VmRSS") / 1024, anon: kb("RssAnon") / 1024, file: (kb("RssFile") + kb("RssShmem")) / 1024 };
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

type Rss = ReturnType<typeof rssMb>;

/** Starts the bot on `dir`'s database, waits until it polls, measures, stops it. */
async function measureStart(dir: string): Promise<{ startMs: number; afterStart: Rss; afterIdle: Rss }> {
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
      ...start.env,
    };
    const profile = heapProfDir ? ["--heap-prof", "--heap-prof-dir", heapProfDir] : [];
    const started = performance.now();
    const child = spawn(process.execPath, [...profile, ...start.nodeFlags, join(root, start.entry)], { cwd: dir, env, stdio: ["ignore", "ignore", "pipe"] });
    let stderr = "";
    child.stderr.on("data", (chunk: Buffer) => (stderr += chunk.toString("utf8")));
    const exited = new Promise<void>((resolve) => child.on("exit", () => resolve()));
    // Started: the line the bot logs once it takes updates.
    const deadline = Date.now() + 120_000;
    while (!/"msg":"(long polling started|webhook set)"/.test(stderr)) {
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
  }
}

const mb = (r: Rss) => `${r.rss.toFixed(0)} MB (${r.anon.toFixed(0)} MB anonymous, ${r.file.toFixed(0)} MB file-backed)`;

console.log(`load average ${loadavg().map((l) => l.toFixed(1)).join(" ")} on this machine`);
console.log(`idle bench: ${arg("start", startScript)}, SQLite, no feeds, fake Bot API; RSS 1 s after start and after ${idleSeconds} s idle`);
const worst = { afterStart: 0, afterIdle: 0 };
for (let run = 0; run < runs; run++) {
  const dir = mkdtempSync(join(tmpdir(), "newsdesk-idle-"));
  try {
    // The first start creates and migrates the database (Prisma's schema engine); a restart does not.
    for (const kind of ["first start (new database)", "restart"]) {
      const r = await measureStart(dir);
      if (kind === "restart") {
        worst.afterStart = Math.max(worst.afterStart, r.afterStart.rss);
        worst.afterIdle = Math.max(worst.afterIdle, r.afterIdle.rss);
      }
      console.log(`run ${run + 1}, ${kind}: polling after ${(r.startMs / 1000).toFixed(1)} s, RSS ${mb(r.afterStart)} after start, ${mb(r.afterIdle)} after ${idleSeconds} s`);
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
console.log(`idle: RSS ${worst.afterStart.toFixed(0)} MB after a restart, ${worst.afterIdle.toFixed(0)} MB after ${idleSeconds} s idle (worst of ${runs})`);
