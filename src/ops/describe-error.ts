/**
 * The log policy for failures: an expected failure (a feed's 404, a timeout, Telegram
 * saying no, a locked database) is one line with its reason and no stack trace; anything
 * else is a bug and is logged with its stack. Pure: errors are recognised by their shape
 * (name, code, fields), never by importing grammY, Prisma or undici.
 */

/** The fields a log entry gets for a failure: `{ reason }` when expected, `{ err }` (with the stack) for a bug. */
export type ErrorLogFields = { reason: string } | { err: unknown };

/** Longest reason kept; a reason is a line, not a document. */
const MAX_REASON_CHARS = 500;

/** Node and undici codes of a network that failed, not of code that failed. */
const NETWORK_CODES = new Set([
  "ECONNREFUSED",
  "ECONNRESET",
  "ECONNABORTED",
  "ETIMEDOUT",
  "ENOTFOUND",
  "EAI_AGAIN",
  "EAI_FAIL",
  "ENETUNREACH",
  "ENETDOWN",
  "EHOSTUNREACH",
  "EHOSTDOWN",
  "EPIPE",
  "UND_ERR_CONNECT_TIMEOUT",
  "UND_ERR_HEADERS_TIMEOUT",
  "UND_ERR_BODY_TIMEOUT",
  "UND_ERR_SOCKET",
  "UND_ERR_CLOSED",
]);

/** Prisma's codes for a database that is unreachable, overloaded or busy (not a wrong query). */
const DATABASE_BUSY_CODES = new Set(["P1001", "P1002", "P1008", "P1017", "P2024", "P2034"]);

/** Driver adapter error kinds with the same meaning. */
const DATABASE_BUSY_KINDS = new Set([
  "SocketTimeout",
  "DatabaseNotReachable",
  "ConnectionClosed",
  "TooManyConnections",
  "TransactionWriteConflict",
  "TlsConnectionError",
]);

/** SQLite (locked, full, disk error, read-only) and PostgreSQL (resources, operator, connection, conflicts) codes. */
const DATABASE_BUSY_ORIGINAL = /^(SQLITE_(BUSY|LOCKED|FULL|IOERR|READONLY|CANTOPEN)|53|57P|08|40001|40P01)/;

type Shape = Record<string, unknown>;

function isObject(value: unknown): value is Shape {
  return typeof value === "object" && value !== null;
}

function text(value: unknown): string {
  return typeof value === "string" ? value : "";
}

/** A code (ECONNREFUSED…) found on the error or what it wraps (`cause`, grammY's `error`). */
function networkCode(error: unknown): string | null {
  let current: unknown = error;
  for (let depth = 0; depth < 5 && isObject(current); depth++) {
    const code = current.code;
    if (typeof code === "string" && NETWORK_CODES.has(code)) return code;
    current = current.cause ?? current.error;
  }
  return null;
}

function withCode(message: string, code: string): string {
  return message.includes(code) ? message : `${message} (${code})`;
}

/** Prisma's message ends with the sentence that matters, after the call site and a code frame. */
function lastLine(message: string): string {
  return message.trim().split("\n").map((line) => line.trim()).filter(Boolean).at(-1) ?? message;
}

function databaseReason(error: Shape): string | null {
  if (!/^PrismaClient(KnownRequest|Initialization)Error$/.test(text(error.name))) return null;
  const meta = isObject(error.meta) ? error.meta : {};
  const adapter = isObject(meta.driverAdapterError) && isObject(meta.driverAdapterError.cause) ? meta.driverAdapterError.cause : {};
  const original = text(adapter.originalCode) || text(adapter.code);
  const busy =
    DATABASE_BUSY_CODES.has(text(error.code)) ||
    DATABASE_BUSY_KINDS.has(text(adapter.kind)) ||
    DATABASE_BUSY_ORIGINAL.test(original) ||
    text(error.name) === "PrismaClientInitializationError";
  if (!busy) return null;
  const detail = original ? ` (${original}: ${text(adapter.originalMessage) || text(adapter.message) || text(adapter.kind)})` : "";
  return `database: ${lastLine(text(error.message))}${detail}`;
}

/** The one-line reason of an expected failure, or null when the error is a bug. */
export function expectedFailureReason(error: unknown): string | null {
  if (!isObject(error)) return null;
  const name = text(error.name);
  const message = text(error.message);
  // The fetcher's and the feed parser's own errors: messages written for the operator.
  if (name === "FetchError" && typeof error.code === "string") return message;
  if (name === "FeedParseError") return message;
  // The extraction pool gave up on a page or feed past EXTRACT_TIMEOUT_MS.
  if (name === "ExtractionTimeoutError") return message;
  // grammY: Telegram answered with an error (GrammyError), or could not be reached (HttpError).
  if (name === "GrammyError" && typeof error.error_code === "number") return message;
  if (name === "HttpError" && "error" in error) {
    const code = networkCode(error.error);
    const inner = isObject(error.error) ? text(error.error.message) : "";
    return code ? withCode(message, code) : inner ? `${message} ${inner}` : message;
  }
  if (name === "AbortError" || name === "TimeoutError") return message || name;
  const database = databaseReason(error);
  if (database) return database;
  // undici's fetch throws a TypeError("fetch failed") around the socket's error.
  const code = networkCode(error);
  if (code) return withCode(message || code, code);
  return null;
}

/**
 * The fields to log a failure with: `log.warn({ ...describeError(error), feedId }, "feed failed")`
 * gives one line with `reason` for an expected failure and `err` with the stack for a bug.
 */
export function describeError(error: unknown): ErrorLogFields {
  const reason = expectedFailureReason(error);
  if (reason === null) return { err: error };
  const line = reason.replace(/\s+/g, " ").trim();
  return { reason: line.length > MAX_REASON_CHARS ? `${line.slice(0, MAX_REASON_CHARS - 1)}…` : line };
}
