/**
 * The extraction pool's thread: runs one task at a time and says when it starts, so the pool's
 * time limit counts the task's own work, not its wait in the queue or the thread's start-up.
 */
import { parentPort } from "node:worker_threads";

import { runExtractionTask, type ExtractionTask } from "./extraction-tasks.js";

/** A task as the pool sends it: the task and the id its start is reported under. */
export interface PooledTask {
  id: number;
  task: ExtractionTask;
}

/** The message a thread posts when it starts a task. */
export interface TaskStarted {
  started: number;
}

export default function runPooledTask({ id, task }: PooledTask): ReturnType<typeof runExtractionTask> {
  parentPort?.postMessage({ started: id } satisfies TaskStarted);
  return runExtractionTask(task);
}
