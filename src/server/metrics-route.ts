/**
 * GET /metrics: Prometheus' text format. With METRICS_TOKEN set, only a request
 * carrying it as a bearer token gets the metrics; the comparison takes the same time
 * whatever the guess, so the token cannot be found a character at a time.
 */
import { createHash, timingSafeEqual } from "node:crypto";
import type { IncomingMessage } from "node:http";

import type { Metrics } from "../ops/metrics.js";
import type { Route } from "./create-server.js";

function digest(text: string): Buffer {
  return createHash("sha256").update(text).digest();
}

/** Whether the request carries `Authorization: Bearer <token>`. */
function hasToken(req: IncomingMessage, token: string): boolean {
  const match = /^Bearer[ \t]+(\S+)[ \t]*$/i.exec(req.headers.authorization ?? "");
  // Hashing first gives equal lengths, which timingSafeEqual needs, without revealing the token's length.
  return match?.[1] !== undefined && timingSafeEqual(digest(match[1]), digest(token));
}

/** The route serving `metrics.scrape()`; `token` null serves it to anyone who reaches the port. */
export function createMetricsRoute(deps: { metrics: Pick<Metrics, "scrape" | "contentType">; token: string | null }): Route {
  return {
    method: "GET",
    path: "/metrics",
    async handler(req, res) {
      if (deps.token !== null && !hasToken(req, deps.token)) {
        res.writeHead(401, { "www-authenticate": 'Bearer realm="newsdesk metrics"', "content-type": "text/plain; charset=utf-8" });
        res.end("a bearer token (METRICS_TOKEN) is required\n");
        return;
      }
      const body = await deps.metrics.scrape();
      res.writeHead(200, { "content-type": deps.metrics.contentType, "cache-control": "no-store" });
      res.end(body);
    },
  };
}
