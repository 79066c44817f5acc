import { gzipSync, brotliCompressSync } from "node:zlib";

import iconv from "iconv-lite";
import { delay, http, HttpResponse } from "msw";
import { afterEach, describe, expect, it } from "vitest";

import type { Fetcher, FetcherDeps, FetcherOptions, FetchRequest, PostJsonRequest } from "../../../src/ingest/fetch/create-fetcher.js";
import { createFetcher, FetchError, parsePrivateAddressPolicy } from "../../../src/ingest/fetch/create-fetcher.js";
import { server } from "../../support/msw.js";

const publicAddress = [{ address: "93.184.216.34", family: 4 }];

const baseOptions: FetcherOptions = {
  allowPrivate: { allowAll: false, hosts: [] },
  userAgent: "NewsdeskTest/1.0 (+https://newsdesk.example/bot)",
  connectTimeoutMs: 1_000,
  requestTimeoutMs: 5_000,
  maxFeedBytes: 1024 * 1024,
  maxPageBytes: 1024 * 1024,
};

const opened: Fetcher[] = [];

function makeFetcher(options: Partial<FetcherOptions> = {}, deps: FetcherDeps = {}): Fetcher {
  const fetcher = createFetcher(
    { ...baseOptions, ...options },
    { lookup: () => Promise.resolve(publicAddress), sleep: () => Promise.resolve(), ...deps },
  );
  opened.push(fetcher);
  return fetcher;
}

afterEach(async () => {
  await Promise.all(opened.splice(0).map((fetcher) => fetcher.close()));
});

async function failureOf(attempt: Promise<unknown>): Promise<FetchError> {
  try {
    await attempt;
  } catch (error) {
    expect(error).toBeInstanceOf(FetchError);
    return error as FetchError;
  }
  throw new Error("expected the request to fail");
}

const fetchError = (fetcher: Fetcher, request: FetchRequest) => failureOf(fetcher.fetch(request));

function feedRequest(url: string, extra: Partial<FetchRequest> = {}): FetchRequest {
  return { url, kind: "feed", ...extra };
}

describe("a plain feed fetch", () => {
  it("sends the user agent, feed Accept types and compression, and returns the decoded body", async () => {
    let seen: Headers | undefined;
    server.use(
      http.get("https://news.example/feed.xml", ({ request }) => {
        seen = request.headers;
        return new HttpResponse("<rss version=\"2.0\"><channel><title>Café</title></channel></rss>", {
          headers: { "content-type": "application/rss+xml; charset=utf-8", etag: '"v1"', "last-modified": "Mon, 11 Sep 2023 08:12:00 GMT" },
        });
      }),
    );
    const response = await makeFetcher().fetch(feedRequest("https://news.example/feed.xml"));
    expect(response).toMatchObject({
      notModified: false,
      status: 200,
      url: "https://news.example/feed.xml",
      etag: '"v1"',
      lastModified: "Mon, 11 Sep 2023 08:12:00 GMT",
      contentType: "application/rss+xml; charset=utf-8",
    });
    expect(response.notModified === false && response.text).toContain("<title>Café</title>");
    expect(seen?.get("user-agent")).toBe(baseOptions.userAgent);
    expect(seen?.get("accept")).toContain("application/rss+xml");
    expect(seen?.get("accept")).toContain("application/atom+xml");
    expect(seen?.get("accept")).toContain("application/feed+json");
    expect(seen?.get("accept-encoding")).toBe("gzip, deflate, br");
    expect(seen?.get("if-none-match")).toBeNull();
  });

  it("asks for HTML when fetching an article page", async () => {
    let accept: string | null = null;
    server.use(
      http.get("https://news.example/story", ({ request }) => {
        accept = request.headers.get("accept");
        return HttpResponse.html("<p>hi</p>");
      }),
    );
    await makeFetcher().fetch({ url: "https://news.example/story", kind: "page" });
    expect(accept).toMatch(/^text\/html/);
  });
});

describe("conditional GET", () => {
  it("sends the stored validators and reports 304 as not modified", async () => {
    let seen: Headers | undefined;
    server.use(
      http.get("https://news.example/feed.xml", ({ request }) => {
        seen = request.headers;
        return new HttpResponse(null, { status: 304 });
      }),
    );
    const response = await makeFetcher().fetch(
      feedRequest("https://news.example/feed.xml", { etag: '"abc"', lastModified: "Mon, 11 Sep 2023 08:12:00 GMT" }),
    );
    expect(response).toEqual({ notModified: true, url: "https://news.example/feed.xml", status: 304, maxAgeSeconds: null });
    expect(seen?.get("if-none-match")).toBe('"abc"');
    expect(seen?.get("if-modified-since")).toBe("Mon, 11 Sep 2023 08:12:00 GMT");
  });

  it("reports how long the answer stays fresh (Cache-Control max-age), on a 200 and on a 304, and nothing for no-cache", async () => {
    const answers = [
      new HttpResponse("<rss/>", { headers: { "cache-control": "public, max-age=300" } }),
      new HttpResponse(null, { status: 304, headers: { "cache-control": "max-age=120, must-revalidate" } }),
      new HttpResponse("<rss/>", { headers: { "cache-control": "no-cache, max-age=300" } }),
    ];
    server.use(http.get("https://news.example/feed.xml", () => answers.shift()));
    const fetcher = makeFetcher();
    expect(await fetcher.fetch(feedRequest("https://news.example/feed.xml"))).toMatchObject({ notModified: false, maxAgeSeconds: 300 });
    expect(await fetcher.fetch(feedRequest("https://news.example/feed.xml", { etag: '"a"' }))).toMatchObject({ notModified: true, maxAgeSeconds: 120 });
    expect(await fetcher.fetch(feedRequest("https://news.example/feed.xml"))).toMatchObject({ notModified: false, maxAgeSeconds: null });
  });
});

describe("compressed bodies", () => {
  it("reads a gzip body", async () => {
    server.use(
      http.get("https://news.example/gz", () =>
        new HttpResponse(gzipSync(Buffer.from("<rss>gzipped</rss>")), {
          headers: { "content-encoding": "gzip", "content-type": "text/xml" },
        }),
      ),
    );
    const response = await makeFetcher().fetch(feedRequest("https://news.example/gz"));
    expect(response.notModified === false && response.text).toBe("<rss>gzipped</rss>");
  });

  it("reads a brotli body", async () => {
    server.use(
      http.get("https://news.example/br", () =>
        new HttpResponse(brotliCompressSync(Buffer.from("<rss>brotli</rss>")), {
          headers: { "content-encoding": "br", "content-type": "text/xml" },
        }),
      ),
    );
    const response = await makeFetcher().fetch(feedRequest("https://news.example/br"));
    expect(response.notModified === false && response.text).toBe("<rss>brotli</rss>");
  });

  it("counts the decompressed size against the cap (a small gzip bomb is too large)", async () => {
    const bomb = gzipSync(Buffer.alloc(2 * 1024 * 1024, 0x20));
    expect(bomb.byteLength).toBeLessThan(16 * 1024);
    server.use(
      http.get("https://news.example/bomb", () =>
        new HttpResponse(bomb, { headers: { "content-encoding": "gzip" } }),
      ),
    );
    const error = await fetchError(makeFetcher({ maxFeedBytes: 64 * 1024 }), feedRequest("https://news.example/bomb"));
    expect(error.code).toBe("too_large");
  });
});

describe("redirects", () => {
  it("follows a relative redirect and reports the final URL", async () => {
    server.use(
      http.get("https://news.example/old", () => new HttpResponse(null, { status: 301, headers: { location: "/new?x=1" } })),
      http.get("https://news.example/new", () => HttpResponse.text("moved here")),
    );
    const response = await makeFetcher().fetch(feedRequest("https://news.example/old"));
    expect(response).toMatchObject({ notModified: false, url: "https://news.example/new?x=1", text: "moved here" });
  });

  it.each([302, 303, 307, 308])("follows a %i", async (status) => {
    server.use(
      http.get("https://a.example/start", () => new HttpResponse(null, { status, headers: { location: "https://b.example/end" } })),
      http.get("https://b.example/end", () => HttpResponse.text("end")),
    );
    const response = await makeFetcher().fetch(feedRequest("https://a.example/start"));
    expect(response).toMatchObject({ url: "https://b.example/end", text: "end" });
  });

  it("stops a redirect loop", async () => {
    server.use(
      http.get("https://news.example/a", () => new HttpResponse(null, { status: 302, headers: { location: "/b" } })),
      http.get("https://news.example/b", () => new HttpResponse(null, { status: 302, headers: { location: "/a" } })),
    );
    const error = await fetchError(makeFetcher(), feedRequest("https://news.example/a"));
    expect(error.code).toBe("too_many_redirects");
    expect(error.message).toMatch(/loop/);
  });

  it("gives up after five redirects", async () => {
    let hits = 0;
    server.use(
      http.get("https://news.example/hop/:n", ({ params }) => {
        hits += 1;
        return new HttpResponse(null, { status: 302, headers: { location: `/hop/${Number(params.n) + 1}` } });
      }),
    );
    const error = await fetchError(makeFetcher(), feedRequest("https://news.example/hop/0"));
    expect(error.code).toBe("too_many_redirects");
    expect(hits).toBe(6);
  });

  it("allows exactly five redirects", async () => {
    server.use(
      http.get("https://news.example/hop/:n", ({ params }) => {
        const n = Number(params.n);
        return n < 5 ? new HttpResponse(null, { status: 302, headers: { location: `/hop/${n + 1}` } }) : HttpResponse.text("done");
      }),
    );
    const response = await makeFetcher().fetch(feedRequest("https://news.example/hop/0"));
    expect(response).toMatchObject({ url: "https://news.example/hop/5", text: "done" });
  });

  it("refuses a redirect to loopback without contacting it", async () => {
    let targetHit = false;
    server.use(
      http.get("https://news.example/feed", () => new HttpResponse(null, { status: 302, headers: { location: "http://127.0.0.1/feed" } })),
      http.get("http://127.0.0.1/feed", () => {
        targetHit = true;
        return HttpResponse.text("secret");
      }),
    );
    const error = await fetchError(makeFetcher(), feedRequest("https://news.example/feed"));
    expect(error.code).toBe("private_address");
    expect(error.message).toBe(
      "refused http://127.0.0.1/feed: 127.0.0.1 is a loopback address; set ALLOW_PRIVATE_URLS to allow it",
    );
    expect(targetHit).toBe(false);
  });

  it("refuses a redirect to the cloud metadata address without contacting it", async () => {
    let targetHit = false;
    server.use(
      http.get("https://news.example/feed", () =>
        new HttpResponse(null, { status: 301, headers: { location: "http://169.254.169.254/latest/meta-data" } }),
      ),
      http.get("http://169.254.169.254/latest/meta-data", () => {
        targetHit = true;
        return HttpResponse.text("iam credentials");
      }),
    );
    const error = await fetchError(makeFetcher(), feedRequest("https://news.example/feed"));
    expect(error.code).toBe("private_address");
    expect(error.message).toContain("169.254.169.254 is a link-local address");
    expect(targetHit).toBe(false);
  });
});

describe("private addresses", () => {
  it("refuses a host whose DNS answer is private, before any request", async () => {
    let hit = false;
    server.use(
      http.get("https://sneaky.example/feed", () => {
        hit = true;
        return HttpResponse.text("x");
      }),
    );
    const fetcher = makeFetcher({}, { lookup: () => Promise.resolve([{ address: "10.0.0.5", family: 4 }]) });
    const error = await fetchError(fetcher, feedRequest("https://sneaky.example/feed"));
    expect(error.code).toBe("private_address");
    expect(error.message).toBe(
      "refused https://sneaky.example/feed: sneaky.example resolves to 10.0.0.5, a private address; set ALLOW_PRIVATE_URLS to allow it",
    );
    expect(hit).toBe(false);
  });

  it("refuses when any of several DNS answers is private", async () => {
    const fetcher = makeFetcher({}, {
      lookup: () => Promise.resolve([...publicAddress, { address: "::ffff:192.168.1.1", family: 6 }]),
    });
    const error = await fetchError(fetcher, feedRequest("https://mixed.example/feed"));
    expect(error.code).toBe("private_address");
  });

  it.each([
    ["http://[::1]/feed", "loopback"],
    ["http://[fd00::1]/feed", "private"],
    ["http://100.64.1.1/feed", "carrier-grade NAT"],
    ["http://0.0.0.0/feed", "unspecified"],
    ["http://2130706433/feed", "loopback"],
    ["http://[::ffff:127.0.0.1]/feed", "loopback"],
  ])("refuses the IP literal in %s", async (url, description) => {
    const error = await fetchError(makeFetcher(), feedRequest(url));
    expect(error.code).toBe("private_address");
    expect(error.message).toContain(description);
  });

  it("lets ALLOW_PRIVATE_URLS=intranet.local:8080 through for exactly that host and port", async () => {
    server.use(
      http.get("http://intranet.local:8080/feed", () => HttpResponse.text("internal feed")),
      http.get("http://intranet.local:9090/feed", () => HttpResponse.text("other port")),
      http.get("http://other.local:8080/feed", () => HttpResponse.text("other host")),
    );
    const fetcher = makeFetcher(
      { allowPrivate: parsePrivateAddressPolicy("intranet.local:8080") },
      { lookup: () => Promise.resolve([{ address: "10.1.2.3", family: 4 }]) },
    );
    await expect(fetcher.fetch(feedRequest("http://intranet.local:8080/feed"))).resolves.toMatchObject({ text: "internal feed" });
    expect((await fetchError(fetcher, feedRequest("http://intranet.local:9090/feed"))).code).toBe("private_address");
    expect((await fetchError(fetcher, feedRequest("http://other.local:8080/feed"))).code).toBe("private_address");
  });

  it("lets everything through with ALLOW_PRIVATE_URLS=true", async () => {
    server.use(http.get("http://127.0.0.1:3000/feed", () => HttpResponse.text("local feed")));
    const fetcher = makeFetcher({ allowPrivate: parsePrivateAddressPolicy("true") });
    await expect(fetcher.fetch(feedRequest("http://127.0.0.1:3000/feed"))).resolves.toMatchObject({ text: "local feed" });
  });
});

describe("bad URLs and DNS failures", () => {
  it.each(["ftp://news.example/feed", "file:///etc/passwd", "not a url", "https://user:pw@news.example/feed"])(
    "rejects %s as invalid_url",
    async (url) => {
      const error = await fetchError(makeFetcher(), feedRequest(url));
      expect(error.code).toBe("invalid_url");
      expect(error.message).not.toContain("pw@");
    },
  );

  it("reports a name that does not resolve as dns", async () => {
    const notFound = Object.assign(new Error("getaddrinfo ENOTFOUND nowhere.example"), { code: "ENOTFOUND" });
    const fetcher = makeFetcher({}, { lookup: () => Promise.reject(notFound) });
    const error = await fetchError(fetcher, feedRequest("https://nowhere.example/feed"));
    expect(error.code).toBe("dns");
    expect(error.message).toContain("ENOTFOUND");
  });

  it("keeps the query string out of error messages", async () => {
    server.use(http.get("https://news.example/feed", () => new HttpResponse(null, { status: 500 })));
    const error = await fetchError(makeFetcher(), feedRequest("https://news.example/feed?apikey=s3cret"));
    expect(error.message).not.toContain("s3cret");
    expect(error.url).toBe("https://news.example/feed?apikey=s3cret");
  });
});

describe("HTTP status errors", () => {
  it.each([404, 410, 500])("turns %i into http_status", async (status) => {
    server.use(http.get("https://news.example/feed", () => new HttpResponse("nope", { status })));
    const error = await fetchError(makeFetcher(), feedRequest("https://news.example/feed"));
    expect(error).toMatchObject({ code: "http_status", status, url: "https://news.example/feed" });
    expect(error.retryAfterMs).toBeUndefined();
  });

  it("waits out a short Retry-After on 429 and retries once", async () => {
    let calls = 0;
    server.use(
      http.get("https://news.example/feed", () => {
        calls += 1;
        return calls === 1
          ? new HttpResponse(null, { status: 429, headers: { "retry-after": "7" } })
          : HttpResponse.text("second time lucky");
      }),
    );
    const waits: number[] = [];
    const fetcher = makeFetcher({}, { sleep: (ms) => { waits.push(ms); return Promise.resolve(); } });
    const response = await fetcher.fetch(feedRequest("https://news.example/feed"));
    expect(response).toMatchObject({ text: "second time lucky" });
    expect(waits).toEqual([7_000]);
    expect(calls).toBe(2);
  });

  it("retries a 503 only once and then reports it with retryAfterMs", async () => {
    let calls = 0;
    server.use(
      http.get("https://news.example/feed", () => {
        calls += 1;
        return new HttpResponse(null, { status: 503, headers: { "retry-after": "2" } });
      }),
    );
    const waits: number[] = [];
    const fetcher = makeFetcher({}, { sleep: (ms) => { waits.push(ms); return Promise.resolve(); } });
    const error = await fetchError(fetcher, feedRequest("https://news.example/feed"));
    expect(error).toMatchObject({ code: "http_status", status: 503, retryAfterMs: 2_000 });
    expect(calls).toBe(2);
    expect(waits).toEqual([2_000]);
  });

  it("does not wait out a Retry-After longer than the cap, but reports it", async () => {
    let calls = 0;
    const inTwoHours = new Date(Date.now() + 2 * 60 * 60 * 1000).toUTCString();
    server.use(
      http.get("https://news.example/feed", () => {
        calls += 1;
        return new HttpResponse(null, { status: 429, headers: { "retry-after": inTwoHours } });
      }),
    );
    const waits: number[] = [];
    const fetcher = makeFetcher({}, { sleep: (ms) => { waits.push(ms); return Promise.resolve(); } });
    const error = await fetchError(fetcher, feedRequest("https://news.example/feed"));
    expect(error.code).toBe("http_status");
    expect(error.retryAfterMs).toBeGreaterThan(60 * 60 * 1000);
    expect(calls).toBe(1);
    expect(waits).toEqual([]);
  });
});

describe("timeouts", () => {
  it("gives up on a server that does not answer in time", async () => {
    server.use(
      http.get("https://slow.example/feed", async () => {
        await delay(2_000);
        return HttpResponse.text("too late");
      }),
    );
    const error = await fetchError(makeFetcher({ requestTimeoutMs: 100 }), feedRequest("https://slow.example/feed"));
    expect(error.code).toBe("timeout");
  });

  it("gives up on a body that trickles in too slowly", async () => {
    server.use(
      http.get("https://slow.example/trickle", () => {
        const stream = new ReadableStream<Uint8Array>({
          async pull(controller) {
            await delay(50);
            controller.enqueue(new TextEncoder().encode("x"));
          },
        });
        return new HttpResponse(stream);
      }),
    );
    const error = await fetchError(makeFetcher({ requestTimeoutMs: 200 }), feedRequest("https://slow.example/trickle"));
    expect(error.code).toBe("timeout");
  });
});

describe("cancellation", () => {
  it("stops when the caller's signal aborts, without calling it a timeout", async () => {
    server.use(
      http.get("https://slow.example/feed", async () => {
        await delay(2_000);
        return HttpResponse.text("too late");
      }),
    );
    const controller = new AbortController();
    setTimeout(() => controller.abort(), 50);
    const error = await fetchError(makeFetcher(), feedRequest("https://slow.example/feed", { signal: controller.signal }));
    expect(error.code).toBe("cancelled");
    expect(error.message).toBe("the request to https://slow.example/feed was cancelled");
  });

  it("cancels every request in flight when Newsdesk stops, saying so", async () => {
    server.use(
      http.get("https://slow.example/feed", async () => {
        await delay(2_000);
        return HttpResponse.text("too late");
      }),
    );
    const stopping = new AbortController();
    setTimeout(() => stopping.abort(), 50);
    const error = await fetchError(makeFetcher({}, { stopSignal: stopping.signal }), feedRequest("https://slow.example/feed"));
    expect(error.code).toBe("cancelled");
    expect(error.message).toBe("Newsdesk is stopping: the request to https://slow.example/feed was cancelled");
  });
});

describe("size caps", () => {
  it("stops reading a 50 MB body as soon as the cap is passed", async () => {
    const chunkSize = 64 * 1024;
    const totalChunks = (50 * 1024 * 1024) / chunkSize;
    let pulled = 0;
    server.use(
      http.get("https://big.example/feed", () => {
        const chunk = new Uint8Array(chunkSize).fill(0x61);
        const stream = new ReadableStream<Uint8Array>({
          pull(controller) {
            if (pulled >= totalChunks) {
              controller.close();
              return;
            }
            pulled += 1;
            controller.enqueue(chunk);
          },
        });
        return new HttpResponse(stream, { headers: { "content-type": "text/xml" } });
      }),
    );
    const error = await fetchError(makeFetcher({ maxFeedBytes: 1024 * 1024 }), feedRequest("https://big.example/feed"));
    expect(error.code).toBe("too_large");
    expect(pulled).toBeLessThan(totalChunks / 10);
  });

  it("rejects early when Content-Length is over the cap", async () => {
    server.use(
      http.get("https://big.example/page", () =>
        new HttpResponse("small actually", { headers: { "content-length": String(10 * 1024 * 1024) } }),
      ),
    );
    const error = await fetchError(
      makeFetcher({ maxPageBytes: 1024 }),
      { url: "https://big.example/page", kind: "page" },
    );
    expect(error.code).toBe("too_large");
  });

  it("applies the page cap to pages and the feed cap to feeds", async () => {
    server.use(http.get("https://news.example/x", () => HttpResponse.text("y".repeat(2048))));
    const fetcher = makeFetcher({ maxFeedBytes: 4096, maxPageBytes: 1024 });
    await expect(fetcher.fetch(feedRequest("https://news.example/x"))).resolves.toMatchObject({ status: 200 });
    expect((await fetchError(fetcher, { url: "https://news.example/x", kind: "page" })).code).toBe("too_large");
  });
});

describe("charsets", () => {
  function serveBytes(bytes: Uint8Array, contentType: string) {
    server.use(http.get("https://enc.example/doc", () => new HttpResponse(bytes, { headers: { "content-type": contentType } })));
  }

  it("decodes windows-1251 named in the Content-Type", async () => {
    serveBytes(iconv.encode("<rss><title>Новости дня</title></rss>", "windows-1251"), "application/rss+xml; charset=windows-1251");
    const response = await makeFetcher().fetch(feedRequest("https://enc.example/doc"));
    expect(response.notModified === false && response.text).toContain("Новости дня");
  });

  it("decodes GBK named in the XML declaration", async () => {
    serveBytes(iconv.encode('<?xml version="1.0" encoding="GBK"?><rss><title>新闻</title></rss>', "gbk"), "application/xml");
    const response = await makeFetcher().fetch(feedRequest("https://enc.example/doc"));
    expect(response.notModified === false && response.text).toContain("<title>新闻</title>");
  });

  it("decodes Shift_JIS named in a meta charset", async () => {
    serveBytes(iconv.encode('<html><head><meta charset="Shift_JIS"></head><body>ニュース</body></html>', "shift_jis"), "text/html");
    const response = await makeFetcher().fetch({ url: "https://enc.example/doc", kind: "page" });
    expect(response.notModified === false && response.text).toContain("ニュース");
  });

  it("decodes EUC-KR named in a meta http-equiv", async () => {
    serveBytes(
      iconv.encode('<html><head><meta http-equiv="Content-Type" content="text/html; charset=euc-kr"></head><body>뉴스</body></html>', "euc-kr"),
      "text/html",
    );
    const response = await makeFetcher().fetch({ url: "https://enc.example/doc", kind: "page" });
    expect(response.notModified === false && response.text).toContain("뉴스");
  });

  it("reads ISO-8859-1 as windows-1252, as browsers do", async () => {
    serveBytes(iconv.encode("caf\u00e9 \u201cquoted\u201d", "windows-1252"), "text/plain; charset=ISO-8859-1");
    const response = await makeFetcher().fetch(feedRequest("https://enc.example/doc"));
    expect(response.notModified === false && response.text).toBe("caf\u00e9 \u201cquoted\u201d");
  });

  it("replaces invalid UTF-8 instead of failing", async () => {
    serveBytes(new Uint8Array([0x3c, 0x61, 0x3e, 0xff, 0xfe, 0xc3, 0x28, 0x3c, 0x2f, 0x61, 0x3e]), "text/xml; charset=utf-8");
    const response = await makeFetcher().fetch(feedRequest("https://enc.example/doc"));
    expect(response.notModified === false && response.text).toMatch(/^<a>\uFFFD+\(<\/a>$/);
  });
});

describe("per-host concurrency", () => {
  it("keeps at most two requests in flight to one host", async () => {
    let inFlight = 0;
    let maxInFlight = 0;
    let otherHostStarted = false;
    server.use(
      http.get("https://busy.example/:n", async () => {
        inFlight += 1;
        maxInFlight = Math.max(maxInFlight, inFlight);
        await delay(50);
        inFlight -= 1;
        return HttpResponse.text("ok");
      }),
      http.get("https://calm.example/", () => {
        otherHostStarted = inFlight > 0;
        return HttpResponse.text("ok");
      }),
    );
    const fetcher = makeFetcher();
    await Promise.all([
      fetcher.fetch(feedRequest("https://busy.example/1")),
      fetcher.fetch(feedRequest("https://busy.example/2")),
      fetcher.fetch(feedRequest("https://busy.example/3")),
      fetcher.fetch(feedRequest("https://calm.example/")),
    ]);
    expect(maxInFlight).toBe(2);
    expect(otherHostStarted).toBe(true);
  });
});

describe("POSTing JSON to an API (the summary endpoint)", () => {
  const API = "https://llm.example/v1/chat/completions";

  const postError = (fetcher: Fetcher, request: PostJsonRequest) => failureOf(fetcher.postJson(request));

  it("sends the body as JSON with the caller's headers and returns the answer's text", async () => {
    let seen: { method: string; body: unknown; headers: Record<string, string | null> } | undefined;
    server.use(
      http.post(API, async ({ request }) => {
        seen = {
          method: request.method,
          body: await request.json(),
          headers: {
            authorization: request.headers.get("authorization"),
            "content-type": request.headers.get("content-type"),
            "user-agent": request.headers.get("user-agent"),
            accept: request.headers.get("accept"),
          },
        };
        return HttpResponse.json({ answer: "café" });
      }),
    );
    const answer = await makeFetcher().postJson({ url: API, body: { model: "m", n: 1 }, headers: { authorization: "Bearer k" } });
    expect(answer).toEqual({ url: API, status: 200, contentType: "application/json", text: '{"answer":"café"}' });
    expect(seen).toEqual({
      method: "POST",
      body: { model: "m", n: 1 },
      headers: {
        authorization: "Bearer k",
        "content-type": "application/json",
        "user-agent": baseOptions.userAgent,
        accept: "application/json",
      },
    });
  });

  it.each([
    ["http://127.0.0.1:11434/v1/chat/completions", "127.0.0.1 is a loopback address"],
    ["http://10.0.0.8/v1/chat/completions", "10.0.0.8 is a private address"],
    ["http://169.254.169.254/latest/api/token", "169.254.169.254 is a link-local address"],
  ])("refuses %s without contacting it", async (url, reason) => {
    let hit = false;
    server.use(
      http.post(url, () => {
        hit = true;
        return HttpResponse.json({});
      }),
    );
    const error = await postError(makeFetcher(), { url, body: {} });
    expect(error.code).toBe("private_address");
    expect(error.message).toBe(`refused ${url}: ${reason}; set ALLOW_PRIVATE_URLS to allow it`);
    expect(hit).toBe(false);
  });

  it("refuses a host that resolves to a private address, and lets it through when ALLOW_PRIVATE_URLS names it", async () => {
    server.use(http.post("http://llm.internal:8080/v1/chat/completions", () => HttpResponse.json({ ok: true })));
    const lookup = () => Promise.resolve([{ address: "10.1.2.3", family: 4 }]);
    const request = { url: "http://llm.internal:8080/v1/chat/completions", body: {} };
    expect((await postError(makeFetcher({}, { lookup }), request)).code).toBe("private_address");
    const allowed = makeFetcher({ allowPrivate: parsePrivateAddressPolicy("llm.internal:8080") }, { lookup });
    await expect(allowed.postJson(request)).resolves.toMatchObject({ status: 200, text: '{"ok":true}' });
  });

  it("follows a 307 with the same POST, and checks where it leads first", async () => {
    const bodies: unknown[] = [];
    server.use(
      http.post(API, () => new HttpResponse(null, { status: 307, headers: { location: "https://llm2.example/v1/chat/completions" } })),
      http.post("https://llm2.example/v1/chat/completions", async ({ request }) => {
        bodies.push(await request.json());
        return HttpResponse.json({ moved: true });
      }),
      http.post("https://sneaky.example/v1", () => new HttpResponse(null, { status: 308, headers: { location: "http://169.254.169.254/" } })),
    );
    const fetcher = makeFetcher();
    await expect(fetcher.postJson({ url: API, body: { q: 1 } })).resolves.toMatchObject({
      url: "https://llm2.example/v1/chat/completions",
      text: '{"moved":true}',
    });
    expect(bodies).toEqual([{ q: 1 }]);
    expect((await postError(fetcher, { url: "https://sneaky.example/v1", body: {} })).code).toBe("private_address");
  });

  it("does not turn a POST into a GET on a 302", async () => {
    server.use(http.post(API, () => new HttpResponse(null, { status: 302, headers: { location: "https://llm.example/login" } })));
    const error = await postError(makeFetcher(), { url: API, body: {} });
    expect(error).toMatchObject({ code: "http_status", status: 302 });
    expect(error.message).toBe("https://llm.example/v1/chat/completions answered 302 to a POST; use the URL it redirects to");
  });

  it("reports an error status with its code", async () => {
    server.use(http.post(API, () => HttpResponse.json({ error: "overloaded" }, { status: 500 })));
    expect(await postError(makeFetcher(), { url: API, body: {} })).toMatchObject({ code: "http_status", status: 500 });
  });

  it("caps the answer at 64 KiB", async () => {
    server.use(
      http.post(API, () => HttpResponse.text("x".repeat(64 * 1024))),
      http.post("https://llm.example/big", () => HttpResponse.text("x".repeat(64 * 1024 + 1))),
    );
    const fetcher = makeFetcher();
    await expect(fetcher.postJson({ url: API, body: {} })).resolves.toMatchObject({ status: 200 });
    expect((await postError(fetcher, { url: "https://llm.example/big", body: {} })).code).toBe("too_large");
  });

  it("gives up on an API that does not answer in time", async () => {
    server.use(
      http.post(API, async () => {
        await delay(2_000);
        return HttpResponse.json({});
      }),
    );
    expect((await postError(makeFetcher({ requestTimeoutMs: 100 }), { url: API, body: {} })).code).toBe("timeout");
  });

  it("gives a slow API the time the caller allows instead of the fetcher's", async () => {
    server.use(
      http.post(API, async () => {
        await delay(300);
        return HttpResponse.json({ slow: true });
      }),
    );
    const fetcher = makeFetcher({ requestTimeoutMs: 100 });
    await expect(fetcher.postJson({ url: API, body: {}, timeoutMs: 5_000 })).resolves.toMatchObject({ text: '{"slow":true}' });
  });
});
