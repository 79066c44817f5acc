/**
 * Why a fetch failed, as data a front end renders in its reader's language: the
 * {@link FetchError}'s code with the facts a sentence needs. `detail` keeps the fetcher's
 * own English message, for operators and logs. Pure.
 */
import { STATUS_CODES } from "node:http";

import { describeUrl } from "./describe-url.js";
import type { FetchError } from "./fetch-error.js";

export type FetchFailure =
  /** The site answered an error status: `status` is "404 Not Found", the code with its standard phrase. */
  | { code: "http-status"; url: string; status: string; detail: string }
  /** The host's name could not be resolved. */
  | { code: "dns"; url: string; host: string; detail: string }
  | {
      code: (typeof PLAIN_CODES)[number];
      url: string;
      detail: string;
    };

const PLAIN_CODES = ["invalid-url", "private-address", "timeout", "too-large", "too-many-redirects", "network", "cancelled"] as const;
const CODES: ReadonlySet<string> = new Set<FetchFailure["code"]>(["http-status", "dns", ...PLAIN_CODES]);

/** Whether a stored value (a parsed column or audit entry) is a fetch failure with the facts its sentence needs. */
export function isFetchFailure(value: unknown): value is FetchFailure {
  if (typeof value !== "object" || value === null) return false;
  const fields = value as Record<string, unknown>;
  if (!CODES.has(fields.code as string) || typeof fields.url !== "string") return false;
  if (fields.code === "http-status") return typeof fields.status === "string";
  return fields.code !== "dns" || typeof fields.host === "string";
}

/** "404 Not Found"; the bare code when HTTP has no name for it. */
function statusLine(status: number | undefined): string {
  if (status === undefined) return "an error";
  const phrase = STATUS_CODES[status];
  return phrase ? `${status} ${phrase}` : String(status);
}

function hostOf(url: string): string {
  try {
    return new URL(url).hostname.replace(/^\[|\]$/g, "");
  } catch {
    return url;
  }
}

export function fetchFailureOf(error: FetchError): FetchFailure {
  const url = describeUrl(error.url);
  const detail = error.message;
  switch (error.code) {
    case "http_status":
      return { code: "http-status", url, status: statusLine(error.status), detail };
    case "dns":
      return { code: "dns", url, host: hostOf(error.url), detail };
    case "invalid_url":
      return { code: "invalid-url", url, detail };
    case "private_address":
      return { code: "private-address", url, detail };
    case "too_large":
      return { code: "too-large", url, detail };
    case "too_many_redirects":
      return { code: "too-many-redirects", url, detail };
    case "timeout":
    case "network":
    case "cancelled":
      return { code: error.code, url, detail };
  }
}
