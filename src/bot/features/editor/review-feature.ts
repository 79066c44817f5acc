/** /review and the buttons of review cards and drafts: Post · Schedule · Edit · Breaking · Skip, and paging. */
import { Composer } from "grammy";

import { outboxReasonText } from "../../../editorial/outbox-reason-text.js";
import { whenExamples } from "../../../editorial/parse-when.js";
import type { CardRef, DecisionOutcome, ReviewPage } from "../../../newsroom/review-actions.js";
import type { Translate } from "../../../i18n/translate.js";
import type { BotContext } from "../../context.js";
import { CARD_CALLBACK, parseCardCallback, REVIEW_PAGE_CALLBACK, reviewPageKeyboard } from "../../keyboards/review-keyboard.js";
import { actorOf, replyText, type EditorDeps } from "./editor-context.js";
import { statusText } from "./post-outcome-text.js";

/** The short answer to a card's button, in the pressing editor's language. */
export function decisionAnswer(t: Translate, outcome: DecisionOutcome): string {
  const id = outcome.postId;
  switch (outcome.kind) {
    case "posted":
      return t(outcome.breaking ? "review-answer-posted-breaking" : "review-answer-posted", { id });
    case "approved":
      return t("review-answer-approved", { id, reason: outboxReasonText(t, outcome.reason) });
    case "scheduled":
      return t("review-answer-scheduled", { id });
    case "skipped":
      return t(outcome.status === "cancelled" ? "review-answer-cancelled" : "review-answer-skipped", { id });
    case "already-decided":
      return t("review-answer-already-decided", { who: outcome.byName ?? t("review-answer-another-editor") });
    case "not-pending":
      return t("review-answer-not-pending", { id, status: statusText(t, outcome.status) });
    case "not-found":
      return t("review-answer-not-found", { id });
  }
}

/** The message a button was pressed under, as a card reference. */
function pressedCard(ctx: BotContext): CardRef | null {
  const message = ctx.callbackQuery?.message;
  return message ? { chatId: String(message.chat.id), messageId: message.message_id } : null;
}

/**
 * A /review page's text: the card (without its picture: pages turn in place), then which of how
 * many it is. The page becomes the story's card, edited in place for the whole chat: ADMIN_LANGUAGE.
 */
function pageText(t: Translate, page: Extract<ReviewPage, { kind: "page" }>): string {
  return `${page.card.withoutPicture.text}\n\n${t("review-page-html", { number: page.index + 1, total: page.total })}`;
}

/** /review, the cards' decision buttons and /review's ◀ Previous · Next ▶. */
export function createReviewFeature(deps: EditorDeps): Composer<BotContext> {
  const { reviews } = deps.newsroom;
  const feature = new Composer<BotContext>();
  const cardWords = deps.translator(deps.adminLanguage);

  feature.command("review", async (ctx) => {
    const page = await reviews.page(0);
    if (page.kind === "empty") return replyText(ctx, ctx.t("review-nothing"));
    const message = await ctx.reply(pageText(cardWords, page), {
      parse_mode: "HTML",
      link_preview_options: page.card.withoutPicture.linkPreview,
      reply_markup: reviewPageKeyboard(cardWords, page.card.postId, page.index, page.total),
    });
    await reviews.attachCard(page.card.postId, { chatId: String(message.chat.id), messageId: message.message_id });
  });

  feature.callbackQuery(REVIEW_PAGE_CALLBACK, async (ctx) => {
    const index = Number(REVIEW_PAGE_CALLBACK.exec(ctx.callbackQuery.data)?.[1] ?? 0);
    const page = await reviews.page(index);
    await ctx.answerCallbackQuery();
    if (page.kind === "empty") return void (await ctx.editMessageText(ctx.t("review-nothing"), { reply_markup: { inline_keyboard: [] } }));
    await ctx.editMessageText(pageText(cardWords, page), {
      parse_mode: "HTML",
      link_preview_options: page.card.withoutPicture.linkPreview,
      reply_markup: reviewPageKeyboard(cardWords, page.card.postId, page.index, page.total),
    });
    const at = pressedCard(ctx);
    if (at) await reviews.attachCard(page.card.postId, at);
  });

  feature.callbackQuery(CARD_CALLBACK, async (ctx) => {
    const parsed = parseCardCallback(ctx.callbackQuery.data);
    if (!parsed) return ctx.answerCallbackQuery();
    const { action, postId } = parsed;
    if (action === "schedule" || action === "edit") {
      const refusal = await reviews.whyNotPending(postId);
      if (refusal) return ctx.answerCallbackQuery({ text: decisionAnswer(ctx.t, refusal) });
      await ctx.answerCallbackQuery();
      return replyText(
        ctx,
        action === "schedule"
          ? ctx.t("review-ask-schedule", { id: postId, examples: whenExamples(deps.now(), deps.timezone) })
          : ctx.t("review-ask-edit", { id: postId }),
      );
    }
    const outcome = await reviews.decide({ postId, action, actor: actorOf(ctx), pressed: pressedCard(ctx) });
    await ctx.answerCallbackQuery({ text: decisionAnswer(ctx.t, outcome) });
  });

  return feature;
}
