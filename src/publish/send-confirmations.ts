/**
 * Channel posts Telegram has taken whose message id the database has not recorded yet.
 * Once Telegram returned the id it is never lost: the outbox logs it first, then hands
 * it here, where recording is retried at once and then in the background (1 s doubling
 * to 30 s) while the database is unavailable. The post's sending lease is renewed all
 * that time, and this process never calls a post it is still recording "uncertain".
 * On shutdown whatever could not be recorded is tried once more and then logged as an
 * error naming the post and its message id, so an operator can record it by hand.
 */
import { setTimeout as sleep } from "node:timers/promises";

import type { Logger } from "../logger.js";

export interface Confirmation {
  postId: number;
  messageId: number;
  chatId: string;
  /**
   * Writes the result: true when recorded, false when the post is no longer this sender's
   * (cancelled or changed meanwhile). Throws when the database fails.
   */
  record: () => Promise<boolean>;
  /** Called once, when the confirmation is recorded, refused or given up at shutdown. */
  settled?: () => void;
}

/** "pending": not recorded yet; the retries go on in the background. */
export type ConfirmResult = "recorded" | "refused" | "pending";

export interface SendConfirmations {
  /** Records a delivered post, retrying a few times before it returns; the rest goes on in the background. */
  confirm(confirmation: Confirmation): Promise<ConfirmResult>;
  /** Posts this process knows were delivered but has not recorded yet. */
  pendingPostIds(): number[];
  /** Stops retrying, tries once more to record what is pending, and logs loudly what could not be. */
  stop(): Promise<void>;
}

export interface SendConfirmationsOptions {
  logger: Logger;
  /** First wait between attempts (doubling up to `maxDelayMs`). */
  firstDelayMs?: number;
  maxDelayMs?: number;
  /** Attempts `confirm` makes before it returns "pending". */
  attemptsBeforeReturning?: number;
}

/** The wait after failed attempt number `attempt` (1-based): first, doubling, at most max. Pure. */
function confirmRetryDelayMs(attempt: number, firstMs: number, maxMs: number): number {
  return Math.min(maxMs, firstMs * 2 ** Math.max(0, Math.min(attempt - 1, 30)));
}

export function createSendConfirmations(options: SendConfirmationsOptions): SendConfirmations {
  const { logger } = options;
  const firstMs = options.firstDelayMs ?? 1000;
  const maxMs = options.maxDelayMs ?? 30_000;
  const attemptsBeforeReturning = options.attemptsBeforeReturning ?? 3;
  const pending = new Map<number, Confirmation>();
  const working = new Set<Promise<unknown>>();
  const stopping = new AbortController();
  let stopped = false;

  const track = <T>(work: Promise<T>): Promise<T> => {
    working.add(work);
    void work.finally(() => working.delete(work)).catch(() => undefined);
    return work;
  };

  const settle = (confirmation: Confirmation, result: "recorded" | "refused"): void => {
    pending.delete(confirmation.postId);
    confirmation.settled?.();
    if (result === "refused") {
      logger.error(
        { postId: confirmation.postId, messageId: confirmation.messageId },
        "post was sent but was meanwhile cancelled or changed; check the channel",
      );
    }
  };

  const attempt = async (confirmation: Confirmation, number: number): Promise<"recorded" | "refused" | "failed"> => {
    try {
      const result = (await confirmation.record()) ? "recorded" : "refused";
      settle(confirmation, result);
      return result;
    } catch (error) {
      logger.warn(
        { err: error, postId: confirmation.postId, messageId: confirmation.messageId, attempt: number },
        "could not record the channel post's message id; retrying",
      );
      return "failed";
    }
  };

  /** Attempts from `first` on until recorded, refused, stopped or (when `until` is set) that many attempts made. */
  const retry = async (confirmation: Confirmation, first: number, until: number | null): Promise<ConfirmResult> => {
    for (let number = first; ; number++) {
      const result = await attempt(confirmation, number);
      if (result !== "failed") return result;
      if (stopping.signal.aborted || (until !== null && number >= until)) return "pending";
      await sleep(confirmRetryDelayMs(number, firstMs, maxMs), undefined, { signal: stopping.signal }).catch(() => undefined);
      if (stopping.signal.aborted) return "pending";
    }
  };

  /** The last word on a confirmation nobody could record: an error line an operator can act on. */
  const giveUp = (confirmation: Confirmation): void => {
    pending.delete(confirmation.postId);
    confirmation.settled?.();
    logger.error(
      { postId: confirmation.postId, chatId: confirmation.chatId, messageId: confirmation.messageId },
      `post #${confirmation.postId} is in the channel as message ${confirmation.messageId} but the database could not record it: ` +
        "set it to sent with that message id by hand, or it will be reported as uncertain",
    );
  };

  return {
    async confirm(confirmation) {
      pending.set(confirmation.postId, confirmation);
      const result = await track(retry(confirmation, 1, attemptsBeforeReturning));
      if (result === "pending" && stopped) giveUp(confirmation);
      if (result === "pending" && !stopping.signal.aborted) {
        logger.error(
          { postId: confirmation.postId, messageId: confirmation.messageId },
          "the database is not recording the channel post; retrying in the background",
        );
        void track(
          retry(confirmation, attemptsBeforeReturning + 1, null).then((late) => {
            if (late === "recorded") logger.info({ postId: confirmation.postId, messageId: confirmation.messageId }, "channel post recorded after all");
          }),
        );
      }
      return result;
    },

    pendingPostIds: () => [...pending.keys()],

    async stop() {
      stopping.abort();
      await Promise.allSettled([...working]);
      for (const confirmation of [...pending.values()]) {
        if ((await attempt(confirmation, 0)) === "failed") giveUp(confirmation);
      }
      stopped = true;
    },
  };
}
