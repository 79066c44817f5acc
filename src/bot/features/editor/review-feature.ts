/** /review and the buttons of review cards and drafts: Post · Schedule · Edit · Breaking · Skip, and paging. */
import { Composer } from "grammy";

import { whenExamples } from "../../../editorial/parse-when.js";
import type { CardRef, DecisionOutcome, ReviewPage } from "../../../newsroom/review-actions.js";
import type { BotContext } from "../../context.js";
import { CARD_CALLBACK, parseCardCallback, REVIEW_PAGE_CALLBACK, reviewPageKeyboard } from "../../keyboards/review-keyboard.js";
import { actorOf, replyText, type EditorDeps } from "./editor-context.js";

/** The short answer to a card's button. */
export function decisionAnswer(outcome: DecisionOutcome): string {
  const id = outcome.postId;
  switch (outcome.kind) {
    case "posted":
      return outcome.breaking ? `Posted as breaking news: #${id}.` : `Posted as #${id}.`;
    case "approved":
      return `#${id} is approved but not in the channel yet: ${outcome.reason}.`;
    case "scheduled":
      return `#${id} is scheduled.`;
    case "skipped":
      return outcome.status === "cancelled" ? `Draft #${id} was cancelled.` : `#${id} was skipped.`;
    case "already-decided":
      return `Already decided by ${outcome.byName ?? "another editor"}.`;
    case "not-pending":
      return `Post #${id} is not waiting for a decision (it is ${outcome.status}).`;
    case "not-found":
      return `There is no post #${id}.`;
  }
}

/** The message a button was pressed under, as a card reference. */
function pressedCard(ctx: BotContext): CardRef | null {
  const message = ctx.callbackQuery?.message;
  return message ? { chatId: String(message.chat.id), messageId: message.message_id } : null;
}

/** A /review page's text: the card (without its picture: pages turn in place), then which of how many it is. */
function pageText(page: Extract<ReviewPage, { kind: "page" }>): string {
  return `${page.card.withoutPicture.text}\n\n<i>Story ${page.index + 1} of ${page.total} waiting for review</i>`;
}

const NOTHING_TO_REVIEW = "Nothing is waiting for review.";

/** /review, the cards' decision buttons and /review's ◀ Previous · Next ▶. */
export function createReviewFeature(deps: EditorDeps): Composer<BotContext> {
  const { reviews } = deps.newsroom;
  const feature = new Composer<BotContext>();

  feature.command("review", async (ctx) => {
    const page = await reviews.page(0);
    if (page.kind === "empty") return replyText(ctx, NOTHING_TO_REVIEW);
    const message = await ctx.reply(pageText(page), {
      parse_mode: "HTML",
      link_preview_options: page.card.withoutPicture.linkPreview,
      reply_markup: reviewPageKeyboard(page.card.postId, page.index, page.total),
    });
    await reviews.attachCard(page.card.postId, { chatId: String(message.chat.id), messageId: message.message_id });
  });

  feature.callbackQuery(REVIEW_PAGE_CALLBACK, async (ctx) => {
    const index = Number(REVIEW_PAGE_CALLBACK.exec(ctx.callbackQuery.data)?.[1] ?? 0);
    const page = await reviews.page(index);
    await ctx.answerCallbackQuery();
    if (page.kind === "empty") return void (await ctx.editMessageText(NOTHING_TO_REVIEW, { reply_markup: { inline_keyboard: [] } }));
    await ctx.editMessageText(pageText(page), {
      parse_mode: "HTML",
      link_preview_options: page.card.withoutPicture.linkPreview,
      reply_markup: reviewPageKeyboard(page.card.postId, page.index, page.total),
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
      if (refusal) return ctx.answerCallbackQuery({ text: decisionAnswer(refusal) });
      await ctx.answerCallbackQuery();
      return replyText(
        ctx,
        action === "schedule"
          ? `When should #${postId} go out? Send /reschedule ${postId} <when>, e.g. /reschedule ${postId} tomorrow 9am (${whenExamples(deps.now(), deps.timezone)}).`
          : `To correct #${postId} before it goes out, send /edit ${postId} headline <new headline> or /edit ${postId} summary <new summary>; the card shows the change.`,
      );
    }
    const outcome = await reviews.decide({ postId, action, actor: actorOf(ctx), pressed: pressedCard(ctx) });
    await ctx.answerCallbackQuery({ text: decisionAnswer(outcome) });
  });

  return feature;
}
