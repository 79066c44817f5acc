/**
 * Takes the health snapshot the checks judge: a real write to the database, what the
 * database says about posting, the outbox and the feeds, what this process saw of Telegram
 * and of its jobs, and what the other running instances reported in their heartbeats.
 */
import type { ChannelPostsRepository } from "../../db/channel-posts.js";
import type { FeedRecord, FeedsRepository } from "../../db/feeds.js";
import type { HealthProbe } from "../../db/health-probe.js";
import type { SettingsRepository } from "../../db/settings.js";
import { OUTBOX_FORBIDDEN, OUTBOX_PAUSED } from "../../publish/outbox.js";
import { readPostingForbidden } from "../../publish/posting-forbidden.js";
import { autoPostingBlock, type PostingRules } from "../../publish/posting-policy.js";
import { failureReason } from "../error-reason.js";
import { listInstances, type InstanceRecord } from "../instance-heartbeat.js";
import type { HealthSnapshot, JobFailure, TelegramState } from "./judge-problems.js";

/** A database that has not taken the probe's write by then is reported as not answering (a lost server can hang a connect). */
export const PROBE_TIMEOUT_MS = 10_000;

class ProbeTimeout extends Error {}

/** Another instance's heartbeat counts while it is this fresh (it beats every minute). */
export const INSTANCE_FRESH_MS = 3 * 60_000;

/** The snapshot, the instances it was merged from, and the last post (for /status). */
export interface GatheredHealth {
  snapshot: HealthSnapshot;
  instances: InstanceRecord[];
  lastSent: { id: number; headline: string; sentAt: Date } | null;
  feeds: FeedRecord[];
}

export interface HealthSources {
  probe: HealthProbe;
  settings: SettingsRepository;
  posts: ChannelPostsRepository;
  feeds: FeedsRepository;
  rules: PostingRules;
  now: () => Date;
  /** This bot process, or null (the CLI): then Telegram and jobs come from the bots' heartbeats. */
  self: {
    instanceId: string;
    startedAt: Date;
    telegram: () => TelegramState;
    /** One cheap call (getMe), made while Telegram is failing: without traffic (webhook mode) nothing else would notice it is back. */
    recheckTelegram: () => Promise<unknown>;
    failingJobs: () => JobFailure[];
  } | null;
}

/** "paused" is stored as JSON {by, at}; older versions stored other text. */
function parsePause(value: string): { by: string | null; since: Date | null } {
  try {
    const raw = JSON.parse(value) as { by?: unknown; at?: unknown };
    const since = typeof raw.at === "string" && !Number.isNaN(Date.parse(raw.at)) ? new Date(raw.at) : null;
    return { by: typeof raw.by === "string" ? raw.by : null, since };
  } catch {
    return { by: null, since: null };
  }
}

/** The Telegram state to judge: the one that has been failing longest, else this process's. */
function mergeTelegram(states: TelegramState[]): TelegramState | null {
  const failing = states.filter((s) => s.failingSince !== null).sort((a, b) => (a.failingSince as Date).getTime() - (b.failingSince as Date).getTime());
  return failing[0] ?? states[0] ?? null;
}

function mergeJobs(lists: JobFailure[][]): JobFailure[] {
  const byJob = new Map<string, JobFailure>();
  for (const failure of lists.flat()) {
    const known = byJob.get(failure.job);
    if (!known || failure.since < known.since) byJob.set(failure.job, failure);
  }
  return [...byJob.values()];
}

/** Gathers one snapshot. Never throws: a database that cannot be read is itself the finding. */
export async function gatherHealth(sources: HealthSources): Promise<GatheredHealth> {
  const now = sources.now();
  const { self } = sources;
  if (self?.telegram().failingSince) await self.recheckTelegram().catch(() => undefined);
  const snapshot: HealthSnapshot = {
    now,
    database: { writable: true },
    telegram: self ? self.telegram() : null,
    posting: { paused: null, forbidden: null, autoHeld: null },
    waiting: [],
    lastSentAt: null,
    feeds: [],
    watchingSince: self?.startedAt ?? null,
    jobs: self ? self.failingJobs() : [],
  };
  try {
    let timer: NodeJS.Timeout | undefined;
    const timeout = new Promise<never>((_resolve, reject) => {
      timer = setTimeout(() => reject(new ProbeTimeout(`the database did not answer within ${PROBE_TIMEOUT_MS / 1000} seconds`)), PROBE_TIMEOUT_MS);
      timer.unref();
    });
    await Promise.race([sources.probe.write(now), timeout]).finally(() => clearTimeout(timer));
  } catch (error) {
    snapshot.database = { writable: false, reason: failureReason(error) };
    // Reading would hang as the write did: the rest of the snapshot stays empty this time.
    if (error instanceof ProbeTimeout) return { snapshot, instances: [], lastSent: null, feeds: [] };
  }
  let instances: InstanceRecord[] = [];
  let lastSent: GatheredHealth["lastSent"] = null;
  let feedRecords: FeedRecord[] = [];
  try {
    const [paused, forbidden, waiting, last, feeds, found, sentInLastHour] = await Promise.all([
      sources.settings.get(OUTBOX_PAUSED),
      sources.settings.get(OUTBOX_FORBIDDEN),
      sources.posts.listWaitingTimes(),
      sources.posts.lastSent(),
      sources.feeds.list(),
      listInstances(sources.settings),
      sources.rules.maxPostsPerHour === null ? Promise.resolve(0) : sources.posts.countSentSince(new Date(now.getTime() - 3_600_000)),
    ]);
    instances = found;
    lastSent = last;
    snapshot.posting = {
      paused: paused === null ? null : parsePause(paused),
      forbidden: forbidden === null ? null : readPostingForbidden(forbidden),
      autoHeld: autoPostingBlock(now, sources.rules, { paused: paused !== null, sentInLastHour }),
    };
    snapshot.waiting = waiting.map((p) => ({ id: p.id, headline: p.headline, origin: p.origin, scheduledAt: p.scheduledAt, changedAt: p.updatedAt }));
    snapshot.lastSentAt = last?.sentAt ?? null;
    snapshot.feeds = feeds;
    feedRecords = feeds;
    const others = found.filter((i) => i.instanceId !== self?.instanceId && now.getTime() - i.lastSeenAt.getTime() <= INSTANCE_FRESH_MS);
    const telegramStates = [...(self ? [self.telegram()] : []), ...others.flatMap((i) => (i.telegram ? [i.telegram] : []))];
    snapshot.telegram = mergeTelegram(telegramStates);
    snapshot.jobs = mergeJobs([snapshot.jobs, ...others.map((i) => i.failingJobs)]);
    snapshot.watchingSince ??= others.map((i) => i.startedAt).sort((a, b) => a.getTime() - b.getTime())[0] ?? null;
  } catch (error) {
    if (snapshot.database.writable) snapshot.database = { writable: false, reason: failureReason(error) };
  }
  return { snapshot, instances, lastSent, feeds: feedRecords };
}
