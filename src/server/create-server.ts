/**
 * The HTTP server on PORT, in both bot modes, serving the routes the caller gives it:
 * /healthz and /readyz (health-routes.ts), the webhook (at WEBHOOK_URL's path, secret
 * token checked) in webhook mode, the click-counting redirect.
 */
import { createServer as createHttpServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";

import type { Logger } from "../logger.js";

export type RouteHandler = (req: IncomingMessage, res: ServerResponse, url: URL) => Promise<void> | void;

export interface Route {
  method: "GET" | "POST";
  /** An exact path, or a pattern matched against the path. */
  path: string | RegExp;
  handler: RouteHandler;
}

export interface HttpServer {
  server: Server;
  listen(port: number, host?: string): Promise<number>;
  close(): Promise<void>;
}

/** Sends a small JSON answer. */
export function sendJson(res: ServerResponse, status: number, body: unknown): void {
  res.writeHead(status, { "content-type": "application/json; charset=utf-8" });
  res.end(JSON.stringify(body));
}

export function createServer(deps: { routes: Route[]; logger: Logger }): HttpServer {
  const server = createHttpServer((req, res) => {
    const url = new URL(req.url ?? "/", "http://localhost");
    const route = deps.routes.find(
      (r) => r.method === req.method && (typeof r.path === "string" ? r.path === url.pathname : r.path.test(url.pathname)),
    );
    if (!route) {
      const pathKnown = deps.routes.some((r) => (typeof r.path === "string" ? r.path === url.pathname : r.path.test(url.pathname)));
      sendJson(res, pathKnown ? 405 : 404, { error: pathKnown ? "method not allowed" : "not found" });
      return;
    }
    Promise.resolve(route.handler(req, res, url)).catch((error: unknown) => {
      deps.logger.error({ err: error, path: url.pathname }, "HTTP handler failed");
      if (!res.headersSent) sendJson(res, 500, { error: "internal error" });
      else res.end();
    });
  });
  return {
    server,
    listen(port, host) {
      return new Promise((resolve, reject) => {
        server.once("error", reject);
        server.listen(port, host, () => {
          const address = server.address();
          resolve(typeof address === "object" && address ? address.port : port);
        });
      });
    },
    close() {
      return new Promise((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      });
    },
  };
}
