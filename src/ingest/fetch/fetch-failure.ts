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
      code: "invalid-url" | "private-address" | "timeout" | "too-large" | "too-many-redirects" | "network" | "cancelled";
      url: string;
      detail: string;
    };

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
