/**
 * The newsroom's posting switches: editors pausing and resuming automatic posts, and the
 * bot losing or regaining its right to post in the channel.
 */
import type { AuditLogRepository } from "../db/audit-log.js";
import type { SettingsRepository } from "../db/settings.js";
import type { AdminNotifier } from "../ops/admin-notifier.js";
import { OUTBOX_FORBIDDEN, OUTBOX_PAUSED } from "../publish/outbox.js";
import { postingForbiddenText, readPostingForbidden, storePostingForbidden, type PostingForbidden } from "../publish/posting-forbidden.js";
import { escapeHtml } from "../publish/telegram-html.js";
import type { Actor } from "./actor.js";

export type PauseOutcome = { kind: "paused" } | { kind: "already-paused" };
export type ResumeOutcome = { kind: "resumed" } | { kind: "not-paused" };
export type RightsOutcome = { kind: "posting-paused"; problem: PostingForbidden } | { kind: "posting-resumed" } | { kind: "unchanged" };

export type PostingActions = ReturnType<typeof createPostingActions>;

export function createPostingActions(deps: { settings: SettingsRepository; audit: AuditLogRepository; admin: AdminNotifier; now: () => Date }) {
  const { settings, audit } = deps;
  return {
    /** Whether automatic posting is paused by an editor. */
    isPaused: async (): Promise<boolean> => (await settings.get(OUTBOX_PAUSED)) !== null,

    /** Stops automatic posts; editors' posts still go out. */
    async pause(actor: Actor): Promise<PauseOutcome> {
      if ((await settings.get(OUTBOX_PAUSED)) !== null) return { kind: "already-paused" };
      await settings.set(OUTBOX_PAUSED, JSON.stringify({ by: actor.name ?? String(actor.id), at: deps.now().toISOString() }));
      await audit.record({ actorId: actor.id, actorName: actor.name, action: "posting.pause", before: { paused: false }, after: { paused: true } });
      return { kind: "paused" };
    },

    /** Turns automatic posts back on. */
    async resume(actor: Actor): Promise<ResumeOutcome> {
      if ((await settings.get(OUTBOX_PAUSED)) === null) return { kind: "not-paused" };
      await settings.delete(OUTBOX_PAUSED);
      await audit.record({ actorId: actor.id, actorName: actor.name, action: "posting.resume", before: { paused: true }, after: { paused: false } });
      return { kind: "resumed" };
    },

    /**
     * Telegram told the bot its standing in the channel changed: `problem` says why it may no
     * longer post, or is null when it may. Posting pauses or resumes, the editors are told once.
     */
    async channelRightsChanged(input: { problem: PostingForbidden | null; actor: Actor }): Promise<RightsOutcome> {
      const forbidden = await settings.get(OUTBOX_FORBIDDEN);
      const { problem } = input;
      if (problem) {
        if (forbidden) return { kind: "unchanged" };
        await settings.set(OUTBOX_FORBIDDEN, storePostingForbidden(problem));
        await audit.record({ actorId: input.actor.id, actorName: input.actor.name, action: "channel.rights_lost", after: { problem: input.problem } });
        await deps.admin.notify((t) => t("notice-posting-forbidden", { problem: escapeHtml(postingForbiddenText(t, problem)) }));
        return { kind: "posting-paused", problem };
      }
      if (!forbidden) return { kind: "unchanged" };
      await settings.delete(OUTBOX_FORBIDDEN);
      await audit.record({ actorId: input.actor.id, actorName: input.actor.name, action: "channel.rights_back", before: { problem: readPostingForbidden(forbidden) } });
      await deps.admin.notify((t) => escapeHtml(t("notice-posting-rights-back")));
      return { kind: "posting-resumed" };
    },
  };
}
