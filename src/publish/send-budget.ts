/**
 * The one send budget shared by channel posts and readers' alerts (Telegram allows
 * about 30 messages/s overall and 1/s per chat). Channel posts go first.
 */
export type SendPriority = "channel" | "alert";

export interface SendBudget {
  /** Waits until a message to `chatId` may be sent. */
  take(chatId: string | number, priority: SendPriority): Promise<void>;
  /** Telegram answered 429: nobody sends for `retryAfterMs`. */
  pause(retryAfterMs: number): void;
}

export function createSendBudget(): SendBudget {
  return {
    take: () => Promise.resolve(),
    pause: () => {},
  };
}
