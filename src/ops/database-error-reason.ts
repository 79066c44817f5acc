/**
 * A database failure in words an operator can act on: "the disk is full (SQLITE_FULL)".
 * Reads the codes Prisma's driver adapters attach to their errors (SQLite's result codes,
 * PostgreSQL's SQLSTATE, the adapters' own kinds); knows nothing else about Prisma. Pure.
 */

interface DriverCause {
  kind?: string;
  originalCode?: string;
  code?: string;
  message?: string;
  host?: string;
  port?: number;
}

/** The driver adapter's own description of the failure, when the error carries one. */
function driverCause(error: unknown): DriverCause | null {
  const seen = new Set<unknown>();
  let current: unknown = error;
  while (current && typeof current === "object" && !seen.has(current)) {
    seen.add(current);
    const meta = (current as { meta?: { driverAdapterError?: { cause?: DriverCause } } }).meta;
    if (meta?.driverAdapterError?.cause) return meta.driverAdapterError.cause;
    const own = current as DriverCause & { name?: string; cause?: unknown };
    if (own.name === "DriverAdapterError" && own.cause && typeof own.cause === "object") return own.cause;
    if (typeof own.originalCode === "string" && own.kind !== undefined) return own;
    current = own.cause;
  }
  return null;
}

const SQLITE_REASONS: [RegExp, string][] = [
  [/^SQLITE_FULL/, "the disk is full"],
  [/^SQLITE_(BUSY|LOCKED)/, "the database is locked by another process"],
  [/^SQLITE_READONLY/, "the database file is read-only"],
  [/^SQLITE_IOERR/, "the disk reported an input/output error"],
  [/^SQLITE_CANTOPEN/, "the database file cannot be opened"],
  [/^SQLITE_CORRUPT/, "the database file is damaged"],
];

const POSTGRES_REASONS: [RegExp, string][] = [
  [/^53100$/, "the database server's disk is full"],
  [/^25006$/, "the database is read-only"],
  [/^53300$/, "the database server has no free connections"],
  [/^57P0[123]$/, "the database server is shutting down or starting up"],
  [/^08/, "the connection to the database server failed"],
  [/^55P03$|^40P01$/, "the database is locked by another transaction"],
];

const ADAPTER_KINDS: Record<string, (cause: DriverCause) => string> = {
  DatabaseNotReachable: (c) => `the database server${c.host ? ` at ${c.host}${c.port ? `:${c.port}` : ""}` : ""} does not answer`,
  DatabaseDoesNotExist: () => "the database does not exist",
  AuthenticationFailed: () => "the database refused the credentials",
  TooManyConnections: () => "the database server has no free connections",
  SocketTimeout: () => "the database did not answer in time",
  TransactionWriteConflict: () => "the database is locked by another transaction",
};

/** Prisma's own codes for a database it cannot reach or that did not answer. */
const PRISMA_CODES: Record<string, string> = {
  P1001: "the database server does not answer",
  P1002: "the database server did not answer in time",
  P1008: "the database did not answer in time",
  P1017: "the database server closed the connection",
  P2024: "the database did not answer in time (no free connection)",
};

/**
 * Why the database could not do its work (full, locked, read-only, unreachable…), as a short
 * phrase ending with the driver's code; null for anything else, including a query's own
 * mistakes (a missing table, a broken constraint), which Prisma's message words better.
 */
export function databaseErrorReason(error: unknown): string | null {
  const cause = driverCause(error);
  if (cause) {
    const code = cause.originalCode ?? cause.code;
    // SQLite's code decides, whatever kind the adapter filed it under (SQLITE_BUSY comes as a "SocketTimeout").
    if (code?.startsWith("SQLITE_")) {
      const found = SQLITE_REASONS.find(([pattern]) => pattern.test(code));
      if (found) return `${found[1]} (${code})`;
    }
    if (cause.kind === "postgres" && code) {
      const found = POSTGRES_REASONS.find(([pattern]) => pattern.test(code));
      if (found) return `${found[1]} (PostgreSQL ${code})`;
    }
    const describe = cause.kind ? ADAPTER_KINDS[cause.kind] : undefined;
    if (describe) return describe(cause);
  }
  const prismaCode = (error as { code?: unknown } | null)?.code;
  if (typeof prismaCode === "string" && prismaCode in PRISMA_CODES) return PRISMA_CODES[prismaCode] ?? null;
  // better-sqlite3 used directly (migrations) throws SqliteError with the result code.
  if (typeof prismaCode === "string" && prismaCode.startsWith("SQLITE_")) {
    const found = SQLITE_REASONS.find(([pattern]) => pattern.test(prismaCode));
    if (found) return `${found[1]} (${prismaCode})`;
  }
  return null;
}
