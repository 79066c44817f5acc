import { describe, expect, it } from "vitest";

import { createHostLimiter } from "../../../src/ingest/fetch/create-host-limiter.js";

function deferred(): { promise: Promise<void>; resolve: () => void } {
  let resolve!: () => void;
  const promise = new Promise<void>((done) => (resolve = done));
  return { promise, resolve };
}

describe("createHostLimiter", () => {
  it("runs at most the limit per host, in order, and other hosts freely", async () => {
    const limiter = createHostLimiter(2);
    const started: string[] = [];
    const gates = [deferred(), deferred(), deferred()];
    const tasks = gates.map((gate, index) =>
      limiter.run("a.example", async () => {
        started.push(`a${index}`);
        await gate.promise;
      }),
    );
    const other = limiter.run("b.example", () => {
      started.push("b");
      return Promise.resolve();
    });
    await other;
    expect(started).toEqual(["a0", "a1", "b"]);
    gates[1]!.resolve();
    await tasks[1];
    await Promise.resolve();
    expect(started).toEqual(["a0", "a1", "b", "a2"]);
    gates[0]!.resolve();
    gates[2]!.resolve();
    await Promise.all(tasks);
  });

  it("frees the slot when a task fails", async () => {
    const limiter = createHostLimiter(1);
    await expect(limiter.run("a.example", () => Promise.reject(new Error("boom")))).rejects.toThrow("boom");
    await expect(limiter.run("a.example", () => Promise.resolve("ok"))).resolves.toBe("ok");
  });

  it("drops a waiting task whose signal aborts", async () => {
    const limiter = createHostLimiter(1);
    const gate = deferred();
    const running = limiter.run("a.example", () => gate.promise);
    const controller = new AbortController();
    let ran = false;
    const waiting = limiter.run(
      "a.example",
      () => {
        ran = true;
        return Promise.resolve();
      },
      controller.signal,
    );
    controller.abort(new Error("stop"));
    await expect(waiting).rejects.toThrow("stop");
    gate.resolve();
    await running;
    expect(ran).toBe(false);
  });
});
