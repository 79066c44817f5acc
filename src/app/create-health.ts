/**
 * The health checks' parts, built once for the bot and for the CLI: the monitor (one verdict
 * for /readyz, /status, `cli status` and the admin chat's notices), the job-failure record the
 * scheduler feeds, and — in the bot — this instance's heartbeat and Telegram watch.
 */
import { hostname } from "node:os";

import { createHealthProbe } from "../db/health-probe.js";
import type { AdminNotifier } from "../ops/admin-notifier.js";
import { readAppVersion } from "../ops/app-version.js";
import { createCronTimes, type CronTimes } from "../ops/health/cron-times.js";
import { gatherHealth } from "../ops/health/gather-health.js";
import { createHealthMonitor, type HealthMonitor } from "../ops/health/health-monitor.js";
import { createJobFailures, type JobFailures } from "../ops/health/job-failures.js";
import type { HealthRules } from "../ops/health/judge-problems.js";
import { createFluentTranslator } from "../i18n/fluent-translator.js";
import type { Translate } from "../i18n/translate.js";
import { createInstanceHeartbeat, type InstanceHeartbeat } from "../ops/instance-heartbeat.js";
import type { TelegramReachability } from "../ops/telegram-reachability.js";
import { nextSlotAfter } from "../publish/post-slots.js";
import type { Job } from "../scheduler.js";
import type { Services } from "./create-services.js";

export interface Health {
  monitor: HealthMonitor;
  rules: HealthRules;
  jobFailures: JobFailures;
  /** This bot process's heartbeat; null in the CLI. */
  heartbeat: InstanceHeartbeat | null;
}

/**
 * Builds the health checks. `telegram` is the bot's Telegram watch with a cheap call to make
 * while Telegram is failing (through an Api the watch is installed on); null in the CLI, which
 * reads the bots' heartbeats instead.
 */
/** The POST_SLOTS slots as a schedule. */
function slotTimes(slots: number[], timezone: string): CronTimes {
  return { next: (after) => nextSlotAfter(after, slots, timezone) };
}

/** What the health checks read: the bot passes its services, the CLI's `status` only these. */
export type HealthServices = Pick<Services, "config" | "logger" | "db" | "instanceId" | "now" | "settings" | "posts" | "feeds">;

export function createHealth(deps: {
  services: HealthServices;
  admin: AdminNotifier;
  telegram: { watch: TelegramReachability; recheck: () => Promise<unknown> } | null;
}): Health {
  const { services } = deps;
  const telegram = deps.telegram?.watch ?? null;
  const recheck = deps.telegram?.recheck ?? (() => Promise.resolve());
  const { config } = services;
  // Read from the locale files when a problem is first judged, not by every CLI command.
  let english: Translate | null = null;
  const rules: HealthRules = {
    timezone: config.timezone,
    english: (key, variables) => (english ??= createFluentTranslator("en"))(key, variables),
    // With POST_SLOTS a post waits for the next slot, not the next run of the every-minute outbox.
    publish: config.postSlots ? slotTimes(config.postSlots, config.timezone) : createCronTimes(config.postCron, config.timezone),
    ingest: createCronTimes(config.ingestCron, config.timezone),
  };
  const jobFailures = createJobFailures({ now: services.now });
  const heartbeat = telegram
    ? createInstanceHeartbeat({
        settings: services.settings,
        identity: { instanceId: services.instanceId, version: readAppVersion(), startedAt: services.now(), host: hostname(), pid: process.pid },
        now: services.now,
        local: () => ({ telegram: telegram.state(), failingJobs: jobFailures.list() }),
      })
    : null;
  const probe = createHealthProbe(services.db);
  const monitor = createHealthMonitor({
    gather: () =>
      gatherHealth({
        probe,
        settings: services.settings,
        posts: services.posts,
        feeds: services.feeds,
        rules: { quietHours: config.quietHours, maxPostsPerHour: config.maxPostsPerHour, timezone: config.timezone },
        now: services.now,
        self:
          telegram && heartbeat
            ? {
                instanceId: services.instanceId,
                startedAt: heartbeat.current().startedAt,
                telegram: () => telegram.state(),
                recheckTelegram: recheck,
                failingJobs: () => jobFailures.list(),
              }
            : null,
      }),
    rules,
    settings: services.settings,
    admin: deps.admin,
    now: services.now,
    logger: services.logger.child({ job: "health" }),
  });
  return { monitor, rules, jobFailures, heartbeat };
}

/** The health jobs: the checks with their notices (one instance at a time), and this instance's heartbeat (every instance). */
export function createHealthJobs(health: Health, instanceId: string): Job[] {
  const jobs: Job[] = [{ name: "health", cron: "*/30 * * * * *", run: () => health.monitor.announce() }];
  const { heartbeat } = health;
  // A lease named after the instance: every instance writes its own heartbeat.
  if (heartbeat) jobs.push({ name: `heartbeat:${instanceId}`, cron: "15 * * * * *", run: () => heartbeat.beat() });
  return jobs;
}
