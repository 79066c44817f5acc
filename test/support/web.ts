/**
 * The web as tests see it: feeds and pages served by msw, and a DNS lookup that
 * resolves every test host to a public address (the fetcher refuses private ones).
 */
import { http, HttpResponse } from "msw";

import { createFetcher, parsePrivateAddressPolicy, type Fetcher, type FetcherDeps } from "../../src/ingest/fetch/create-fetcher.js";
import { server } from "./msw.js";

/** Resolves any host name to a public documentation-free address, as real DNS would for a news site. */
export const publicLookup: NonNullable<FetcherDeps["lookup"]> = () => Promise.resolve([{ address: "93.184.216.34", family: 4 }]);

/** The guarded fetcher with the default limits, seeing the test web through {@link publicLookup}; close it after. */
export function createTestFetcher(deps: FetcherDeps = {}): Fetcher {
  return createFetcher(
    { allowPrivate: parsePrivateAddressPolicy(""), userAgent: "NewsdeskTest/1", connectTimeoutMs: 10_000, requestTimeoutMs: 30_000, maxFeedBytes: 5 << 20, maxPageBytes: 5 << 20 },
    { lookup: publicLookup, ...deps },
  );
}

/** Serves `body` at `url` with a content type; returns a counter of requests served. */
export function serve(url: string, body: string, contentType = "application/rss+xml; charset=utf-8", headers: Record<string, string> = {}) {
  const hits = { count: 0, requests: [] as Request[] };
  server.use(
    http.get(url, ({ request }) => {
      hits.count++;
      hits.requests.push(request.clone());
      return new HttpResponse(body, { status: 200, headers: { "content-type": contentType, ...headers } });
    }),
  );
  return hits;
}

/** An RSS 2.0 document with the given items. */
export function rss(items: { title: string; link: string; description?: string; pubDate?: Date; categories?: string[]; guid?: string }[], title = "Test News") {
  const escape = (s: string) => s.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;");
  return `<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0"><channel><title>${escape(title)}</title><link>https://news.example.com/</link><description>Test feed</description>
${items
  .map(
    (item) => `<item><title>${escape(item.title)}</title><link>${escape(item.link)}</link>${
      item.guid ? `<guid>${escape(item.guid)}</guid>` : ""
    }${item.description ? `<description>${escape(item.description)}</description>` : ""}${
      item.pubDate ? `<pubDate>${item.pubDate.toUTCString()}</pubDate>` : ""
    }${(item.categories ?? []).map((c) => `<category>${escape(c)}</category>`).join("")}</item>`,
  )
  .join("\n")}
</channel></rss>`;
}
