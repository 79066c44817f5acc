/** /queue, /scheduled, /postnow, /reschedule, /cancel and the post buttons. */
import { Composer } from "grammy";

import { formatWhen } from "../../../editorial/format-when.js";
import { waitingText } from "../../../editorial/waiting-text.js";
import { parsePostId, splitFirstWord } from "../../../editorial/parse-post-id.js";
import { parseWhen, WHEN_EXAMPLES } from "../../../editorial/parse-when.js";
import { scheduledLine } from "../../../editorial/scheduled-line.js";
import { renderPost } from "../../../publish/outbox.js";
import { fitLines } from "../../../publish/telegram-html.js";
import type { BotContext } from "../../context.js";
import { parsePostCallback, previewKeyboard, queueKeyboard } from "../../keyboards/editor-post-keyboard.js";
import { actorOf, argsOf, replyHtml, replyText, type Actor, type EditorServices } from "./editor-context.js";
import { postNow } from "./post-now.js";
import { queueArticle } from "./queue-article.js";

const QUEUE_USAGE = "/queue <link> [when], e.g. /queue https://example.com/story tomorrow 9am";
const RESCHEDULE_USAGE = "/reschedule <id> <when>, e.g. /reschedule 12 18:30";
const CANCEL_USAGE = "/cancel <id>, e.g. /cancel 12";

async function cancelPost(deps: EditorServices, postId: number, actor: Actor): Promise<string> {
  const post = await deps.services.posts.get(postId);
  if (!post) return `There is no post #${postId}.`;
  if (post.status === "sent") return `Post #${postId} is already in the channel; to take it down use /delete ${postId}.`;
  if (!(await deps.services.posts.cancel(postId))) return `Post #${postId} is not waiting to be sent (it is ${post.status}); nothing changed.`;
  await deps.services.audit.record({
    actorId: actor.id,
    actorName: actor.name,
    action: "post.cancel",
    subject: `post #${postId}`,
    before: { status: post.status },
    after: { status: "cancelled" },
  });
  return `Post #${postId} is cancelled: it will not be posted.`;
}

/** /queue, /scheduled, /postnow, /reschedule, /cancel <id>, and the Post now · Schedule · Edit · Cancel buttons. */
export function createQueueFeature(deps: EditorServices): Composer<BotContext> {
  const { services } = deps;
  const timezone = services.config.timezone;
  const feature = new Composer<BotContext>();

  feature.command("queue", async (ctx) => {
    const [link, whenText] = splitFirstWord(argsOf(ctx));
    if (!link) return replyText(ctx, `Which story? Use ${QUEUE_USAGE}`);
    let when: Date | null = null;
    if (whenText) {
      const parsed = parseWhen(whenText, services.now(), timezone);
      if (!parsed.ok) return replyText(ctx, `${parsed.error} Nothing was queued.`);
      when = parsed.date;
    }
    const result = await queueArticle(services, { url: link, when, actor: actorOf(ctx) });
    if (result.kind === "refused") return replyText(ctx, result.text);
    await replyText(ctx, `${waitingText(result.post.id, result.post.scheduledAt, timezone)} This is what will be posted:`);
    // Exactly the channel post: same HTML, same options as the outbox sends it with.
    await ctx.reply(renderPost(result.post, services.config.publicUrl), { parse_mode: "HTML", reply_markup: previewKeyboard(result.post.id) });
  });

  feature.command("scheduled", async (ctx) => {
    const posts = await services.posts.listWaiting();
    if (posts.length === 0) return replyText(ctx, "Nothing is waiting to be posted. Queue a story with /queue <link> or /compose.");
    const lines = ["<b>Waiting to be posted</b>", ...posts.map((p) => scheduledLine(p, timezone))];
    const text = fitLines(lines);
    // Buttons only for the posts whose line fits; at most Telegram's 100 buttons.
    const shownLines = text.split("\n");
    const shown = posts.filter((p) => shownLines.some((line) => line.startsWith(`#${p.id} `))).slice(0, 50);
    await replyHtml(ctx, text, queueKeyboard(shown.map((p) => p.id)));
  });

  feature.command("postnow", async (ctx) => {
    const id = parsePostId(argsOf(ctx), "/postnow <id>, e.g. /postnow 12");
    if (!id.ok) return replyText(ctx, id.error);
    await replyText(ctx, await postNow(deps, id.id, actorOf(ctx)));
  });

  feature.command("reschedule", async (ctx) => {
    const [idWord, whenText] = splitFirstWord(argsOf(ctx));
    const id = parsePostId(idWord, RESCHEDULE_USAGE);
    if (!id.ok) return replyText(ctx, id.error);
    if (!whenText) return replyText(ctx, `When should post #${id.id} go out? Use ${RESCHEDULE_USAGE} (${WHEN_EXAMPLES}).`);
    const when = parseWhen(whenText, services.now(), timezone);
    if (!when.ok) return replyText(ctx, `${when.error} Post #${id.id} was not changed.`);
    const post = await services.posts.get(id.id);
    if (!post) return replyText(ctx, `There is no post #${id.id}.`);
    if (!(await services.posts.schedule(id.id, when.date))) {
      return replyText(ctx, `Post #${id.id} is not waiting to be sent (it is ${post.status}); nothing changed.`);
    }
    const actor = actorOf(ctx);
    await services.audit.record({
      actorId: actor.id,
      actorName: actor.name,
      action: "post.reschedule",
      subject: `post #${id.id}`,
      before: { scheduledAt: post.scheduledAt?.toISOString() ?? null },
      after: { scheduledAt: when.date.toISOString() },
    });
    await replyText(ctx, `Post #${id.id} rescheduled: scheduled for ${formatWhen(when.date, timezone)}.`);
  });

  feature.command("cancel", async (ctx) => {
    const args = argsOf(ctx);
    if (!args) return replyText(ctx, `There is nothing to cancel here. To cancel a waiting post use ${CANCEL_USAGE}; /cancel alone leaves /compose.`);
    const id = parsePostId(args, CANCEL_USAGE);
    if (!id.ok) return replyText(ctx, id.error);
    await replyText(ctx, await cancelPost(deps, id.id, actorOf(ctx)));
  });

  feature.callbackQuery(/^ed:(now|schedule|edit|cancel):\d+$/, async (ctx) => {
    const parsed = parsePostCallback(ctx.callbackQuery.data);
    if (!parsed) return ctx.answerCallbackQuery();
    const { action, postId } = parsed;
    if (action === "now") {
      await ctx.answerCallbackQuery({ text: `Sending post #${postId}…` });
      return replyText(ctx, await postNow(deps, postId, actorOf(ctx)));
    }
    if (action === "cancel") {
      const text = await cancelPost(deps, postId, actorOf(ctx));
      await ctx.answerCallbackQuery({ text });
      return replyText(ctx, text);
    }
    await ctx.answerCallbackQuery();
    if (action === "schedule") {
      return replyText(ctx, `When should post #${postId} go out? Send /reschedule ${postId} <when>, e.g. /reschedule ${postId} tomorrow 9am (${WHEN_EXAMPLES}).`);
    }
    return replyText(ctx, `To correct post #${postId}, send /edit ${postId} headline <new headline> or /edit ${postId} summary <new summary>.`);
  });

  return feature;
}
