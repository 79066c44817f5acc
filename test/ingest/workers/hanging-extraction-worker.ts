/**
 * The real extraction worker, except that a page (or a feed item's title) containing HANG_MARKER never finishes: a
 * stand-in for the worst page anyone will build, so time-limit tests do not depend on how fast
 * the machine is.
 */
import { parentPort } from "node:worker_threads";

import runPooledTask, { type PooledTask } from "../../../src/ingest/workers/extraction-worker.js";

/** Put this in a page's HTML to make its extraction run until the pool aborts it. */
export const HANG_MARKER = "<!-- extraction never ends -->";

export default function runOrHang(pooled: PooledTask): ReturnType<typeof runPooledTask> {
  const { task } = pooled;
  const sources = task.kind === "build-article" ? [task.source] : task.kind === "build-articles" ? task.sources : [];
  if (sources.some((source) => source.html?.includes(HANG_MARKER) || source.item?.title.includes(HANG_MARKER))) {
    parentPort?.postMessage({ started: pooled.id });
    for (;;) {
      // Busy, like a regular expression that backtracks forever: only terminating the thread stops it.
    }
  }
  return runPooledTask(pooled);
}
