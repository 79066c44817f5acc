import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import { gzipSync } from "node:zlib";

import { fetch as undiciFetch } from "undici";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

import type { FetcherDeps } from "../../../src/ingest/fetch/create-fetcher.js";
import { createFetcher, FetchError } from "../../../src/ingest/fetch/create-fetcher.js";

// These tests exercise the connect-time check, which msw would short-circuit.
// They use undici's own fetch (msw does not patch it) against a server on
// 127.0.0.1 that the test itself starts: nothing leaves this machine.
let port = 0;
let hits = 0;
const local = createServer((request, response) => {
  hits += 1;
  if (request.url === "/gzip-bomb") {
    response.setHeader("content-encoding", "gzip");
    response.end(gzipSync(Buffer.alloc(4 * 1024 * 1024, 0x20)));
    return;
  }
  if (request.url === "/gzip") {
    response.setHeader("content-encoding", "gzip");
    response.setHeader("content-type", "text/plain; charset=utf-8");
    response.end(gzipSync(Buffer.from("compressed internal")));
    return;
  }
  response.setHeader("content-type", "text/plain; charset=utf-8");
  response.end("internal");
});

beforeAll(async () => {
  await new Promise<void>((resolve) => local.listen(0, "127.0.0.1", resolve));
  port = (local.address() as AddressInfo).port;
});

afterAll(async () => {
  await new Promise<void>((resolve) => local.close(() => resolve()));
});

const options = {
  userAgent: "NewsdeskTest/1.0",
  connectTimeoutMs: 1_000,
  requestTimeoutMs: 3_000,
  maxFeedBytes: 1024,
  maxPageBytes: 1024,
};

describe("the connect-time address check", () => {
  it("refuses a host that rebinds to loopback between the check and the connection", async () => {
    let lookups = 0;
    const deps: FetcherDeps = {
      fetch: undiciFetch,
      lookup: () => {
        lookups += 1;
        return Promise.resolve([{ address: lookups === 1 ? "93.184.216.34" : "127.0.0.1", family: 4 }]);
      },
    };
    const fetcher = createFetcher({ ...options, allowPrivate: { allowAll: false, hosts: [] } }, deps);
    const before = hits;
    try {
      const error = await fetcher.fetch({ url: `http://rebind.test:${port}/feed`, kind: "feed" }).then(
        () => null,
        (caught: unknown) => caught,
      );
      expect(error).toBeInstanceOf(FetchError);
      expect(error).toMatchObject({ code: "private_address" });
      expect((error as FetchError).message).toContain("rebind.test resolves to 127.0.0.1, a loopback address");
      expect(lookups).toBe(2);
      expect(hits).toBe(before);
    } finally {
      await fetcher.close();
    }
  });

  it("connects to an allow-listed host through the same path", async () => {
    const deps: FetcherDeps = {
      fetch: undiciFetch,
      lookup: () => Promise.resolve([{ address: "127.0.0.1", family: 4 }]),
    };
    const fetcher = createFetcher({ ...options, allowPrivate: { allowAll: false, hosts: ["intranet.test"] } }, deps);
    try {
      const response = await fetcher.fetch({ url: `http://intranet.test:${port}/feed`, kind: "feed" });
      expect(response).toMatchObject({ notModified: false, status: 200, text: "internal" });
    } finally {
      await fetcher.close();
    }
  });

  it("decompresses real gzip responses and counts the decompressed bytes against the cap", async () => {
    const deps: FetcherDeps = {
      fetch: undiciFetch,
      lookup: () => Promise.resolve([{ address: "127.0.0.1", family: 4 }]),
    };
    const fetcher = createFetcher({ ...options, allowPrivate: { allowAll: true } }, deps);
    try {
      const response = await fetcher.fetch({ url: `http://intranet.test:${port}/gzip`, kind: "feed" });
      expect(response).toMatchObject({ text: "compressed internal" });
      await expect(fetcher.fetch({ url: `http://intranet.test:${port}/gzip-bomb`, kind: "feed" })).rejects.toMatchObject({
        code: "too_large",
      });
    } finally {
      await fetcher.close();
    }
  });
});
