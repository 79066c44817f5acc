/**
 * Structured logs (pino) on stderr, so a command's own output on stdout stays
 * clean: one JSON object per line for a log collector, or one readable line per
 * entry for a person at a terminal. Secrets given at creation are masked wherever
 * they appear in the final text — messages, error messages and stacks, nested
 * fields — because a Bot API URL in an error carries the token.
 */
import { createRequire } from "node:module";

import { pino, type Logger } from "pino";
import type * as PinoPretty from "pino-pretty";

export type { Logger };

/** How entries are written: readable lines, or JSON lines. */
export type LogFormat = "pretty" | "json";

/** Replaces every occurrence of each secret in `text`. */
export function maskSecrets(text: string, secrets: readonly string[]): string {
  let masked = text;
  for (const secret of secrets) if (secret) masked = masked.split(secret).join("[secret]");
  return masked;
}

/**
 * Turns pino's JSON lines into "[2026-03-02 09:00:00.000] WARN: feed failed {"feedId":3,…}".
 * Synchronous, in this thread (not a transport worker), so nothing is lost when the
 * process exits and the masking sees the final text.
 */
function prettyLines(colorize: boolean): (line: string) => string {
  // Loaded only for the pretty format: JSON logs (the bot in production) never pay for it.
  const { prettyFactory } = createRequire(import.meta.url)("pino-pretty") as typeof PinoPretty;
  return prettyFactory({ colorize, singleLine: true, translateTime: "SYS:yyyy-mm-dd HH:MM:ss.l", ignore: "pid,hostname" });
}

/** Creates the process logger; `secrets` (token, webhook secret, API keys) never reach the output. */
export function createLogger(options: {
  level: string;
  /** Default json. */
  format?: LogFormat;
  secrets?: (string | null | undefined)[];
  /** Default stderr, written synchronously. */
  destination?: pino.DestinationStream;
  /** Colours in the pretty format; default: when writing to stderr and it is a terminal. */
  colorize?: boolean;
}): Logger {
  const secrets = (options.secrets ?? []).filter((s): s is string => typeof s === "string" && s.length >= 6);
  const destination = options.destination ?? pino.destination({ fd: 2, sync: true });
  const pretty = options.format === "pretty";
  if (!pretty && secrets.length === 0) return pino({ level: options.level }, destination);
  // pino-pretty loads with the first line written: a CLI command at a terminal mostly logs nothing.
  let render: ((line: string) => string) | null = null;
  const renderLine = (line: string) => (render ??= prettyLines(options.colorize ?? (options.destination === undefined && process.stderr.isTTY)))(line);
  const writer: pino.DestinationStream = {
    write: (line: string) => destination.write(maskSecrets(pretty ? renderLine(line) : line, secrets)),
  };
  return pino({ level: options.level }, writer);
}
