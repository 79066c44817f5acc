/**
 * Structured logs (pino) on stderr, so a command's own output on stdout stays
 * clean. Secrets given at creation are masked wherever they appear in a log
 * line — messages, error messages and stacks, nested fields — because a Bot API
 * URL in an error carries the token.
 */
import { pino, type Logger } from "pino";

export type { Logger };

/** Replaces every occurrence of each secret in `text`. */
export function maskSecrets(text: string, secrets: readonly string[]): string {
  let masked = text;
  for (const secret of secrets) if (secret) masked = masked.split(secret).join("[secret]");
  return masked;
}

/** Creates the process logger; `secrets` (token, webhook secret, API keys) never reach the output. */
export function createLogger(options: {
  level: string;
  secrets?: (string | null | undefined)[];
  destination?: pino.DestinationStream;
}): Logger {
  const secrets = (options.secrets ?? []).filter((s): s is string => typeof s === "string" && s.length >= 6);
  const destination = options.destination ?? pino.destination({ fd: 2, sync: true });
  if (secrets.length === 0) return pino({ level: options.level }, destination);
  const masking: pino.DestinationStream = {
    write: (line: string) => destination.write(maskSecrets(line, secrets)),
  };
  return pino({ level: options.level }, masking);
}
