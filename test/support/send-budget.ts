import { createSendBudget, type ReplyBudget } from "../../src/publish/send-budget.js";

/**
 * A send budget on its own virtual clock: it paces and orders messages exactly as the real
 * one does (1 s per private chat, 20 a minute per group, channel posts first), but its
 * waits take no real time, so a test of several replies to one chat stays fast.
 */
export function virtualTimeBudget(start = Date.now()): ReplyBudget {
  let now = start;
  return createSendBudget({
    now: () => now,
    sleep: (ms) => {
      now += Math.max(0, ms);
      return Promise.resolve();
    },
  });
}
