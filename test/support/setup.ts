import { afterAll, afterEach, beforeAll, inject } from "vitest";

import { useTestPostgres } from "./database.js";
import { server } from "./msw.js";

declare module "vitest" {
  export interface ProvidedContext {
    /** The PostgreSQL server chosen once for the run by global-setup.ts. */
    testPostgresUrl: string;
  }
}

useTestPostgres(inject("testPostgresUrl"));

beforeAll(() => server.listen({ onUnhandledRequest: "error" }));
afterEach(() => server.resetHandlers());
afterAll(() => server.close());
