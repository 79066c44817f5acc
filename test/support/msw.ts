import { setupServer } from "msw/node";

/**
 * The one msw server of a test file. Handlers for each outside service live in
 * their own file (telegram.ts, web.ts) and are added with `server.use(...)`.
 * Any request nobody handles fails the test: nothing reaches the network.
 */
export const server = setupServer();
