/**
 * A stand-in for the extraction worker whose every task answers with the id of the thread that
 * ran it, so a test can tell a thread kept from a fresh one.
 */
import { parentPort, threadId } from "node:worker_threads";

import type { PooledTask, TaskStarted } from "../../../src/ingest/workers/extraction-worker.js";

export default function answerThreadId({ id }: PooledTask): number {
  parentPort?.postMessage({ started: id } satisfies TaskStarted);
  return threadId;
}
