/** The buttons of a headline-correction card: Apply to channel post · Ignore. The card is edited in place to say who decided. */
import { Composer } from "grammy";

import type { CorrectionRecord } from "../../../db/post-corrections.js";
import { formatWhen } from "../../../editorial/format-when.js";
import { correctionCardText } from "../../../editorial/correction-card-text.js";
import type { Translate } from "../../../i18n/translate.js";
import type { ApplyCorrectionOutcome, IgnoreCorrectionOutcome } from "../../../newsroom/correction-actions.js";
import { escapeHtml } from "../../../publish/telegram-html.js";
import type { BotContext } from "../../context.js";
import { CORRECTION_CALLBACK, parseCorrectionCallback } from "../../keyboards/correction-keyboard.js";
import { actorOf, type EditorDeps } from "./editor-context.js";

/** The card once decided: what it offered, then who did what when (the card is the whole chat's: ADMIN_LANGUAGE). */
function decidedCardText(t: Translate, correction: CorrectionRecord, timezone: string, now: Date): string {
  const who = escapeHtml(correction.decidedByName ?? t("an-editor"));
  const key = correction.status === "applied" ? "correction-applied" : "correction-ignored";
  const line = correction.decidedAt
    ? t(`${key}-at-html`, { who, when: escapeHtml(formatWhen(correction.decidedAt, timezone, now, t.language)) })
    : t(`${key}-html`, { who });
  return `${correctionCardText(t, correction)}\n${line}`;
}

/** Why a press changed nothing, for the pop-up (in the presser's language); null when it did. */
function refusalText(t: Translate, outcome: ApplyCorrectionOutcome | IgnoreCorrectionOutcome, timezone: string, now: Date): string | null {
  switch (outcome.kind) {
    case "applied":
    case "ignored":
      return null;
    case "not-found":
      return t("correction-gone");
    case "already-decided": {
      const { correction } = outcome;
      if (correction.status === "superseded") return t("correction-superseded");
      const texts = { who: correction.decidedByName ?? t("an-editor"), status: t(`correction-status-${correction.status}`) };
      return correction.decidedAt
        ? t("correction-already-decided-at", { ...texts, when: formatWhen(correction.decidedAt, timezone, now, t.language) })
        : t("correction-already-decided", texts);
    }
    case "not-in-channel":
      return t("correction-not-in-channel", { id: outcome.postId });
    case "telegram-refused":
      return t("edit-refused", { id: outcome.postId, reason: outcome.reason });
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
    const refusal = refusalText(ctx.t, outcome, deps.timezone, deps.now());
    if (refusal !== null || (outcome.kind !== "applied" && outcome.kind !== "ignored")) {
      await ctx.answerCallbackQuery({ text: refusal ?? "", show_alert: true });
      return;
    }
    await ctx.answerCallbackQuery({ text: ctx.t(outcome.kind === "applied" ? "correction-done-applied" : "correction-done-ignored") });
    await ctx.editMessageText(decidedCardText(deps.translator(deps.adminLanguage), outcome.correction, deps.timezone, deps.now()), { parse_mode: "HTML", link_preview_options: { is_disabled: true } });
  });
  return feature;
}
