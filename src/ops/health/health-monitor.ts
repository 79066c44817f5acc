/**
 * The health monitor: `evaluate()` judges a fresh snapshot (briefly cached, since /readyz may
 * be asked often and each check writes to the database) for /readyz, /status and `cli status`;
 * `announce()`, the leased job, tells the admin chat once about each new problem and once when
 * it clears, remembering what it told in the database so a restart neither repeats nor forgets.
 */
import type { SettingsRepository } from "../../db/settings.js";
import type { Logger } from "../../logger.js";
import { escapeHtml } from "../../publish/telegram-html.js";
import type { AdminNotifier } from "../admin-notifier.js";
import type { GatheredHealth } from "./gather-health.js";
import type { Translate } from "../../i18n/translate.js";
import { judgeProblems, type HealthRules, type Problem } from "./judge-problems.js";

/** Settings key holding the problems the admin chat was told about (JSON: key → sentence). */
export const ANNOUNCED_KEY = "health.announced";
/** How long an evaluation is reused by /readyz. */
export const EVALUATION_CACHE_MS = 5_000;

/**
 * Problems the admin chat hears about elsewhere, at the moment they happen: an editor's
 * /pause is their own act, and losing the channel rights has its own notice.
 */
const NOT_ANNOUNCED = new Set(["posting:paused", "posting:forbidden"]);

export interface HealthReport extends GatheredHealth {
  checkedAt: Date;
  problems: Problem[];
}

export interface HealthMonitor {
  /** The current problems; reuses an evaluation younger than a few seconds unless `fresh`. */
  evaluate(options?: { fresh?: boolean }): Promise<HealthReport>;
  /** Evaluates afresh and tells the admin chat what is new and what cleared. */
  announce(): Promise<void>;
}

export function createHealthMonitor(deps: {
  gather: () => Promise<GatheredHealth>;
  rules: HealthRules;
  settings: SettingsRepository;
  admin: AdminNotifier;
  now: () => Date;
  logger: Logger;
}): HealthMonitor {
  let cached: { at: number; report: Promise<HealthReport> } | null = null;
  // What was announced, kept here too: with the database down, its copy cannot be updated.
  let announced = new Map<string, string>();
  // Logged once per problem, even while the admin chat cannot be told.
  const logged = new Set<string>();
  // How each announced problem reads in any language (the stored copy holds its English sentence only).
  const sayings = new Map<string, (t: Translate) => string>();

  const evaluateFresh = (): Promise<HealthReport> => {
    const report = deps.gather().then((gathered) => ({ ...gathered, checkedAt: gathered.snapshot.now, problems: judgeProblems(gathered.snapshot, deps.rules) }));
    cached = { at: deps.now().getTime(), report };
    return report;
  };

  const loadAnnounced = async (): Promise<void> => {
    try {
      const stored = await deps.settings.get(ANNOUNCED_KEY);
      announced = new Map(Object.entries(stored ? (JSON.parse(stored) as Record<string, string>) : {}));
    } catch (error) {
      deps.logger.warn({ err: error }, "cannot read which problems were announced; using this process's memory");
    }
  };

  const saveAnnounced = async (): Promise<void> => {
    try {
      await deps.settings.set(ANNOUNCED_KEY, JSON.stringify(Object.fromEntries(announced)));
    } catch (error) {
      deps.logger.warn({ err: error }, "cannot record which problems were announced; kept in memory");
    }
  };

  return {
    evaluate(options = {}) {
      if (!options.fresh && cached && deps.now().getTime() - cached.at < EVALUATION_CACHE_MS) return cached.report;
      return evaluateFresh();
    },

    async announce() {
      const { problems } = await evaluateFresh();
      // Another instance may have announced since this one last did: the database's copy wins.
      await loadAnnounced();
      let changed = false;
      const current = new Set(problems.map((p) => p.key));
      for (const problem of problems) {
        if (!logged.has(problem.key)) deps.logger.error({ problem: problem.key }, problem.sentence);
        logged.add(problem.key);
        if (NOT_ANNOUNCED.has(problem.key) || announced.has(problem.key)) continue;
        // Not told (no admin chat, Telegram down): try again at the next check.
        if (await deps.admin.notify((t) => t("notice-problem", { problem: escapeHtml(problem.say ? problem.say(t) : problem.sentence) }))) {
          announced.set(problem.key, problem.sentence);
          if (problem.say) sayings.set(problem.key, problem.say);
          changed = true;
        }
      }
      for (const key of logged) if (!current.has(key)) logged.delete(key);
      for (const [key, sentence] of [...announced]) {
        if (current.has(key)) continue;
        deps.logger.info({ problem: key }, "problem cleared");
        // The words it was announced with, in the chat's language while this process remembers them.
        const say = sayings.get(key);
        if (await deps.admin.notify((t) => t("notice-problem-cleared", { problem: escapeHtml(say ? say(t) : sentence) }))) {
          announced.delete(key);
          sayings.delete(key);
          changed = true;
        }
      }
      if (changed) await saveAnnounced();
    },
  };
}
