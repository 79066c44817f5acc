/**
 * The alert sender: drains due deliveries from the persistent queue through the
 * shared send budget. Deliveries are claimed a small batch at a time (with a lease),
 * sent concurrently as fast as the budget allows, and marked sent in small batches.
 *
 * Crash rule (documented in src/db/alerts.ts): a delivery whose lease runs out without
 * a result is sent again. Only the sends in flight, or sent but not yet marked
 * (at most `markBatch` per sender), can reach a reader twice; none is lost.
 */
import { randomUUID } from "node:crypto";
import { setMaxListeners } from "node:events";

import type { Api } from "grammy";

import type { AlertsRepository, ClaimedAlert } from "../../db/alerts.js";
import type { Logger } from "../../logger.js";
import { describeError } from "../../ops/describe-error.js";
import type { Metrics } from "../../ops/metrics.js";
import type { SendBudget } from "../send-budget.js";
import { ALERT_MAX_ATTEMPTS, decideAlertFailure } from "./decide-alert-failure.js";

/** Longer than any send plus a typical flood wait; a crashed sender's alerts wait this long. */
export const ALERT_LEASE_MS = 5 * 60_000;
/** Sent deliveries are recorded this many at a time (and at the end of a run): under a second of sends at 30/s. */
export const MARK_BATCH = 25;
/**
 * The most deliveries one claim takes: its queries list the ids, and Prisma refuses more than
 * 999 parameters in one query on SQLite (a paid broadcast's second of 1,000 is claimed in two).
 */
export const MAX_CLAIM = 500;
/** A flood wait longer than this releases the alerts still waiting for the budget. */
const LONG_FLOOD_MS = 10_000;

export interface SendAlertsDeps {
  alerts: AlertsRepository;
  /** An Api without auto-retry: the sender applies its own policy. */
  api: Pick<Api, "sendMessage">;
  budget: SendBudget;
  logger: Logger;
  instanceId: string;
  now: () => Date;
  /** Counts alerts sent; optional. */
  metrics?: Pick<Metrics, "alertsSent">;
  /**
   * ALLOW_PAID_BROADCAST: alerts carry `allow_paid_broadcast`, so Telegram takes up to 1,000
   * a second and charges Stars for those above the free 30 (the budget allows the rate).
   */
  paidBroadcast?: boolean;
}

export interface SendAlertsOptions {
  /** Deliveries claimed at a time; about a second of the budget keeps it busy without hoarding. */
  batchSize?: number;
  leaseMs?: number;
  /** Stop claiming after this long; the job's next tick goes on. */
  maxRunMs?: number;
  /** Stop claiming when aborted (shutdown); alerts already claimed are still sent. */
  signal?: AbortSignal;
  /** Sent deliveries recorded per write; also the most a crash can make a reader get twice. */
  markBatch?: number;
}

export interface SendAlertsReport {
  sent: number;
  retried: number;
  failed: number;
  /** Readers found to have blocked the bot (now marked blocked). */
  readersGone: number;
  /** 429 answers received. */
  floodWaits: number;
  /** Deliveries whose lease had run out, put back in the queue. */
  recovered: number;
}

/** Sends due alerts until the queue is empty, `maxRunMs` has passed, or Telegram asks to wait. */
export async function sendDueAlerts(deps: SendAlertsDeps, options: SendAlertsOptions = {}): Promise<SendAlertsReport> {
  const batchSize = options.batchSize ?? 30;
  const leaseMs = options.leaseMs ?? ALERT_LEASE_MS;
  const maxRunMs = options.maxRunMs ?? 60_000;
  const markBatch = options.markBatch ?? MARK_BATCH;
  const started = deps.now().getTime();
  const runId = `${deps.instanceId}:${randomUUID().slice(0, 8)}`;
  const log = deps.logger;
  const report: SendAlertsReport = { sent: 0, retried: 0, failed: 0, readersGone: 0, floodWaits: 0, recovered: 0 };

  const expired = await deps.alerts.expireLeases(deps.now(), ALERT_MAX_ATTEMPTS);
  report.recovered = expired.requeued;
  if (expired.requeued + expired.failed > 0) {
    log.warn(expired, "alerts were left mid-send by a stopped process; sending them again");
  }

  const gone = new Set<number>();
  const abandon = new AbortController();
  // Every alert waiting for the budget listens to it; a batch is far more than the default 10.
  setMaxListeners(0, abandon.signal);
  let floodUntil = 0;
  let waiting = 0;
  const inFlight = new Set<Promise<void>>();

  // Sent ids per claim owner, written in batches: one write per message would halve the rate on SQLite.
  const unmarked = new Map<string, number[]>();
  let unmarkedCount = 0;
  let marking: Promise<void> = Promise.resolve();
  const flushMarks = (): Promise<void> => {
    const batch = [...unmarked];
    unmarked.clear();
    unmarkedCount = 0;
    marking = marking.then(async () => {
      for (const [owner, ids] of batch) {
        const marked = await deps.alerts.markSent(ids, owner, deps.now());
        if (marked < ids.length) log.warn({ owner, sent: ids.length, marked }, "alerts were sent after their lease ran out; a reader may get one twice");
      }
    });
    return marking;
  };

  const sendOne = async (alert: ClaimedAlert): Promise<void> => {
    if (gone.has(alert.subscriberId)) {
      waiting--;
      return;
    }
    let granted = false;
    let skipped = false;
    try {
      // Counted from Telegram's answer: an alert that reached it late does not crowd the next second.
      await deps.budget.send(
        alert.chatId.toString(),
        "alert",
        async () => {
          granted = true;
          waiting--;
          // Skipped in the database when the reader was found gone.
          if (gone.has(alert.subscriberId)) {
            skipped = true;
            return;
          }
          await deps.api.sendMessage(Number(alert.chatId), alert.text, {
            parse_mode: "HTML",
            // A digest links many stories: a preview of the first one would mislead.
            ...(alert.kind === "digest" ? { link_preview_options: { is_disabled: true } } : {}),
            ...(deps.paidBroadcast ? { allow_paid_broadcast: true } : {}),
          });
        },
        abandon.signal,
      );
    } catch (error) {
      if (granted) return handleFailure(alert, error);
      // Abandoned before its turn (a long flood wait): back to the queue, not counted as an attempt.
      waiting--;
      await deps.alerts.release([alert.id], alert.leaseOwner, { error: null, nextAttemptAt: new Date(floodUntil), uncounted: true });
      return;
    }
    if (skipped) return;
    report.sent++;
    deps.metrics?.alertsSent.inc();
    const ids = unmarked.get(alert.leaseOwner) ?? [];
    ids.push(alert.id);
    unmarked.set(alert.leaseOwner, ids);
    if (++unmarkedCount >= markBatch) await flushMarks();
  };

  const handleFailure = async (alert: ClaimedAlert, error: unknown): Promise<void> => {
    const now = deps.now();
    const action = decideAlertFailure(error, alert.attempts, now);
    const alertLog = log.child({ alertId: alert.id, subscriberId: alert.subscriberId });
    if (action.kind === "retry") {
      report.retried++;
      if (action.pauseMs !== null) {
        report.floodWaits++;
        deps.budget.pause(action.pauseMs);
        floodUntil = Math.max(floodUntil, action.retryAt.getTime());
        if (action.pauseMs > LONG_FLOOD_MS) abandon.abort(new Error("long flood wait"));
      }
      alertLog.warn({ ...describeError(error), retryAt: action.retryAt }, "alert not sent; will retry");
      // A flood wait is Telegram's pacing, not a failed attempt.
      await deps.alerts.release([alert.id], alert.leaseOwner, {
        error: action.reason,
        nextAttemptAt: action.retryAt,
        uncounted: action.pauseMs !== null,
      });
    } else if (action.kind === "reader-gone") {
      report.readersGone++;
      gone.add(alert.subscriberId);
      await deps.alerts.markFailed(alert.id, alert.leaseOwner, action.reason);
      const skipped = await deps.alerts.blockSubscriber(alert.subscriberId, `reader unreachable: ${action.reason}`);
      alertLog.info({ reason: action.reason, skipped }, "reader blocked the bot; their alerts stop");
    } else {
      report.failed++;
      await deps.alerts.markFailed(alert.id, alert.leaseOwner, action.reason);
      alertLog.warn(describeError(error), "alert could not be sent");
    }
  };

  let claims = 0;
  for (;;) {
    const now = deps.now().getTime();
    if (now - started >= maxRunMs || floodUntil > now || options.signal?.aborted) break;
    if (waiting >= batchSize / 2 && inFlight.size > 0) {
      await Promise.race(inFlight);
      continue;
    }
    const batch = await deps.alerts.claimDue(`${runId}:${++claims}`, new Date(now), Math.min(batchSize, MAX_CLAIM), leaseMs);
    if (batch.length === 0) break;
    for (const alert of batch) {
      waiting++;
      const task: Promise<void> = sendOne(alert)
        .catch((error: unknown) => log.error({ ...describeError(error), alertId: alert.id }, "alert bookkeeping failed; its lease will expire"))
        .finally(() => inFlight.delete(task));
      inFlight.add(task);
    }
  }
  await Promise.all(inFlight);
  await flushMarks();
  if (report.sent + report.retried + report.failed + report.readersGone > 0) log.info(report, "alerts sent");
  return report;
}
