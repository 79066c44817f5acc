/**
 * Real processes for the stories about starting and stopping: `npm start` and the CLI
 * run as the operator runs them (node with tsx), against a fake Telegram and feeds served
 * by small HTTP servers on 127.0.0.1 (msw cannot reach another process).
 */
import { spawn, type ChildProcess } from "node:child_process";
import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { fileURLToPath } from "node:url";

import { BOT_INFO, TEST_TOKEN } from "./telegram.js";

const TSX_LOADER = fileURLToPath(new URL("../../node_modules/tsx/dist/loader.mjs", import.meta.url));
const ENTRY = { bot: "../../src/main.ts", cli: "../../src/cli/main.ts" } as const;

export interface RunningProcess {
  child: ChildProcess;
  /** Everything written to stderr so far. */
  stderr(): string;
  stdout(): string;
  /** Resolves when stderr has a line matching `pattern` (rejects after `timeoutMs`). */
  waitForLine(pattern: RegExp, timeoutMs?: number): Promise<string>;
  /** Resolves with the exit code (null when killed by a signal) and how long after `since` it came. */
  exited: Promise<{ code: number | null; at: number }>;
}

/** Starts `npm start` or a CLI command with exactly `env` (plus PATH/HOME) in `cwd`. */
export function startProcess(kind: keyof typeof ENTRY, args: string[], env: Record<string, string>, cwd: string): RunningProcess {
  const entry = fileURLToPath(new URL(ENTRY[kind], import.meta.url));
  const child = spawn(process.execPath, ["--import", TSX_LOADER, entry, ...args], {
    cwd,
    env: { PATH: process.env.PATH ?? "", HOME: process.env.HOME ?? "", ...env },
    stdio: ["ignore", "pipe", "pipe"],
  });
  let stderr = "";
  let stdout = "";
  const waiters: { pattern: RegExp; resolve: (line: string) => void }[] = [];
  const check = () => {
    for (const waiter of [...waiters]) {
      const line = stderr.split("\n").find((l) => waiter.pattern.test(l));
      if (line !== undefined) {
        waiters.splice(waiters.indexOf(waiter), 1);
        waiter.resolve(line);
      }
    }
  };
  child.stderr?.on("data", (chunk: Buffer) => {
    stderr += chunk.toString("utf8");
    check();
  });
  child.stdout?.on("data", (chunk: Buffer) => (stdout += chunk.toString("utf8")));
  const exited = new Promise<{ code: number | null; at: number }>((resolve) => child.on("exit", (code) => resolve({ code, at: Date.now() })));
  return {
    child,
    stderr: () => stderr,
    stdout: () => stdout,
    waitForLine: (pattern, timeoutMs = 40_000) =>
      new Promise<string>((resolve, reject) => {
        const timer = setTimeout(() => reject(new Error(`no line matching ${String(pattern)} within ${timeoutMs} ms; stderr:\n${stderr}`)), timeoutMs);
        waiters.push({
          pattern,
          resolve: (line) => {
            clearTimeout(timer);
            resolve(line);
          },
        });
        check();
      }),
    exited,
  };
}

/** An HTTP server on 127.0.0.1 with one handler; `url` is its base address. */
export async function startHttpServer(handler: (req: IncomingMessage, res: ServerResponse) => void): Promise<{ url: string; port: number; server: Server; close(): Promise<void> }> {
  const server = createServer(handler);
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    port,
    server,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

/** How the fake answers a method for now: as Telegram does (null), or with this status and body. */
export type FakeAnswer = { status: number; body: unknown } | null;

/**
 * A fake Bot API: answers like Telegram for a bot that may post everywhere, or 401 to
 * everything when `rejectToken` (a token Telegram does not know). Long polls end after a second;
 * `answer` may answer a method otherwise (a 409 conflict, a gateway's 502) while it returns one.
 * `sent` holds the sendMessage payloads.
 */
export async function startFakeBotApi(options: { rejectToken?: boolean; answer?: (method: string) => FakeAnswer } = {}) {
  const sent: Array<Record<string, unknown>> = [];
  const server = await startHttpServer((req, res) => {
    const method = (req.url ?? "").split("/").pop() ?? "";
    const answer = (status: number, body: unknown) => {
      res.writeHead(status, { "content-type": "application/json" });
      res.end(JSON.stringify(body));
    };
    if (options.rejectToken || !(req.url ?? "").startsWith(`/bot${TEST_TOKEN}/`)) {
      answer(401, { ok: false, error_code: 401, description: "Unauthorized" });
      return;
    }
    const other = options.answer?.(method);
    if (other) return answer(other.status, other.body);
    switch (method) {
      case "getMe":
        return answer(200, { ok: true, result: BOT_INFO });
      case "getUpdates": {
        setTimeout(() => answer(200, { ok: true, result: [] }), 1000);
        return;
      }
      case "getChatMember":
        return answer(200, { ok: true, result: { status: "administrator", user: BOT_INFO, can_post_messages: true, can_be_edited: false } });
      case "sendMessage": {
        let body = "";
        req.on("data", (chunk: Buffer) => (body += chunk.toString("utf8")));
        req.on("end", () => {
          sent.push(JSON.parse(body || "{}") as Record<string, unknown>);
          answer(200, { ok: true, result: { message_id: sent.length, date: 0, chat: { id: 1, type: "channel" }, text: "" } });
        });
        return;
      }
      default:
        return answer(200, { ok: true, result: true });
    }
  });
  return { ...server, sent };
}

/** A port nothing listens on (taken and given back at once). */
export async function closedPort(): Promise<number> {
  const probe = await startHttpServer(() => undefined);
  await probe.close();
  return probe.port;
}
