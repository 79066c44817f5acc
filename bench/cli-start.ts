/**
 * CLI start-up: wall-clock time of read-only commands of the compiled CLI, run as `npm run cli`
 * runs it (package.json's `cli` script: node, its flags, dist/cli/main.js; npm's own start-up is not counted) on a SQLite database that is already
 * migrated (the first command's migration is not counted) and holds a few feeds, topics and
 * posts (so the lines are formatted, not just "no feeds yet"), median and worst of `--runs`.
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

import type { openDatabase } from "../src/db/client.js";
import { parseStartCommand, readStartScript } from "./lib/start-script.js";

function arg(name: string, fallback: string): string {
  const index = process.argv.indexOf(`--${name}`);
  return index >= 0 ? (process.argv[index + 1] ?? fallback) : fallback;
}

const runs = Number(arg("runs", "10"));
const root = fileURLToPath(new URL("..", import.meta.url));
const cliScript = parseStartCommand(readStartScript(root, "cli"));
const entry = join(root, cliScript.entry);
const node = [process.execPath, ...cliScript.nodeFlags];
if (!existsSync(entry)) throw new Error("dist/cli/main.js is missing: run `npm run build` first");

const dir = mkdtempSync(join(tmpdir(), "newsdesk-cli-start-"));
const env = { ...cliScript.env, PATH: process.env.PATH ?? "", HOME: process.env.HOME ?? "", DATABASE_URL: `file:${join(dir, "newsdesk.db")}`, LOG_FORMAT: "json" };

/** GNU time, when the machine has it, also gives the CPU time a command used: unlike the wall clock, load barely moves it. */
const TIME = "/usr/bin/time";
const withCpu = existsSync(TIME);

/** Wall-clock and (when known) CPU milliseconds of one command. */
function run(args: string[]): { wall: number; cpu: number | null } {
  const started = performance.now();
  const [command, commandArgs] = withCpu ? [TIME, ["-f", "cpu %U %S", ...node, entry, ...args]] : [node[0]!, [...node.slice(1), entry, ...args]];
  const result = spawnSync(command, commandArgs, { cwd: dir, env, encoding: "utf8" });
  const wall = performance.now() - started;
  if (result.status !== 0) throw new Error(`cli ${args.join(" ")} exited with ${result.status}:\n${result.stderr}`);
  const times = /^cpu ([\d.]+) ([\d.]+)$/m.exec(result.stderr);
  return { wall, cpu: times ? (Number(times[1]) + Number(times[2])) * 1000 : null };
}

/** Three feeds, two topics and two posts (one sent, one queued), written through the compiled client. */
async function seed(): Promise<void> {
  const { openDatabase: open } = (await import(new URL("../dist/db/client.js", import.meta.url).href)) as { openDatabase: typeof openDatabase };
  const db = await open({ provider: "sqlite", url: env.DATABASE_URL, filePath: join(dir, "newsdesk.db"), isDefault: false }, { migrate: false });
  try {
    const { prisma } = db;
    const now = new Date();
    for (const n of [1, 2, 3]) await prisma.feed.create({ data: { url: `https://news${n}.example/feed.xml`, title: `News ${n}`, lastSuccessAt: now, primedAt: now } });
    for (const slug of ["asia", "europe"]) await prisma.topic.create({ data: { slug, name: slug, createdByEditor: true } });
    for (const [n, status] of [[1, "sent"], [2, "queued"]] as const) {
      const article = await prisma.article.create({ data: { url: `https://news1.example/story-${n}`, headline: `Story ${n}`, feedId: 1, topics: { create: [{ topicId: 1 }] } } });
      await prisma.channelPost.create({ data: { articleId: article.id, status, ...(status === "sent" ? { sentAt: now, telegramMessageId: 10n } : {}) } });
    }
  } finally {
    await db.close();
  }
}

try {
  run(["db", "migrate"]);
  await seed();
  console.log(`load average ${loadavg().map((l) => l.toFixed(1)).join(" ")} on this machine`);
  const lines: string[] = [];
  const commands = [["--version"], ["--help"], ["feeds", "list"], ["topics", "list"], ["posts", "list"], ["posts", "show", "1"], ["posts", "list", "--json"], ["status"]];
  for (const args of commands) {
    const measured = Array.from({ length: runs }, () => run(args));
    const walls = measured.map((m) => m.wall).sort((a, b) => a - b);
    const cpus = measured.flatMap((m) => (m.cpu === null ? [] : [m.cpu])).sort((a, b) => a - b);
    const cpu = cpus.length > 0 ? `, cpu ${(cpus[Math.floor(cpus.length / 2)]! / 1000).toFixed(2)} s` : "";
    const line = `\`${args.join(" ")}\` median ${(walls[Math.floor(walls.length / 2)]! / 1000).toFixed(2)} s, worst ${(walls.at(-1)! / 1000).toFixed(2)} s${cpu}`;
    console.log(`${line} (${runs} runs)`);
    lines.push(line);
  }
  console.log(`cli start: ${lines.join("; ")}; load average ${loadavg()[0]!.toFixed(1)}`);
} finally {
  rmSync(dir, { recursive: true, force: true });
}
