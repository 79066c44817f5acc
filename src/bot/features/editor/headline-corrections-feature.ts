/** The buttons of a headline-correction card: Apply to channel post · Ignore. The card is edited in place to say who decided. */
import { Composer } from "grammy";

import type { CorrectionRecord } from "../../../db/post-corrections.js";
import { formatWhen } from "../../../editorial/format-when.js";
import { correctionCardText } from "../../../editorial/correction-card-text.js";
import type { ApplyCorrectionOutcome, IgnoreCorrectionOutcome } from "../../../newsroom/correction-actions.js";
import { escapeHtml } from "../../../publish/telegram-html.js";
import type { BotContext } from "../../context.js";
import { CORRECTION_CALLBACK, parseCorrectionCallback } from "../../keyboards/correction-keyboard.js";
import { actorOf, type EditorDeps } from "./editor-context.js";

/** The card once decided: what it offered, then who did what when. */
function decidedCardText(correction: CorrectionRecord, timezone: string, now: Date): string {
  const who = escapeHtml(correction.decidedByName ?? "an editor");
  const when = correction.decidedAt ? ` at ${escapeHtml(formatWhen(correction.decidedAt, timezone, now))}` : "";
  const line =
    correction.status === "applied"
      ? `✅ Applied to the channel post by ${who}${when}.`
      : `🚫 Ignored by ${who}${when}; the post keeps its headline.`;
  return `${correctionCardText(correction)}\n${line}`;
}

/** Why a press changed nothing, for the pop-up; null when it did. */
function refusalText(outcome: ApplyCorrectionOutcome | IgnoreCorrectionOutcome, timezone: string, now: Date): string | null {
  switch (outcome.kind) {
    case "applied":
    case "ignored":
      return null;
    case "not-found":
      return "This correction no longer exists.";
    case "already-decided": {
      const { correction } = outcome;
      if (correction.status === "superseded") return "The feed changed this headline again: see the newer card.";
      const when = correction.decidedAt ? ` at ${formatWhen(correction.decidedAt, timezone, now)}` : "";
      return `Already decided by ${correction.decidedByName ?? "an editor"}${when} (${correction.status}).`;
    }
    case "not-in-channel":
      return `Post #${outcome.postId} is no longer in the channel; there is nothing to edit. Press Ignore to close this card.`;
    case "telegram-refused":
      return `Telegram refused the edit of post #${outcome.postId}: ${outcome.reason}. Nothing was changed.`;
  }
}

export function createHeadlineCorrectionsFeature(deps: EditorDeps): Composer<BotContext> {
  const { corrections } = deps.newsroom;
  const feature = new Composer<BotContext>();
  feature.callbackQuery(CORRECTION_CALLBACK, async (ctx) => {
    const parsed = parseCorrectionCallback(ctx.callbackQuery.data);
    if (!parsed) return ctx.answerCallbackQuery();
    const input = { correctionId: parsed.correctionId, actor: actorOf(ctx) };
    const outcome = parsed.decision === "apply" ? await corrections.apply(input) : await corrections.ignore(input);
    const refusal = refusalText(outcome, deps.timezone, deps.now());
    if (refusal !== null || (outcome.kind !== "applied" && outcome.kind !== "ignored")) {
      await ctx.answerCallbackQuery({ text: refusal ?? "", show_alert: true });
      return;
    }
    await ctx.answerCallbackQuery({ text: outcome.kind === "applied" ? "Applied." : "Ignored." });
    await ctx.editMessageText(decidedCardText(outcome.correction, deps.timezone, deps.now()), { parse_mode: "HTML", link_preview_options: { is_disabled: true } });
  });
  return feature;
}
