/** /queue, /scheduled, /postnow, /reschedule, /cancel and the post buttons. */
import { Composer } from "grammy";

import { waitingText } from "../../../editorial/waiting-text.js";
import { parsePostId, splitFirstWord } from "../../../editorial/parse-post-id.js";
import { parseWhen, whenExamples } from "../../../editorial/parse-when.js";
import { scheduledLine } from "../../../editorial/scheduled-line.js";
import { formatWhen } from "../../../editorial/format-when.js";
import type { PostNowOutcome, QueueOutcome } from "../../../newsroom/post-actions.js";
import { escapeHtml, fitLines } from "../../../publish/telegram-html.js";
import type { BotContext } from "../../context.js";
import { maybeInChannelKeyboard, parsePostCallback, previewKeyboard, queueKeyboard } from "../../keyboards/editor-post-keyboard.js";
import { cardMarkup, QUEUE_ANYWAY_CALLBACK, QUEUE_STOP, sameStoryKeyboard } from "../../keyboards/review-keyboard.js";
import { actorOf, argsOf, replyHtml, replyText, type EditorDeps } from "./editor-context.js";
import { replyWithPost } from "./post-preview.js";
import { breakingText, cancelText, markSentText, postNowText, queueRefusalText, rescheduleText } from "./post-outcome-text.js";

const RESCHEDULE_USAGE = "/reschedule <id> <when>, e.g. /reschedule 12 tomorrow 9am";
const CANCEL_USAGE = "/cancel <id>, e.g. /cancel 12";
const BREAKING_USAGE = "/breaking <link> or /breaking <post id>, e.g. /breaking https://example.com/story";

/** /queue, /scheduled, /postnow, /breaking, /reschedule, /cancel <id>, and the Post now · Schedule · Edit · Cancel · Breaking buttons. */
export function createQueueFeature(deps: EditorDeps): Composer<BotContext> {
  const { posts, reviews } = deps.newsroom;
  const { timezone } = deps;
  const feature = new Composer<BotContext>();

  /** Post now's answer; a post that may already be in the channel comes with the choice. */
  const replyPostNow = (ctx: BotContext, outcome: PostNowOutcome): Promise<void> =>
    replyHtml(
      ctx,
      escapeHtml(postNowText(outcome, timezone, deps.now())),
      outcome.kind === "maybe-in-channel" ? maybeInChannelKeyboard(outcome.postId) : undefined,
    );

  /** /queue's answer: a draft's card (its buttons wait for an editor), a scheduled post's preview, the same-story question, or why not. */
  const replyQueued = async (ctx: BotContext, outcome: QueueOutcome, when: Date | null): Promise<void> => {
    if (outcome.kind === "same-story") {
      const { carried } = outcome;
      const on = carried.sentAt ? ` on ${formatWhen(carried.sentAt, timezone, deps.now())}` : "";
      const text = `The channel already carried this story as #${carried.postId}${on}: “${carried.headline}” (${carried.url}). Queue this link anyway?`;
      return replyHtml(ctx, escapeHtml(text), sameStoryKeyboard(outcome.articleId, when));
    }
    if (outcome.kind !== "queued") return replyText(ctx, queueRefusalText(outcome));
    if (outcome.post.status === "draft") {
      const card = await reviews.draftCard(outcome.post.id);
      if (!card) return replyText(ctx, `Draft #${outcome.post.id} is gone; see /queue.`);
      const message = await replyWithPost(ctx, card.message, cardMarkup(card.buttons, card.postId), () => card.withoutPicture);
      return reviews.attachCard(card.postId, { chatId: String(message.chat.id), messageId: message.message_id });
    }
    await replyText(ctx, `${waitingText(outcome.post.id, outcome.post.scheduledAt, timezone, deps.now())} This is what will be posted:`);
    // Exactly the channel post: same HTML, same options as the outbox sends it with.
    const post = outcome.post;
    await replyWithPost(ctx, posts.preview(post), previewKeyboard(post.id), () => posts.preview(post, "preview"));
  };

  /** The queue: posts waiting to go out, then drafts, then how many stories wait for review. */
  const replyQueue = async (ctx: BotContext): Promise<void> => {
    const [waiting, drafts, counts] = await Promise.all([posts.listWaiting(), posts.listDrafts(), reviews.counts()]);
    if (waiting.length === 0 && drafts.length === 0 && counts.review === 0) {
      return replyText(ctx, "Nothing is waiting to be posted. Queue a story with /queue <link> or /compose.");
    }
    const lines = waiting.length > 0 ? ["<b>Waiting to be posted</b>", ...waiting.map((p) => scheduledLine(p, timezone, deps.now()))] : ["Nothing is waiting to be posted."];
    if (drafts.length > 0) {
      lines.push("", "<b>Drafts</b> (nothing goes out until an editor presses Post now or Schedule)");
      lines.push(...drafts.map((p) => `#${p.id} ${escapeHtml(p.article.headline)} · draft by ${escapeHtml(p.queuedByName ?? "an editor")}`));
    }
    if (counts.review > 0) lines.push("", `<b>For review</b>: ${counts.review} ${counts.review === 1 ? "story" : "stories"}; /review shows them one card at a time.`);
    const text = fitLines(lines);
    // Buttons only for the posts whose line fits; at most Telegram's 100 buttons.
    const shownLines = text.split("\n");
    const shown = waiting.filter((p) => shownLines.some((line) => line.startsWith(`#${p.id} `))).slice(0, 50);
    await replyHtml(ctx, text, shown.length > 0 ? queueKeyboard(shown.map((p) => p.id)) : undefined);
  };

  feature.command("queue", async (ctx) => {
    const [link, whenText] = splitFirstWord(argsOf(ctx));
    if (!link) return replyQueue(ctx);
    let when: Date | null = null;
    if (whenText) {
      const parsed = parseWhen(whenText, deps.now(), timezone);
      if (!parsed.ok) return replyText(ctx, `${parsed.error} Nothing was queued.`);
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
    await ctx.editMessageText(`${escapeHtml(ctx.callbackQuery.message?.text ?? "")}\n\nQueued anyway.`, { parse_mode: "HTML", reply_markup: { inline_keyboard: [] } });
    await replyQueued(ctx, await posts.queue({ articleId, when, actor: actorOf(ctx), anyway: true }), when);
  });

  feature.callbackQuery(QUEUE_STOP, async (ctx) => {
    await ctx.answerCallbackQuery({ text: "Nothing was queued." });
    await ctx.editMessageText(`${escapeHtml(ctx.callbackQuery.message?.text ?? "")}\n\nNothing was queued.`, { parse_mode: "HTML", reply_markup: { inline_keyboard: [] } });
  });

  feature.command("scheduled", (ctx) => replyQueue(ctx));

  feature.command("postnow", async (ctx) => {
    const id = parsePostId(argsOf(ctx), "/postnow <id>, e.g. /postnow 12");
    if (!id.ok) return replyText(ctx, id.error);
    await replyPostNow(ctx, await posts.postNow({ postId: id.id, actor: actorOf(ctx) }));
  });

  feature.command("breaking", async (ctx) => {
    const ref = argsOf(ctx).trim();
    if (!ref) return replyText(ctx, `Which story? Use ${BREAKING_USAGE}`);
    const outcome = await posts.postBreaking({ ref, actor: actorOf(ctx) });
    await replyHtml(
      ctx,
      escapeHtml(breakingText(outcome, timezone, deps.now())),
      outcome.kind === "maybe-in-channel" ? maybeInChannelKeyboard(outcome.postId) : undefined,
    );
  });

  feature.callbackQuery(/^ed:breaking:\d+$/, async (ctx) => {
    const parsed = parsePostCallback(ctx.callbackQuery.data);
    if (!parsed) return ctx.answerCallbackQuery();
    await ctx.answerCallbackQuery({ text: `Sending post #${parsed.postId} as breaking news…` });
    const outcome = await posts.postBreaking({ ref: String(parsed.postId), actor: actorOf(ctx) });
    await replyHtml(
      ctx,
      escapeHtml(breakingText(outcome, timezone, deps.now())),
      outcome.kind === "maybe-in-channel" ? maybeInChannelKeyboard(outcome.postId) : undefined,
    );
  });

  feature.command("reschedule", async (ctx) => {
    const [idWord, whenText] = splitFirstWord(argsOf(ctx));
    const id = parsePostId(idWord, RESCHEDULE_USAGE);
    if (!id.ok) return replyText(ctx, id.error);
    if (!whenText) return replyText(ctx, `When should post #${id.id} go out? Use ${RESCHEDULE_USAGE} (${whenExamples(deps.now(), timezone)}).`);
    const when = parseWhen(whenText, deps.now(), timezone);
    if (!when.ok) return replyText(ctx, `${when.error} Post #${id.id} was not changed.`);
    await replyText(ctx, rescheduleText(await posts.reschedule({ postId: id.id, when: when.date, actor: actorOf(ctx) }), timezone, deps.now()));
  });

  feature.command("cancel", async (ctx) => {
    const args = argsOf(ctx);
    if (!args) return replyText(ctx, `There is nothing to cancel here. To cancel a waiting post use ${CANCEL_USAGE}; /cancel alone leaves /compose.`);
    const id = parsePostId(args, CANCEL_USAGE);
    if (!id.ok) return replyText(ctx, id.error);
    await replyText(ctx, cancelText(await posts.cancel({ postId: id.id, actor: actorOf(ctx) })));
  });

  feature.callbackQuery(/^ed:(now|schedule|edit|cancel):\d+$/, async (ctx) => {
    const parsed = parsePostCallback(ctx.callbackQuery.data);
    if (!parsed) return ctx.answerCallbackQuery();
    const { action, postId } = parsed;
    if (action === "now") {
      await ctx.answerCallbackQuery({ text: `Sending post #${postId}…` });
      return replyPostNow(ctx, await posts.postNow({ postId, actor: actorOf(ctx) }));
    }
    if (action === "cancel") {
      const text = cancelText(await posts.cancel({ postId, actor: actorOf(ctx) }));
      await ctx.answerCallbackQuery({ text });
      return replyText(ctx, text);
    }
    await ctx.answerCallbackQuery();
    if (action === "schedule") {
      return replyText(ctx, `When should post #${postId} go out? Send /reschedule ${postId} <when>, e.g. /reschedule ${postId} tomorrow 9am (${whenExamples(deps.now(), timezone)}).`);
    }
    return replyText(ctx, `To correct post #${postId}, send /edit ${postId} headline <new headline> or /edit ${postId} summary <new summary>.`);
  });

  // The choice under a post that may already be in the channel (/postnow's question, the watchdog's notice).
  feature.callbackQuery(/^ed:(resend|marksent|leave):\d+$/, async (ctx) => {
    const parsed = parsePostCallback(ctx.callbackQuery.data);
    if (!parsed) return ctx.answerCallbackQuery();
    const { action, postId } = parsed;
    let text: string;
    if (action === "leave") {
      await ctx.answerCallbackQuery({ text: "Nothing changed." });
      text = `Post #${postId} was left as it is: nothing was sent or recorded.`;
    } else if (action === "marksent") {
      text = markSentText(await posts.markSent({ postId, actor: actorOf(ctx) }));
      await ctx.answerCallbackQuery();
    } else {
      await ctx.answerCallbackQuery({ text: `Sending post #${postId}…` });
      text = postNowText(await posts.postNow({ postId, actor: actorOf(ctx), sendAnyway: true }), timezone, deps.now());
    }
    // The question is answered: its buttons go, so nobody presses them twice.
    await ctx.editMessageText(escapeHtml(text), { parse_mode: "HTML" });
  });

  return feature;
}
