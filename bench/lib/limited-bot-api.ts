/**
 * A Bot API that answers sendMessage and enforces Telegram's limits the way a strict
 * server would: a 429 with retry_after when more than `perSecond` messages arrived in
 * the last second overall, or a chat got two messages closer than `perChatMs`.
 *
 * It runs in its own thread, as Telegram runs on its own servers: the arrival times it
 * stamps are not delayed by the bot's own work on the main thread (better-sqlite3 writes
 * are synchronous), which would otherwise bunch up messages sent evenly. It is a real
 * HTTP server on 127.0.0.1, so grammY's real client, keep-alive and JSON are measured.
 */
import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { isMainThread, parentPort, Worker, workerData } from "node:worker_threads";

export interface LimitedBotApiStats {
  accepted: number;
  /** 429s: more than the overall limit in a second, or two messages to one chat too close. */
  floods: { overall: number; perChat: number };
  /** Arrival times (ms) of accepted messages. */
  times: number[];
  /** Payload fields of the first accepted message (to see what the bot sends). */
  firstPayload: Record<string, unknown> | null;
}

interface Limits {
  perSecond: number;
  perChatMs: number;
}

function serve({ perSecond, perChatMs }: Limits): void {
  const accepted: number[] = [];
  let oldest = 0;
  const lastByChat = new Map<string, number>();
  const stats: LimitedBotApiStats = { accepted: 0, floods: { overall: 0, perChat: 0 }, times: [], firstPayload: null };
  let messageId = 0;
  const answer = (res: ServerResponse, status: number, body: unknown) => {
    const text = JSON.stringify(body);
    res.writeHead(status, { "content-type": "application/json", "content-length": Buffer.byteLength(text) });
    res.end(text);
  };
  const server = createServer((req: IncomingMessage, res: ServerResponse) => {
    const chunks: Buffer[] = [];
    req.on("data", (chunk: Buffer) => chunks.push(chunk));
    req.on("end", () => {
      const now = performance.now();
      if (!req.url?.endsWith("/sendMessage")) return answer(res, 404, { ok: false, error_code: 404, description: "Not Found" });
      const payload = JSON.parse(Buffer.concat(chunks).toString("utf8") || "{}") as { chat_id?: number | string; text?: string };
      const chat = String(payload.chat_id);
      while (oldest < accepted.length && accepted[oldest]! <= now - 1000) oldest++;
      const chatLast = lastByChat.get(chat);
      const overall = accepted.length - oldest >= perSecond;
      if (overall || (chatLast !== undefined && now - chatLast < perChatMs)) {
        if (overall) stats.floods.overall++;
        else stats.floods.perChat++;
        return answer(res, 429, { ok: false, error_code: 429, description: "Too Many Requests: retry after 1", parameters: { retry_after: 1 } });
      }
      accepted.push(now);
      lastByChat.set(chat, now);
      stats.accepted++;
      stats.firstPayload ??= payload;
      answer(res, 200, { ok: true, result: { message_id: ++messageId, date: Math.floor(Date.now() / 1000), chat: { id: payload.chat_id, type: "private" }, text: payload.text } });
    });
  });
  server.listen(0, "127.0.0.1", () => parentPort!.postMessage({ port: (server.address() as AddressInfo).port }));
  parentPort!.on("message", (message: "stats" | "close") => {
    if (message === "stats") parentPort!.postMessage({ stats: { ...stats, times: accepted } });
    else server.close(() => parentPort!.close());
  });
}

if (!isMainThread && (workerData as { limitedBotApi?: Limits } | null)?.limitedBotApi) {
  serve((workerData as { limitedBotApi: Limits }).limitedBotApi);
}

/** Starts the fake in a worker thread; `stats()` reads what it saw (times on the worker's clock). */
export async function startLimitedBotApi(limits: Limits) {
  // The worker registers tsx itself, then loads this file (however this process was started).
  const boot = `import(${JSON.stringify(import.meta.resolve("tsx/esm/api"))}).then((tsx) => { tsx.register(); return import(${JSON.stringify(import.meta.url)}); })`;
  const worker = new Worker(boot, { eval: true, workerData: { limitedBotApi: limits } });
  const next = <T>() => new Promise<T>((resolve, reject) => {
    worker.once("message", resolve);
    worker.once("error", reject);
  });
  const { port } = await next<{ port: number }>();
  return {
    port,
    async stats(): Promise<LimitedBotApiStats> {
      const answer = next<{ stats: LimitedBotApiStats }>();
      worker.postMessage("stats");
      return (await answer).stats;
    },
    async close(): Promise<void> {
      const exited = new Promise<void>((resolve) => worker.once("exit", () => resolve()));
      worker.postMessage("close");
      await exited;
    },
  };
}
