/** HTTP routes for readers: the click-counting redirect. */
import type { Services } from "../services.js";
import type { Route } from "./create-server.js";

export function createReaderRoutes(_services: Services): Route[] {
  return [];
}
