/** /queue, /scheduled, /postnow, /reschedule, /cancel and the post buttons. */
import { Composer } from "grammy";

import { waitingText } from "../../../editorial/waiting-text.js";
import { parsePostId, splitFirstWord } from "../../../editorial/parse-post-id.js";
import { parseWhen, whenExamples } from "../../../editorial/parse-when.js";
import { scheduledLine } from "../../../editorial/scheduled-line.js";
import type { PostNowOutcome } from "../../../newsroom/post-actions.js";
import { escapeHtml, fitLines } from "../../../publish/telegram-html.js";
import type { BotContext } from "../../context.js";
import { maybeInChannelKeyboard, parsePostCallback, previewKeyboard, queueKeyboard } from "../../keyboards/editor-post-keyboard.js";
import { actorOf, argsOf, replyHtml, replyText, type EditorDeps } from "./editor-context.js";
import { cancelText, markSentText, postNowText, queueRefusalText, rescheduleText } from "./post-outcome-text.js";

const QUEUE_USAGE = "/queue <link> [when], e.g. /queue https://example.com/story tomorrow 9am";
const RESCHEDULE_USAGE = "/reschedule <id> <when>, e.g. /reschedule 12 tomorrow 9am";
const CANCEL_USAGE = "/cancel <id>, e.g. /cancel 12";

/** /queue, /scheduled, /postnow, /reschedule, /cancel <id>, and the Post now · Schedule · Edit · Cancel buttons. */
export function createQueueFeature(deps: EditorDeps): Composer<BotContext> {
  const { posts } = deps.newsroom;
  const { timezone } = deps;
  const feature = new Composer<BotContext>();

  /** Post now's answer; a post that may already be in the channel comes with the choice. */
  const replyPostNow = (ctx: BotContext, outcome: PostNowOutcome): Promise<void> =>
    replyHtml(
      ctx,
      escapeHtml(postNowText(outcome, timezone, deps.now())),
      outcome.kind === "maybe-in-channel" ? maybeInChannelKeyboard(outcome.postId) : undefined,
    );

  feature.command("queue", async (ctx) => {
    const [link, whenText] = splitFirstWord(argsOf(ctx));
    if (!link) return replyText(ctx, `Which story? Use ${QUEUE_USAGE}`);
    let when: Date | null = null;
    if (whenText) {
      const parsed = parseWhen(whenText, deps.now(), timezone);
      if (!parsed.ok) return replyText(ctx, `${parsed.error} Nothing was queued.`);
      when = parsed.date;
    }
    const outcome = await posts.queue({ url: link, when, actor: actorOf(ctx) });
    if (outcome.kind !== "queued") return replyText(ctx, queueRefusalText(outcome));
    await replyText(ctx, `${waitingText(outcome.post.id, outcome.post.scheduledAt, timezone, deps.now())} This is what will be posted:`);
    // Exactly the channel post: same HTML, same options as the outbox sends it with.
    await ctx.reply(posts.render(outcome.post), { parse_mode: "HTML", reply_markup: previewKeyboard(outcome.post.id) });
  });

  feature.command("scheduled", async (ctx) => {
    const waiting = await posts.listWaiting();
    if (waiting.length === 0) return replyText(ctx, "Nothing is waiting to be posted. Queue a story with /queue <link> or /compose.");
    const now = deps.now();
    const lines = ["<b>Waiting to be posted</b>", ...waiting.map((p) => scheduledLine(p, timezone, now))];
    const text = fitLines(lines);
    // Buttons only for the posts whose line fits; at most Telegram's 100 buttons.
    const shownLines = text.split("\n");
    const shown = waiting.filter((p) => shownLines.some((line) => line.startsWith(`#${p.id} `))).slice(0, 50);
    await replyHtml(ctx, text, queueKeyboard(shown.map((p) => p.id)));
  });

  feature.command("postnow", async (ctx) => {
    const id = parsePostId(argsOf(ctx), "/postnow <id>, e.g. /postnow 12");
    if (!id.ok) return replyText(ctx, id.error);
    await replyPostNow(ctx, await posts.postNow({ postId: id.id, actor: actorOf(ctx) }));
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
