/**
 * What `db backup` says on PostgreSQL: Newsdesk copies SQLite files itself, but a
 * PostgreSQL database is backed up with PostgreSQL's own pg_dump. The commands
 * carry DATABASE_URL's host, port, user and database, never its password.
 */

/** Quotes a value for a POSIX shell when it needs it. */
function shellWord(value: string): string {
  return /^[A-Za-z0-9_./:=@%+-]+$/.test(value) ? value : `'${value.replace(/'/g, `'\\''`)}'`;
}

function decoded(text: string): string {
  try {
    return decodeURIComponent(text);
  } catch {
    return text;
  }
}

/** The lines to print instead of a copy: why there is none, and the pg_dump and pg_restore commands. */
export function pgDumpAdvice(databaseUrl: string, file: string): string[] {
  const url = new URL(databaseUrl);
  const host = url.searchParams.get("host") ?? (decoded(url.hostname) || "localhost");
  const port = url.port || "5432";
  const user = decoded(url.username);
  const database = decoded(url.pathname.replace(/^\//, "")) || user || "postgres";
  const sslMode = url.searchParams.get("sslmode");
  const connection = [`--host=${shellWord(host)}`, `--port=${port}`, ...(user ? [`--username=${shellWord(user)}`] : []), `--dbname=${shellWord(database)}`];
  const env = sslMode ? `PGSSLMODE=${shellWord(sslMode)} ` : "";
  return [
    "Newsdesk copies SQLite databases only; nothing was copied. Back up PostgreSQL with pg_dump, which is consistent while the bot runs:",
    `  ${env}pg_dump --format=custom ${connection.join(" ")} --file=${shellWord(file)}`,
    "It asks for the password, or reads PGPASSWORD or ~/.pgpass (the password in DATABASE_URL is not shown here). To restore, stop the bot, then:",
    `  ${env}pg_restore --clean --if-exists --no-owner ${connection.join(" ")} ${shellWord(file)}`,
  ];
}
