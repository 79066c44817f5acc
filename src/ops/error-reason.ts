/** What went wrong, in words: Telegram's own description of a failed call, else the message. */
export function errorReason(error: unknown): string {
  return (error as { description?: string }).description ?? (error as Error).message;
}
