/**
 * The read cache on its own clock: what another instance changed shows after the TTL at the
 * latest, a failed read is tried again, and a read overtaken by a write is not kept.
 */
import { describe, expect, it } from "vitest";

import { createReadCache, READ_CACHE_TTL_MS } from "../../src/db/read-cache.js";

function setUp() {
  let now = 0;
  const cache = createReadCache({ now: () => now, maxEntries: 3 });
  let stored = "first";
  let reads = 0;
  const read = () => cache.get("latest", () => Promise.resolve(`${stored} (read ${++reads})`));
  return { cache, read, change: (value: string) => (stored = value), advance: (ms: number) => (now += ms) };
}

describe("the readers' read cache", () => {
  it("answers from memory until the TTL runs out, then reads again (another instance's change shows within the TTL)", async () => {
    const { read, change, advance } = setUp();
    expect(await read()).toBe("first (read 1)");
    change("changed elsewhere");
    advance(READ_CACHE_TTL_MS - 1);
    expect(await read()).toBe("first (read 1)");
    advance(1);
    expect(await read()).toBe("changed elsewhere (read 2)");
  });

  it("reads again at once after a local write", async () => {
    const { cache, read, change } = setUp();
    await read();
    change("written here");
    cache.invalidate();
    expect(await read()).toBe("written here (read 2)");
  });

  it("does not keep a read that a write overtook, nor a failed read", async () => {
    const { cache } = setUp();
    let finish: (value: string) => void = () => undefined;
    const slow = cache.get("popular", () => new Promise<string>((resolve) => (finish = resolve)));
    cache.invalidate();
    const fresh = cache.get("popular", () => Promise.resolve("after the write"));
    finish("before the write");
    expect(await slow).toBe("before the write");
    expect(await fresh).toBe("after the write");
    expect(await cache.get("popular", () => Promise.resolve("read again"))).toBe("after the write");

    await expect(cache.get("search", () => Promise.reject(new Error("database busy")))).rejects.toThrow("database busy");
    expect(await cache.get("search", () => Promise.resolve("hits"))).toBe("hits");
  });

  it("shares one read between readers asking at once, and keeps at most its size, the oldest going first", async () => {
    const { cache } = setUp();
    let reads = 0;
    const load = () => Promise.resolve(++reads);
    expect(await Promise.all([cache.get("a", load), cache.get("a", load)])).toEqual([1, 1]);
    await cache.get("b", load);
    await cache.get("c", load);
    await cache.get("d", load);
    expect(await cache.get("b", load)).toBe(2);
    expect(await cache.get("a", load)).toBe(5);
  });
});
