/**
 * The one send budget shared by channel posts, the bot's own replies and notices, and
 * readers' alerts (Telegram allows about 30 messages/s overall, 1/s per chat and
 * 20/min per group or channel). Channel posts go first, then replies, then alerts.
 *
 * Two layers: a pure scheduling core (`decideNextGrant` / `recordGrant` / `recordAnswer`)
 * that says who may send when, and `createSendBudget`, which queues waiters and wakes them
 * on an injected clock.
 *
 * A message counts from the latest moment Telegram can have received it, not from when it
 * was granted: a request can reach Telegram tens of milliseconds after its grant (a busy
 * machine, a woken thread, the network) while the one a second later arrives at once, and
 * Telegram then sees more than the limit in its second. Senders that go through `send`
 * have each message counted from Telegram's answer (it cannot have arrived later) and
 * counted as arriving any moment while it is in flight; `take` alone counts it from the
 * grant plus a margin.
 *
 * Libraries were considered and rejected: bottleneck (unmaintained
 * since 2019) and p-queue have priorities but no per-chat intervals that let a ready
 * chat overtake a waiting one, limiter is a bare token bucket; none takes an injected
 * clock, so their pacing could only be tested with fake timers or real time.
 */

/** Who goes first: channel posts, then replies (and edits and notices), then alerts. */
export type SendPriority = "channel" | "reply" | "alert";

export interface SendBudget {
  /**
   * Waits until a message to `chatId` may be sent, then counts it as sent. Rejects
   * with the signal's reason when `signal` aborts first (the slot is not used).
   */
  take(chatId: string | number, priority: SendPriority, signal?: AbortSignal): Promise<void>;
  /**
   * Waits as `take` does, then runs `send` (the request to Telegram) and counts the message
   * from when it settles: the latest Telegram can have seen it, however late it got there.
   * Rejects with the signal's reason if it aborts before the slot, else as `send` does.
   */
  send<T>(chatId: string | number, priority: SendPriority, send: () => Promise<T>, signal?: AbortSignal): Promise<T>;
  /** Telegram answered 429: nobody sends for `retryAfterMs`. */
  pause(retryAfterMs: number): void;
}

/** What pacing the bot's replies needs beyond {@link SendBudget}. */
export interface ReplyBudget extends SendBudget {
  /** Telegram answered 429 in one chat: nothing goes to that chat for `retryAfterMs`. */
  pauseChat(chatId: string | number, retryAfterMs: number): void;
  /** The budget's clock (ms): its waits are measured on it. */
  now(): number;
}

/** One rate the core enforces: how many messages a second, counted how. */
export interface LaneRules {
  /** At most this many messages in any window of `windowMs`. */
  perSecond: number;
  /** The window `perSecond` counts in: Telegram's second. */
  windowMs: number;
  /**
   * A message whose answer nobody reports (`take`) counts from its grant plus this: the
   * margin for it reaching Telegram late after network and event-loop jitter.
   */
  unansweredMarginMs: number;
  /** Minimum gap between messages (per `burst` of them): the pace at which a lane behind its schedule catches up. */
  minGapMs: number;
  /**
   * How many messages may go together before `minGapMs` applies: 1 up to 199 a second, more
   * at higher rates, where a gap below a timer's millisecond could not be kept one by one.
   */
  burst: number;
  /**
   * Messages go one share apart on a schedule, each due a share after the one before, so a
   * window's worth goes out evenly instead of as a burst then a silence (after which the first
   * message reaches Telegram late, and the next second's sends are counted from it). A sender
   * this far behind the schedule (a late timer, a busy thread) catches up at `minGapMs`; one
   * further behind (after a quiet spell) catches up only this much.
   */
  catchUpMs: number;
}

/** The limits the core enforces. */
export interface BudgetRules extends LaneRules {
  /** Minimum gap between two messages to one private chat. */
  perChatIntervalMs: number;
  /** Minimum gap between two messages to one group or channel (negative id or @username). */
  perGroupIntervalMs: number;
  /** At most this many messages to one group or channel in any minute. */
  perGroupPerMinute: number;
  /**
   * Paid broadcasting (ALLOW_PAID_BROADCAST): alerts go in this faster lane, which also caps
   * every message together; channel posts and replies keep the free rate. Null: one lane.
   */
  paid: LaneRules | null;
}

/**
 * Even on a quiet machine, messages granted a share apart reach Telegram up to several
 * milliseconds closer (a garbage collection, a database write on the same thread): at high
 * rates a share alone is too thin a margin, and one 429 costs a whole second of sends.
 */
export const JITTER_MARGIN_MS = 10;

/**
 * An answered message counts from its answer plus this: the clock's millisecond steps and the
 * drift between our clock and Telegram's over a second (500 ppm at most under NTP).
 */
export const ANSWER_MARGIN_MS = 2;

/** How far behind its even schedule a lane may fall and still catch up (see `catchUpMs`). */
export const CATCH_UP_MS = 250;

/** The lane for `perSecond` messages a second: a share apart, catching up at twice the rate, a margin for unanswered messages. */
export function laneRules(perSecond: number): LaneRules {
  const share = 1000 / perSecond;
  const burst = Math.max(1, Math.floor(perSecond / 100));
  return { perSecond, windowMs: 1000, unansweredMarginMs: Math.max(share, JITTER_MARGIN_MS), minGapMs: share / 2, burst, catchUpMs: CATCH_UP_MS };
}

/**
 * Rules for `perSecond` messages a second: a margin of one message's share (at least
 * {@link JITTER_MARGIN_MS}) for unanswered messages and per chat; catching up at twice the rate.
 */
export function budgetRules(
  perSecond = 30,
  perChatIntervalMs?: number,
  perGroupIntervalMs?: number,
  perGroupPerMinute = 20,
  paidPerSecond: number | null = null,
): BudgetRules {
  const share = 1000 / perSecond;
  return {
    ...laneRules(perSecond),
    perChatIntervalMs: perChatIntervalMs ?? 1000 + share,
    perGroupIntervalMs: perGroupIntervalMs ?? 1000 + share,
    perGroupPerMinute,
    paid: paidPerSecond === null ? null : laneRules(paidPerSecond),
  };
}

/** A minute plus a margin: Telegram must never see 21 messages inside one minute. */
const GROUP_WINDOW_MS = 61_000;

/** What a lane remembers of its recent messages. */
export interface LaneLog {
  /** The latest times Telegram can have received its last `perSecond` settled messages, earliest first. */
  reached: number[];
  /** Messages granted through `send` and not answered yet: they may arrive any moment. */
  inFlight: number;
  /** Times of its last `burst` grants, oldest first. */
  granted: number[];
  /** When the next message is due on the lane's even schedule. */
  due: number;
}

/** What the core remembers between grants (times in ms on the budget's clock). */
export interface BudgetState {
  /** No grant before this time (a 429's retry_after). */
  pausedUntil: number;
  /** The free lane. */
  free: LaneLog;
  /** With a paid lane: every message, of any kind. */
  paid: LaneLog;
  /** Per chat: no grant to it before this time. */
  chatReadyAt: Map<string, number>;
  /** Per chat: messages in flight; nothing more goes to the chat until they are answered. */
  chatInFlight: Map<string, number>;
  /** Per group or channel: times of its last `perGroupPerMinute` grants, oldest first. */
  groupRecent: Map<string, number[]>;
}

export interface BudgetWaiter {
  chatKey: string;
  priority: SendPriority;
}

export type GrantDecision =
  | { kind: "grant"; index: number }
  | { kind: "wait"; until: number }
  | { kind: "idle" };

export function createBudgetState(): BudgetState {
  const lane = (): LaneLog => ({ reached: [], inFlight: 0, granted: [], due: Number.NEGATIVE_INFINITY });
  return { pausedUntil: 0, free: lane(), paid: lane(), chatReadyAt: new Map(), chatInFlight: new Map(), groupRecent: new Map() };
}

/** The key a chat is tracked under (ids may come as numbers or strings). */
export function chatKeyOf(chatId: string | number): string {
  return String(chatId);
}

function isGroupOrChannel(chatKey: string): boolean {
  return chatKey.startsWith("-") || chatKey.startsWith("@");
}

/**
 * The earliest time the next message may go in a lane, from its window and its gap; never
 * (infinity) while a window's worth is in flight: only an answer can free a place.
 */
function laneReadyAt(log: LaneLog, lane: LaneRules): number {
  const room = lane.perSecond - log.inFlight;
  if (room <= 0) return Number.POSITIVE_INFINITY;
  const { reached, granted } = log;
  const windowFullUntil = reached.length >= room ? (reached[reached.length - room] ?? 0) + lane.windowMs : 0;
  const gapUntil = granted.length >= lane.burst ? (granted[granted.length - lane.burst] ?? 0) + lane.burst * lane.minGapMs : 0;
  return Math.max(windowFullUntil, gapUntil, log.due);
}

/** Whether a message of `priority` goes in the paid lane. */
function isPaid(priority: SendPriority, rules: BudgetRules): boolean {
  return priority === "alert" && rules.paid !== null;
}

/** The earliest time a message of `priority` may go, from the pause and its lane(s). */
function globalReadyAt(state: BudgetState, rules: BudgetRules, priority: SendPriority): number {
  return Math.max(state.pausedUntil, ...lanesOf(state, rules, priority).map(([log, lane]) => laneReadyAt(log, lane)));
}

/** The lanes a message of `priority` counts in: a paid alert in the paid lane only, others in the free one and the paid one. */
function lanesOf(state: BudgetState, rules: BudgetRules, priority: SendPriority): [LaneLog, LaneRules][] {
  const lanes: [LaneLog, LaneRules][] = isPaid(priority, rules) ? [] : [[state.free, rules]];
  if (rules.paid !== null) lanes.push([state.paid, rules.paid]);
  return lanes;
}

function keepLast(times: number[], count: number): void {
  if (times.length > count) times.splice(0, times.length - count);
}

/** Adds `time` to `times` (sorted), keeping the last `count`. Nearly always an append. */
function insertSorted(times: number[], time: number, count: number): void {
  let index = times.length;
  while (index > 0 && (times[index - 1] ?? 0) > time) index--;
  times.splice(index, 0, time);
  keepLast(times, count);
}

/**
 * Who may send at `now`, given the waiters in arrival order. Pure.
 *
 * Channel posts go first, then replies, then alerts; within a priority the first whose
 * chat is ready goes, so a reader getting two alerts in a row does not hold up everyone
 * behind them. While any channel post waits, alerts are not considered: they never take
 * a slot a waiting channel post could use, even when the post itself waits for its
 * chat's interval. A reply waiting for its chat holds nobody up, so one busy reader
 * cannot stall an alert fan-out.
 */
export function decideNextGrant(state: BudgetState, waiters: readonly BudgetWaiter[], now: number, rules: BudgetRules): GrantDecision {
  if (waiters.length === 0) return { kind: "idle" };
  const channelWaits = waiters.some((w) => w.priority === "channel");
  const order: SendPriority[] = channelWaits ? ["channel", "reply"] : ["reply", "alert"];
  let earliest = Number.POSITIVE_INFINITY;
  for (const priority of order) {
    const laneReady = globalReadyAt(state, rules, priority);
    for (let index = 0; index < waiters.length; index++) {
      const waiter = waiters[index] as BudgetWaiter;
      if (waiter.priority !== priority) continue;
      const chatReady = state.chatInFlight.has(waiter.chatKey) ? Number.POSITIVE_INFINITY : (state.chatReadyAt.get(waiter.chatKey) ?? 0);
      const readyAt = Math.max(laneReady, chatReady);
      if (readyAt <= now) return { kind: "grant", index };
      earliest = Math.min(earliest, readyAt);
    }
  }
  return { kind: "wait", until: earliest };
}

/**
 * Counts a grant to `chatKey` at `now`: from the grant plus the margin or, when its sender
 * reports the answer (`awaitsAnswer`, then {@link recordAnswer} follows), as in flight.
 * Capacity is counted over the window, not in fixed slots, so a timer that fires late
 * costs no throughput. Chats whose turn has passed are forgotten, so the map stays small.
 */
export function recordGrant(
  state: BudgetState,
  chatKey: string,
  now: number,
  rules: BudgetRules,
  priority: SendPriority = "reply",
  awaitsAnswer = false,
): void {
  for (const [log, lane] of lanesOf(state, rules, priority)) {
    log.granted.push(now);
    keepLast(log.granted, lane.burst);
    log.due = Math.max(log.due, now - lane.catchUpMs) + lane.windowMs / lane.perSecond;
    if (awaitsAnswer) log.inFlight++;
    else insertSorted(log.reached, now + lane.unansweredMarginMs, lane.perSecond);
  }
  if (awaitsAnswer) state.chatInFlight.set(chatKey, (state.chatInFlight.get(chatKey) ?? 0) + 1);
  if (state.chatReadyAt.size > 10_000) {
    for (const [key, readyAt] of state.chatReadyAt) if (readyAt <= now) state.chatReadyAt.delete(key);
    for (const [key, times] of state.groupRecent) if ((times.at(-1) ?? 0) + GROUP_WINDOW_MS <= now) state.groupRecent.delete(key);
  }
  if (!isGroupOrChannel(chatKey)) {
    state.chatReadyAt.set(chatKey, now + rules.perChatIntervalMs);
    return;
  }
  const times = state.groupRecent.get(chatKey) ?? [];
  times.push(now);
  if (times.length > rules.perGroupPerMinute) times.splice(0, times.length - rules.perGroupPerMinute);
  state.groupRecent.set(chatKey, times);
  // A full minute's worth: the next waits until the oldest of them leaves the minute.
  const minuteFullUntil = times.length >= rules.perGroupPerMinute ? (times[0] ?? 0) + GROUP_WINDOW_MS : 0;
  state.chatReadyAt.set(chatKey, Math.max(now + rules.perGroupIntervalMs, minuteFullUntil));
}

/**
 * Telegram answered (or the request failed) at `now` a message granted with `awaitsAnswer`:
 * it reached Telegram by now, so it counts from now, and its chat's interval starts now.
 */
export function recordAnswer(state: BudgetState, chatKey: string, now: number, rules: BudgetRules, priority: SendPriority = "reply"): void {
  for (const [log, lane] of lanesOf(state, rules, priority)) {
    log.inFlight = Math.max(0, log.inFlight - 1);
    insertSorted(log.reached, now + ANSWER_MARGIN_MS, lane.perSecond);
  }
  const inFlight = (state.chatInFlight.get(chatKey) ?? 0) - 1;
  if (inFlight > 0) state.chatInFlight.set(chatKey, inFlight);
  else state.chatInFlight.delete(chatKey);
  const interval = isGroupOrChannel(chatKey) ? rules.perGroupIntervalMs : rules.perChatIntervalMs;
  state.chatReadyAt.set(chatKey, Math.max(state.chatReadyAt.get(chatKey) ?? 0, now + ANSWER_MARGIN_MS + interval));
}

/** Telegram asked everyone to wait `retryAfterMs` from `now`. */
export function recordPause(state: BudgetState, retryAfterMs: number, now: number): void {
  state.pausedUntil = Math.max(state.pausedUntil, now + Math.max(0, retryAfterMs));
}

/** Telegram asked the bot to wait `retryAfterMs` from `now` before its next message to one chat. */
export function recordChatPause(state: BudgetState, chatKey: string, retryAfterMs: number, now: number): void {
  state.chatReadyAt.set(chatKey, Math.max(state.chatReadyAt.get(chatKey) ?? 0, now + Math.max(0, retryAfterMs)));
}

export interface SendBudgetOptions {
  /** Messages a second overall (default 30, Telegram's limit for bots). */
  perSecond?: number;
  perChatIntervalMs?: number;
  perGroupIntervalMs?: number;
  perGroupPerMinute?: number;
  /**
   * Paid broadcasting: alerts may go at this rate (Telegram allows up to 1,000 a second with
   * `allow_paid_broadcast`), every message together at most this; others keep `perSecond`.
   */
  paidAlertsPerSecond?: number | null;
  /** Overrides of the derived rules (window, gap). */
  rules?: Partial<BudgetRules>;
  /** The clock in ms (default: the monotonic one, which the wall clock's steps do not move; tests pass a fake one). */
  now?: () => number;
  /** Waits `ms` (tests pass one that advances their fake clock). */
  sleep?: (ms: number) => Promise<void>;
}

function abortReason(signal: AbortSignal): Error {
  return signal.reason instanceof Error ? signal.reason : new Error("the wait for the send budget was abandoned");
}

interface QueuedWaiter extends BudgetWaiter {
  awaitsAnswer: boolean;
  resolve: () => void;
  reject: (reason: Error) => void;
}

/** The process's send budget. One instance is shared by the outbox, the alert sender and the bot's replies. */
export function createSendBudget(options: SendBudgetOptions = {}): ReplyBudget {
  const perSecond = options.perSecond ?? 30;
  if (!Number.isInteger(perSecond) || perSecond <= 0) throw new Error("perSecond must be a positive whole number");
  const rules = {
    ...budgetRules(perSecond, options.perChatIntervalMs, options.perGroupIntervalMs, options.perGroupPerMinute, options.paidAlertsPerSecond ?? null),
    ...options.rules,
  };
  const now = options.now ?? (() => performance.now());
  const sleep = options.sleep ?? ((ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms)));
  const state = createBudgetState();
  const waiters: QueuedWaiter[] = [];
  let pumping = false;
  // Wakes the pump early: a new waiter may be ready before the time it sleeps until.
  let wake: (() => void) | null = null;

  const pump = async (): Promise<void> => {
    pumping = true;
    try {
      for (;;) {
        const decision = decideNextGrant(state, waiters, now(), rules);
        if (decision.kind === "idle") return;
        if (decision.kind === "grant") {
          const [waiter] = waiters.splice(decision.index, 1);
          if (!waiter) continue;
          recordGrant(state, waiter.chatKey, now(), rules, waiter.priority, waiter.awaitsAnswer);
          waiter.resolve();
          continue;
        }
        const woken = new Promise<void>((resolve) => (wake = resolve));
        // Waiting for an answer (in flight): only that answer, through `kick`, wakes the pump.
        await (Number.isFinite(decision.until) ? Promise.race([sleep(Math.max(0, decision.until - now())), woken]) : woken);
        wake = null;
      }
    } finally {
      pumping = false;
    }
  };

  const kick = (): void => {
    if (pumping) {
      wake?.();
      return;
    }
    void pump();
  };

  const wait = (chatKey: string, priority: SendPriority, awaitsAnswer: boolean, signal: AbortSignal | undefined): Promise<void> => {
    if (signal?.aborted) return Promise.reject(abortReason(signal));
    return new Promise<void>((resolve, reject) => {
      const waiter: QueuedWaiter = { chatKey, priority, awaitsAnswer, resolve, reject };
      if (signal) {
        const onAbort = () => {
          const index = waiters.indexOf(waiter);
          if (index >= 0) {
            waiters.splice(index, 1);
            reject(abortReason(signal));
            kick();
          }
        };
        signal.addEventListener("abort", onAbort, { once: true });
        waiter.resolve = () => {
          signal.removeEventListener("abort", onAbort);
          resolve();
        };
      }
      waiters.push(waiter);
      kick();
    });
  };

  return {
    take(chatId, priority, signal) {
      return wait(chatKeyOf(chatId), priority, false, signal);
    },
    async send(chatId, priority, send, signal) {
      const chatKey = chatKeyOf(chatId);
      await wait(chatKey, priority, true, signal);
      try {
        return await send();
      } finally {
        recordAnswer(state, chatKey, now(), rules, priority);
        kick();
      }
    },
    pause(retryAfterMs) {
      recordPause(state, retryAfterMs, now());
      kick();
    },
    pauseChat(chatId, retryAfterMs) {
      recordChatPause(state, chatKeyOf(chatId), retryAfterMs, now());
      kick();
    },
    now,
  };
}
