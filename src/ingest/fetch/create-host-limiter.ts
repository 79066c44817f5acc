/** Runs tasks with at most a fixed number in flight per host; the rest wait in order. */
export interface HostLimiter {
  /** Runs `task` once a slot for `host` is free; rejects with the signal's reason if it aborts while waiting. */
  run<T>(host: string, task: () => Promise<T>, signal?: AbortSignal): Promise<T>;
}

interface HostState {
  active: number;
  waiting: Array<() => void>;
}

/** Creates a per-host semaphore: politeness towards each publisher, not a global rate limit. */
export function createHostLimiter(limit: number): HostLimiter {
  const hosts = new Map<string, HostState>();

  function acquire(host: string, signal?: AbortSignal): Promise<void> {
    let state = hosts.get(host);
    if (!state) {
      state = { active: 0, waiting: [] };
      hosts.set(host, state);
    }
    if (signal?.aborted) return Promise.reject(abortReason(signal));
    if (state.active < limit) {
      state.active += 1;
      return Promise.resolve();
    }
    const current = state;
    return new Promise<void>((resolve, reject) => {
      const grant = () => {
        signal?.removeEventListener("abort", onAbort);
        current.active += 1;
        resolve();
      };
      const onAbort = () => {
        const index = current.waiting.indexOf(grant);
        if (index !== -1) current.waiting.splice(index, 1);
        reject(abortReason(signal));
      };
      current.waiting.push(grant);
      signal?.addEventListener("abort", onAbort, { once: true });
    });
  }

  function release(host: string): void {
    const state = hosts.get(host);
    if (!state) return;
    state.active -= 1;
    const next = state.waiting.shift();
    if (next) next();
    else if (state.active === 0) hosts.delete(host);
  }

  return {
    async run(host, task, signal) {
      await acquire(host, signal);
      try {
        return await task();
      } finally {
        release(host);
      }
    },
  };
}

function abortReason(signal: AbortSignal | undefined): Error {
  const reason: unknown = signal?.reason;
  return reason instanceof Error ? reason : new Error("aborted");
}
