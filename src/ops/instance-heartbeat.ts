/**
 * Each bot process writes a heartbeat (a Setting row per instance) every minute: its version,
 * start, host and pid, and what it alone can see — whether Telegram answers it and which of
 * its jobs are failing. `cli status`, another process, reads them to say which bot runs, for
 * how long, or that none has been seen for a while; the health checks of any instance read
 * the others' Telegram and job troubles from them.
 */
import type { SettingsRepository } from "../db/settings.js";
import type { JobFailure, TelegramState } from "./health/judge-problems.js";

const PREFIX = "instance.";
/** Heartbeats older than this are deleted (instances that stopped long ago). */
const FORGET_AFTER_MS = 7 * 24 * 3_600_000;

/** One bot process as its heartbeat describes it. */
export interface InstanceRecord {
  instanceId: string;
  version: string;
  startedAt: Date;
  lastSeenAt: Date;
  host: string;
  pid: number;
  telegram: TelegramState | null;
  failingJobs: JobFailure[];
}

/** The fields of an instance that do not change while it runs. */
export type InstanceIdentity = Pick<InstanceRecord, "instanceId" | "version" | "startedAt" | "host" | "pid">;

const text = (value: unknown, fallback: string): string => (typeof value === "string" ? value : fallback);
const toDate = (value: unknown): Date | null => (typeof value === "string" && !Number.isNaN(Date.parse(value)) ? new Date(value) : null);

function parseRecord(value: string): InstanceRecord | null {
  try {
    const raw = JSON.parse(value) as Record<string, unknown>;
    const startedAt = toDate(raw.startedAt);
    const lastSeenAt = toDate(raw.lastSeenAt);
    if (typeof raw.instanceId !== "string" || !startedAt || !lastSeenAt) return null;
    const telegram = raw.telegram as Record<string, unknown> | null | undefined;
    const jobs = Array.isArray(raw.failingJobs) ? (raw.failingJobs as Record<string, unknown>[]) : [];
    return {
      instanceId: raw.instanceId,
      version: text(raw.version, "unknown"),
      startedAt,
      lastSeenAt,
      host: text(raw.host, "unknown"),
      pid: Number(raw.pid ?? 0),
      telegram: telegram
        ? { lastOkAt: toDate(telegram.lastOkAt), failingSince: toDate(telegram.failingSince), reason: typeof telegram.reason === "string" ? telegram.reason : null }
        : null,
      failingJobs: jobs.flatMap((j) => {
        const since = toDate(j.since);
        return since && typeof j.job === "string" ? [{ job: j.job, since, reason: text(j.reason, "") }] : [];
      }),
    };
  } catch {
    return null;
  }
}

/** Every instance that wrote a heartbeat, the most recently seen first. */
export async function listInstances(settings: SettingsRepository): Promise<InstanceRecord[]> {
  const rows = await settings.listByPrefix(PREFIX);
  return rows
    .map((row) => parseRecord(row.value))
    .filter((r): r is InstanceRecord => r !== null)
    .sort((a, b) => b.lastSeenAt.getTime() - a.lastSeenAt.getTime());
}

export interface InstanceHeartbeat {
  /** Writes this instance's heartbeat now and forgets instances gone for a week. */
  beat(): Promise<void>;
  /** This instance as its next heartbeat will describe it. */
  current(): InstanceRecord;
}

export function createInstanceHeartbeat(deps: {
  settings: SettingsRepository;
  identity: InstanceIdentity;
  now: () => Date;
  local: () => { telegram: TelegramState | null; failingJobs: JobFailure[] };
}): InstanceHeartbeat {
  const current = (): InstanceRecord => ({ ...deps.identity, lastSeenAt: deps.now(), ...deps.local() });
  return {
    current,
    async beat() {
      await deps.settings.set(`${PREFIX}${deps.identity.instanceId}`, JSON.stringify(current()));
      const forgetBefore = deps.now().getTime() - FORGET_AFTER_MS;
      for (const instance of await listInstances(deps.settings)) {
        if (instance.lastSeenAt.getTime() < forgetBefore) await deps.settings.delete(`${PREFIX}${instance.instanceId}`);
      }
    },
  };
}
