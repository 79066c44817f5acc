import { databaseErrorReason } from "./database-error-reason.js";

/** What went wrong, in words: Telegram's own description of a failed call, else the message. */
export function errorReason(error: unknown): string {
  return (error as { description?: string }).description ?? (error as Error).message;
}

/**
 * One line an operator can read for any failure: a database failure in words
 * ({@link databaseErrorReason}), else Prisma's conclusion (its messages start with the call
 * and a code frame and end with what went wrong), else the first line of the message.
 */
export function failureReason(error: unknown): string {
  const database = databaseErrorReason(error);
  if (database) return database;
  const message = error instanceof Error ? errorReason(error) : String(error);
  const lines = message.split("\n").map((line) => line.trim()).filter(Boolean);
  const line = /^Invalid `.+` invocation/.test(lines[0] ?? "") ? lines.at(-1) : lines[0];
  return line ?? "unknown error";
}
