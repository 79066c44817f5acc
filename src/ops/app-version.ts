/** The version of Newsdesk that is running, as package.json gives it (heartbeats, /status). */
import { readFileSync } from "node:fs";

/** Reads package.json next to src/; "unknown" when it cannot be read. */
export function readAppVersion(): string {
  try {
    const pkg = JSON.parse(readFileSync(new URL("../../package.json", import.meta.url), "utf8")) as { version?: unknown };
    return typeof pkg.version === "string" ? pkg.version : "unknown";
  } catch {
    return "unknown";
  }
}
