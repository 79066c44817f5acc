/**
 * Paces the bot's own messages (replies, edits, notices) through the send budget the
 * outbox and the alerts use, at the "reply" priority: at most 1 a second to a private
 * chat, 20 a minute to a group, 30 a second in all, and ahead of any alert fan-out.
 *
 * When Telegram answers 429 in a chat, that chat waits `retry_after` (others go on) and
 * the call is tried again; once a message gets through after such a wait, `onFloodWaitOver`
 * hears how long it was held up — once per episode, however many messages waited.
 * Install it before the auto-retry transformer, so each retry is paced too.
 */
import type { Translate } from "../i18n/translate.js";
import type { Transformer } from "grammy";

import { chatKeyOf, type ReplyBudget } from "../publish/send-budget.js";

/** Longest flood wait a message waits out here; a longer one fails and the caller's policy decides. */
const MAX_FLOOD_WAIT_MS = 60_000;
const MAX_ATTEMPTS = 3;
/** A chat hears about delays at most this often, however often Telegram slows it down. */
const NOTICE_GAP_MS = 10 * 60_000;

/** Methods that put a message in a chat or change one: Telegram counts them against the chat. */
function isPaced(method: string): boolean {
  return (method.startsWith("send") && method !== "sendChatAction") || method.startsWith("edit") || /^(copy|forward)Messages?$/.test(method);
}

/** The chat a paced call goes to, or null for calls that are not paced (inline-message edits, queries…). */
function pacedChatOf(method: string, payload: unknown): string | null {
  if (!isPaced(method) || typeof payload !== "object" || payload === null) return null;
  const chatId = (payload as { chat_id?: unknown }).chat_id;
  return typeof chatId === "number" || typeof chatId === "string" ? chatKeyOf(chatId) : null;
}

/** How long replies were held up, in words: "my replies were delayed by 35 seconds". Pure. */
export function floodDelayText(t: Translate, delayMs: number): string {
  const seconds = Math.max(1, Math.round(delayMs / 1000));
  return seconds < 120 ? t("notice-flood-wait", { seconds }) : t("notice-flood-wait-minutes", { minutes: Math.round(seconds / 60) });
}

export interface PacingOptions {
  budget: ReplyBudget;
  /** A chat's flood wait is over and a message got through: tell whoever should know (never throws). */
  onFloodWaitOver?: (chatKey: string, delayMs: number) => Promise<void>;
}

/** One transformer, shared by every Api object of the process, so they all count against one budget. */
export function createPacingTransformer(options: PacingOptions): Transformer {
  const { budget } = options;
  // Chats with a flood wait in progress, since when (on the budget's clock).
  const episodes = new Map<string, number>();
  const lastNotice = new Map<string, number>();

  const floodWait = (chatKey: string, waitMs: number): void => {
    budget.pauseChat(chatKey, waitMs);
    const now = budget.now();
    // Chats that never got another message: forget their old episodes, so the map stays small.
    if (episodes.size > 1000) for (const [key, since] of episodes) if (since < now - NOTICE_GAP_MS) episodes.delete(key);
    if (!episodes.has(chatKey)) episodes.set(chatKey, now);
  };

  /** The first message through after its own wait ends the episode; messages that waited alongside it say nothing more. */
  const gotThrough = async (chatKey: string, waitedMs: number): Promise<void> => {
    if (waitedMs === 0 || !episodes.has(chatKey)) return;
    episodes.delete(chatKey);
    const now = budget.now();
    if (!options.onFloodWaitOver || now - (lastNotice.get(chatKey) ?? Number.NEGATIVE_INFINITY) < NOTICE_GAP_MS) return;
    lastNotice.set(chatKey, now);
    await options.onFloodWaitOver(chatKey, waitedMs);
  };

  return async (prev, method, payload, signal) => {
    const chatKey = pacedChatOf(method, payload);
    if (chatKey === null) return prev(method, payload, signal);
    // What Telegram made this message wait, over all its attempts.
    let waitedMs = 0;
    for (let attempt = 1; ; attempt++) {
      // grammY types its signal with the abort-controller polyfill's type; the platform's is compatible.
      const result = await budget.send(chatKey, "reply", () => prev(method, payload, signal), signal as globalThis.AbortSignal | undefined);
      if (result.ok) {
        await gotThrough(chatKey, waitedMs);
        return result;
      }
      const retryAfter = result.error_code === 429 ? result.parameters?.retry_after : undefined;
      if (retryAfter === undefined) return result;
      floodWait(chatKey, retryAfter * 1000);
      waitedMs += retryAfter * 1000;
      if (retryAfter * 1000 > MAX_FLOOD_WAIT_MS || attempt >= MAX_ATTEMPTS) return result;
    }
  };
}
