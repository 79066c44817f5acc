/** /queue, /scheduled, /postnow, /reschedule, /cancel and the post buttons. */
import { Composer } from "grammy";

import { waitingText } from "../../../editorial/waiting-text.js";
import { parsePostId, splitFirstWord } from "../../../editorial/parse-post-id.js";
import { parseWhen, whenExamples } from "../../../editorial/parse-when.js";
import { scheduledLine } from "../../../editorial/scheduled-line.js";
import { formatWhen } from "../../../editorial/format-when.js";
import type { Translate } from "../../../i18n/translate.js";
import type { PostNowOutcome, QueueOutcome } from "../../../newsroom/post-actions.js";
import { escapeHtml, fitLines } from "../../../publish/telegram-html.js";
import type { BotContext } from "../../context.js";
import { maybeInChannelKeyboard, parsePostCallback, previewKeyboard, queueKeyboard } from "../../keyboards/editor-post-keyboard.js";
import { cardMarkup, QUEUE_ANYWAY_CALLBACK, QUEUE_STOP, sameStoryKeyboard } from "../../keyboards/review-keyboard.js";
import { actorOf, argsOf, replyHtml, replyText, type EditorDeps } from "./editor-context.js";
import { replyWithPost } from "./post-preview.js";
import { breakingText, cancelText, markSentText, postNowText, queueRefusalText, rescheduleText } from "./post-outcome-text.js";

/** /queue, /scheduled, /postnow, /breaking, /reschedule, /cancel <id>, and the Post now · Schedule · Edit · Cancel · Breaking buttons. */
export function createQueueFeature(deps: EditorDeps): Composer<BotContext> {
  const { posts, reviews } = deps.newsroom;
  const { timezone } = deps;
  const feature = new Composer<BotContext>();

  /** Post now's answer; a post that may already be in the channel comes with the choice. */
  const replyPostNow = (ctx: BotContext, outcome: PostNowOutcome): Promise<void> =>
    replyHtml(
      ctx,
      escapeHtml(postNowText(ctx.t, outcome, timezone, deps.now())),
      outcome.kind === "maybe-in-channel" ? maybeInChannelKeyboard(outcome.postId, ctx.t) : undefined,
    );

  /** /queue's answer: a draft's card (its buttons wait for an editor), a scheduled post's preview, the same-story question, or why not. */
  const replyQueued = async (ctx: BotContext, outcome: QueueOutcome, when: Date | null): Promise<void> => {
    if (outcome.kind === "same-story") {
      const { carried } = outcome;
      const texts = { id: carried.postId, headline: carried.headline, url: carried.url };
      const t: Translate = ctx.t;
      const text = carried.sentAt
        ? ctx.t("queue-same-story-on", { ...texts, when: formatWhen(carried.sentAt, timezone, deps.now(), t.language) })
        : ctx.t("queue-same-story", texts);
      return replyHtml(ctx, escapeHtml(text), sameStoryKeyboard(ctx.t, outcome.articleId, when));
    }
    if (outcome.kind !== "queued") return replyText(ctx, queueRefusalText(ctx.t, outcome));
    if (outcome.post.status === "draft") {
      const card = await reviews.draftCard(outcome.post.id);
      if (!card) return replyText(ctx, ctx.t("queue-draft-gone", { id: outcome.post.id }));
      // The draft's card is the whole chat's (edited in place when decided): ADMIN_LANGUAGE, like every card.
      const message = await replyWithPost(ctx, card.message, cardMarkup(deps.translator(deps.adminLanguage), card.buttons, card.postId), () => card.withoutPicture);
      return reviews.attachCard(card.postId, { chatId: String(message.chat.id), messageId: message.message_id });
    }
    await replyText(ctx, ctx.t("queue-preview-follows", { waiting: waitingText(ctx.t, outcome.post.id, outcome.post.scheduledAt, timezone, deps.now()) }));
    // Exactly the channel post: same HTML, same options as the outbox sends it with.
    const post = outcome.post;
    await replyWithPost(ctx, posts.preview(post), previewKeyboard(ctx.t, post.id), () => posts.preview(post, "preview"));
  };

  /** The queue: posts waiting to go out, then drafts, then how many stories wait for review. */
  const replyQueue = async (ctx: BotContext): Promise<void> => {
    const [waiting, drafts, counts] = await Promise.all([posts.listWaiting(), posts.listDrafts(), reviews.counts()]);
    if (waiting.length === 0 && drafts.length === 0 && counts.review === 0) {
      return replyText(ctx, ctx.t("queue-empty"));
    }
    const lines =
      waiting.length > 0
        ? [ctx.t("queue-waiting-title-html"), ...waiting.map((p) => scheduledLine(ctx.t, p, timezone, deps.now()))]
        : [escapeHtml(ctx.t("queue-nothing-waiting"))];
    if (drafts.length > 0) {
      lines.push("", ctx.t("queue-drafts-title-html"));
      lines.push(
        ...drafts.map((p) => ctx.t("queue-draft-line-html", { id: p.id, headline: escapeHtml(p.article.headline), name: escapeHtml(p.queuedByName ?? ctx.t("an-editor")) })),
      );
    }
    if (counts.review > 0) lines.push("", ctx.t("queue-for-review-html", { count: counts.review }));
    const text = fitLines(lines);
    // Buttons only for the posts whose line fits; at most Telegram's 100 buttons.
    const shownLines = text.split("\n");
    const shown = waiting.filter((p) => shownLines.some((line) => line.startsWith(`#${p.id} `))).slice(0, 50);
    await replyHtml(ctx, text, shown.length > 0 ? queueKeyboard(ctx.t, shown.map((p) => p.id)) : undefined);
  };

  feature.command("queue", async (ctx) => {
    const [link, whenText] = splitFirstWord(argsOf(ctx));
    if (!link) return replyQueue(ctx);
    let when: Date | null = null;
    if (whenText) {
      const parsed = parseWhen(ctx.t, whenText, deps.now(), timezone);
      if (!parsed.ok) return replyText(ctx, ctx.t("queue-bad-time", { error: parsed.error }));
      when = parsed.date;
    }
    await replyQueued(ctx, await posts.queue({ url: link, when, actor: actorOf(ctx) }), when);
  });

  // The same-story question: Queue anyway (the time asked for travels in the button) · Cancel.
  feature.callbackQuery(QUEUE_ANYWAY_CALLBACK, async (ctx) => {
    const match = QUEUE_ANYWAY_CALLBACK.exec(ctx.callbackQuery.data);
    const articleId = Number(match?.[1]);
    const seconds = Number(match?.[2]);
    const when = seconds > 0 ? new Date(seconds * 1000) : null;
    await ctx.answerCallbackQuery();
    await ctx.editMessageText(`${escapeHtml(ctx.callbackQuery.message?.text ?? "")}\n\n${escapeHtml(ctx.t("queue-queued-anyway"))}`, { parse_mode: "HTML", reply_markup: { inline_keyboard: [] } });
    await replyQueued(ctx, await posts.queue({ articleId, when, actor: actorOf(ctx), anyway: true }), when);
  });

  feature.callbackQuery(QUEUE_STOP, async (ctx) => {
    await ctx.answerCallbackQuery({ text: ctx.t("queue-nothing-queued") });
    await ctx.editMessageText(`${escapeHtml(ctx.callbackQuery.message?.text ?? "")}\n\n${escapeHtml(ctx.t("queue-nothing-queued"))}`, { parse_mode: "HTML", reply_markup: { inline_keyboard: [] } });
  });

  feature.command("scheduled", (ctx) => replyQueue(ctx));

  feature.command("postnow", async (ctx) => {
    const id = parsePostId(ctx.t, argsOf(ctx), ctx.t("usage-postnow"));
    if (!id.ok) return replyText(ctx, id.error);
    await replyPostNow(ctx, await posts.postNow({ postId: id.id, actor: actorOf(ctx) }));
  });

  feature.command("breaking", async (ctx) => {
    const ref = argsOf(ctx).trim();
    if (!ref) return replyText(ctx, ctx.t("breaking-which", { usage: ctx.t("usage-breaking") }));
    const outcome = await posts.postBreaking({ ref, actor: actorOf(ctx) });
    await replyHtml(
      ctx,
      escapeHtml(breakingText(ctx.t, outcome, timezone, deps.now())),
      outcome.kind === "maybe-in-channel" ? maybeInChannelKeyboard(outcome.postId, ctx.t) : undefined,
    );
  });

  feature.callbackQuery(/^ed:breaking:\d+$/, async (ctx) => {
    const parsed = parsePostCallback(ctx.callbackQuery.data);
    if (!parsed) return ctx.answerCallbackQuery();
    await ctx.answerCallbackQuery({ text: ctx.t("breaking-sending", { id: parsed.postId }) });
    const outcome = await posts.postBreaking({ ref: String(parsed.postId), actor: actorOf(ctx) });
    await replyHtml(
      ctx,
      escapeHtml(breakingText(ctx.t, outcome, timezone, deps.now())),
      outcome.kind === "maybe-in-channel" ? maybeInChannelKeyboard(outcome.postId, ctx.t) : undefined,
    );
  });

  feature.command("reschedule", async (ctx) => {
    const [idWord, whenText] = splitFirstWord(argsOf(ctx));
    const usage = ctx.t("usage-reschedule");
    const id = parsePostId(ctx.t, idWord, usage);
    if (!id.ok) return replyText(ctx, id.error);
    if (!whenText) return replyText(ctx, ctx.t("reschedule-when", { id: id.id, usage, examples: whenExamples(deps.now(), timezone) }));
    const when = parseWhen(ctx.t, whenText, deps.now(), timezone);
    if (!when.ok) return replyText(ctx, ctx.t("reschedule-bad-time", { error: when.error, id: id.id }));
    await replyText(ctx, rescheduleText(ctx.t, await posts.reschedule({ postId: id.id, when: when.date, actor: actorOf(ctx) }), timezone, deps.now()));
  });

  feature.command("cancel", async (ctx) => {
    const args = argsOf(ctx);
    if (!args) return replyText(ctx, ctx.t("cancel-nothing", { usage: ctx.t("usage-cancel") }));
    const id = parsePostId(ctx.t, args, ctx.t("usage-cancel"));
    if (!id.ok) return replyText(ctx, id.error);
    await replyText(ctx, cancelText(ctx.t, await posts.cancel({ postId: id.id, actor: actorOf(ctx) })));
  });

  feature.callbackQuery(/^ed:(now|schedule|edit|cancel):\d+$/, async (ctx) => {
    const parsed = parsePostCallback(ctx.callbackQuery.data);
    if (!parsed) return ctx.answerCallbackQuery();
    const { action, postId } = parsed;
    if (action === "now") {
      await ctx.answerCallbackQuery({ text: ctx.t("post-sending", { id: postId }) });
      return replyPostNow(ctx, await posts.postNow({ postId, actor: actorOf(ctx) }));
    }
    if (action === "cancel") {
      const text = cancelText(ctx.t, await posts.cancel({ postId, actor: actorOf(ctx) }));
      await ctx.answerCallbackQuery({ text });
      return replyText(ctx, text);
    }
    await ctx.answerCallbackQuery();
    if (action === "schedule") {
      return replyText(ctx, ctx.t("button-schedule-when", { id: postId, examples: whenExamples(deps.now(), timezone) }));
    }
    return replyText(ctx, ctx.t("button-edit-how", { id: postId }));
  });

  // The choice under a post that may already be in the channel (/postnow's question, the watchdog's notice).
  feature.callbackQuery(/^ed:(resend|marksent|leave):\d+$/, async (ctx) => {
    const parsed = parsePostCallback(ctx.callbackQuery.data);
    if (!parsed) return ctx.answerCallbackQuery();
    const { action, postId } = parsed;
    let text: string;
    if (action === "leave") {
      await ctx.answerCallbackQuery({ text: ctx.t("button-nothing-changed") });
      text = ctx.t("button-left-as-is", { id: postId });
    } else if (action === "marksent") {
      text = markSentText(ctx.t, await posts.markSent({ postId, actor: actorOf(ctx) }));
      await ctx.answerCallbackQuery();
    } else {
      await ctx.answerCallbackQuery({ text: ctx.t("post-sending", { id: postId }) });
      text = postNowText(ctx.t, await posts.postNow({ postId, actor: actorOf(ctx), sendAnyway: true }), timezone, deps.now());
    }
    // The question is answered: its buttons go, so nobody presses them twice.
    await ctx.editMessageText(escapeHtml(text), { parse_mode: "HTML" });
  });

  return feature;
}
