import { http, passthrough } from "msw";
import { setupServer } from "msw/node";

/**
 * The one msw server of a test file. Handlers for each outside service live in
 * their own file (telegram.ts, web.ts) and are added with `server.use(...)`.
 * Any request nobody handles fails the test: nothing reaches the network.
 */
export const server = setupServer();

/** Lets requests to servers the test itself started on 127.0.0.1 through (e.g. the app's HTTP server). */
export function allowLoopback(): void {
  server.use(http.all(/^http:\/\/127\.0\.0\.1:\d+\//, () => passthrough()));
}
