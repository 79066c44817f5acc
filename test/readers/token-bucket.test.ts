import { describe, expect, it } from "vitest";

import { createTokenBucket } from "../../src/readers/token-bucket.js";

function clock() {
  let now = 0;
  return { now: () => new Date(now), advance: (ms: number) => void (now += ms) };
}

describe("createTokenBucket", () => {
  it("allows `capacity` at once, then refills at capacity per period", () => {
    const time = clock();
    const bucket = createTokenBucket({ capacity: 5, periodMs: 10_000, now: time.now });
    expect(Array.from({ length: 6 }, () => bucket.take("ada"))).toEqual([true, true, true, true, true, false]);
    time.advance(1_999);
    expect(bucket.take("ada")).toBe(false);
    time.advance(1);
    expect(bucket.take("ada")).toBe(true);
    expect(bucket.take("ada")).toBe(false);
    time.advance(60_000);
    expect(Array.from({ length: 6 }, () => bucket.take("ada"))).toEqual([true, true, true, true, true, false]);
  });

  it("keeps one bucket per key", () => {
    const time = clock();
    const bucket = createTokenBucket({ capacity: 1, periodMs: 1000, now: time.now });
    expect(bucket.take("ada")).toBe(true);
    expect(bucket.take("ada")).toBe(false);
    expect(bucket.take("grace")).toBe(true);
  });

  it("forgets the least recently seen key beyond maxKeys (a forgotten key starts full)", () => {
    const time = clock();
    const bucket = createTokenBucket({ capacity: 1, periodMs: 1000, now: time.now, maxKeys: 2 });
    bucket.take("a");
    bucket.take("b");
    bucket.take("c");
    expect(bucket.take("a")).toBe(true);
    expect(bucket.take("c")).toBe(false);
  });
});
