/**
 * The readers' alert jobs: fan-out of new channel posts, daily digests, and the
 * sender that drains the alert queue through the send budget shared with the outbox.
 */
import type { Api } from "grammy";

import { PAID_BROADCAST_PER_SECOND } from "../config.js";
import type { Language } from "../i18n/languages.js";
import type { Translate } from "../i18n/translate.js";
import type { Logger } from "../logger.js";
import type { Job } from "../scheduler.js";
import type { Services } from "./create-services.js";
import { fanOutNewPosts } from "../publish/alerts/fan-out-alerts.js";
import { queueDueDigests } from "../publish/alerts/queue-digests.js";
import { sendDueAlerts } from "../publish/alerts/send-due-alerts.js";
import type { SendBudget } from "../publish/send-budget.js";
import type { SenderLease } from "../publish/sender-lease.js";

/** Job names, for `scheduler.runNow`. */
export const ALERT_JOBS = { fanOut: "alerts-fanout", digest: "alerts-digest", send: "alerts-send" } as const;

/** The three alert jobs, wired to the services; only the instance holding the sender lease sends. */
export function createAlertJobs(deps: {
  services: Services;
  api: Pick<Api, "sendMessage">;
  budget: SendBudget;
  sender: SenderLease;
  logger: Logger;
  /** Alerts and digests are written in each reader's language. */
  translator: (language: Language) => Translate;
}): Job[] {
  const { services } = deps;
  const { alerts } = services;
  const { publicUrl, timezone } = services.config;
  return [
    {
      name: ALERT_JOBS.fanOut,
      cron: "*/15 * * * * *",
      run: () =>
        fanOutNewPosts({
          alerts,
          settings: services.settings,
          logger: deps.logger.child({ job: ALERT_JOBS.fanOut }),
          now: services.now,
          publicUrl,
          translator: deps.translator,
        }),
    },
    {
      name: ALERT_JOBS.digest,
      // Every 5 minutes, so a digest hour is not missed after a short outage.
      cron: "20 */5 * * * *",
      run: () =>
        queueDueDigests({
          alerts,
          logger: deps.logger.child({ job: ALERT_JOBS.digest }),
          now: services.now,
          timezone,
          publicUrl,
          translator: deps.translator,
        }),
    },
    {
      name: ALERT_JOBS.send,
      cron: "*/5 * * * * *",
      when: () => deps.sender.holds(),
      run: (signal) =>
        sendDueAlerts(
          {
            alerts,
            api: deps.api,
            budget: deps.budget,
            logger: deps.logger.child({ job: ALERT_JOBS.send }),
            instanceId: services.instanceId,
            now: services.now,
            metrics: services.metrics,
            paidBroadcast: services.config.allowPaidBroadcast,
          },
          {
            // About a second of the budget per claim: 30, or 1,000 with paid broadcasting.
            batchSize: services.config.allowPaidBroadcast ? PAID_BROADCAST_PER_SECOND : 30,
            maxRunMs: 60_000,
            signal: AbortSignal.any([signal, deps.sender.whileHeld()]),
          },
        ),
    },
  ];
}
