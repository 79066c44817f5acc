/**
 * /compose: an editor writes a post by hand, step by step — headline, summary,
 * link, topics, when — sees the exact post and confirms. The conversation is kept
 * in the database, so a restart does not lose it. Database work happens inside
 * `conversation.external` (done once, replayed from the log); Bot API calls do not.
 */
import type { Conversation } from "@grammyjs/conversations";
import type { Context } from "grammy";

import { formatWhen } from "../../editorial/format-when.js";
import { waitingText } from "../../editorial/waiting-text.js";
import { whenExamples } from "../../editorial/parse-when.js";
import { readHeadline, readLink, readPhotoSkip, readSummary, readTopics, readWhen, type Answer, type Draft } from "../../editorial/read-draft.js";
import type { ComposeOutcome } from "../../newsroom/post-actions.js";
import { escapeHtml } from "../../publish/telegram-html.js";
import type { BotContext } from "../context.js";
import { actorOf, type EditorDeps } from "../features/editor/editor-context.js";
import { placeRefusalText, postNowText } from "../features/editor/post-outcome-text.js";
import { largestPhoto, replyWithPost } from "../features/editor/post-preview.js";
import { COMPOSE_DISCARD, COMPOSE_POST, composeConfirmKeyboard } from "../keyboards/editor-post-keyboard.js";

export const COMPOSE_CONVERSATION = "compose";
/** An abandoned draft is dropped after this long without an answer. */
export const COMPOSE_TIMEOUT_MS = 60 * 60_000;

const QUESTIONS = {
  headline: "1/6 What is the headline?",
  summary: "2/6 The summary (the text under the headline)? Send - for none.",
  link: "3/6 The link behind “Read more”?",
  topics: "4/6 Topics, separated by commas (e.g. asia, politics)? Send - for none.",
  photo: "5/6 A photo for the post? Send one, or skip.",
  /** The examples are times still ahead when the question is asked. */
  when: (examples: string) => `6/6 When should it go out? now, next (the next free slot), or a time: ${examples}.`,
};

/** The editor's reply once the draft is stored. */
function composedText(outcome: ComposeOutcome, timezone: string, now: Date): string {
  switch (outcome.kind) {
    case "waiting":
      return waitingText(outcome.post.id, outcome.post.scheduledAt, timezone, now);
    case "posted-now":
      return postNowText(outcome.result, timezone, now);
    case "not-stored":
      return "The post could not be stored; please try /compose again.";
    default:
      return placeRefusalText(outcome);
  }
}

function isCommand(text: string, name: string): boolean {
  return new RegExp(`^/${name}(@\\w+)?$`, "i").test(text.trim());
}

/** The conversation builder, bound to its dependencies. */
export function createComposeConversation(deps: EditorDeps) {
  const { posts } = deps.newsroom;
  const { timezone } = deps;
  const storeDraft = async (draft: Draft, actor: ReturnType<typeof actorOf>) => composedText(await posts.compose({ draft, actor }), timezone, deps.now());

  return async function compose(conversation: Conversation<BotContext, Context>, ctx: Context): Promise<void> {
    const actor = actorOf(ctx);
    const say = (c: Context, text: string) => c.reply(escapeHtml(text), { parse_mode: "HTML" });

    /** Asks until the answer reads well (a photo too, when `readPhoto` takes one); null when the editor cancelled. */
    const ask = async <T>(
      question: string,
      read: (text: string) => Answer<T> | Promise<Answer<T>>,
      readPhoto?: (fileId: string) => T,
    ): Promise<{ value: T } | null> => {
      await say(ctx, question);
      for (;;) {
        const answer = await conversation.waitFrom(actor.id, { next: true });
        const sent = readPhoto && answer.message?.photo ? largestPhoto(answer.message.photo) : null;
        if (readPhoto && sent) return { value: readPhoto(sent.file_id) };
        const text = answer.message?.text;
        if (text === undefined) {
          // Buttons of other messages (e.g. /scheduled) still work while composing.
          if (answer.callbackQuery) await conversation.skip({ next: true });
          await say(answer, `Please answer in text. ${question}`);
          continue;
        }
        if (isCommand(text, "cancel")) {
          await say(answer, "Cancelled: the draft is discarded, nothing was stored.");
          return null;
        }
        if (isCommand(text, "compose")) {
          await say(answer, `You are already writing a post. ${question}`);
          continue;
        }
        // Other commands (/scheduled, /cancel 12, …) run as usual; the question stays open.
        if (text.startsWith("/")) await conversation.skip({ next: true });
        const result = await read(text.trim());
        if (result.ok) return { value: result.value };
        await say(answer, `${result.error} ${question}`);
      }
    };

    await say(ctx, "Let's write a post. Send /cancel at any step to stop.");
    const headline = await ask(QUESTIONS.headline, readHeadline);
    if (!headline) return;
    const summary = await ask(QUESTIONS.summary, readSummary);
    if (!summary) return;
    const url = await ask(QUESTIONS.link, async (text) => {
      const link = readLink(text);
      if (!link.ok) return link;
      const known = await conversation.external(() => posts.storedHeadline(link.value));
      if (known !== null) return { ok: false, error: `That link is already a stored story (“${known}”): post it with /queue ${link.value}, or send another link.` };
      return link;
    });
    if (!url) return;
    const topics = await ask(QUESTIONS.topics, readTopics);
    if (!topics) return;
    const photo = await ask<string | null>(QUESTIONS.photo, readPhotoSkip, (fileId) => fileId);
    if (!photo) return;
    const askedAt = new Date(await conversation.external(() => deps.now().getTime()));
    const when = await ask(QUESTIONS.when(whenExamples(askedAt, timezone)), async (text) => {
      const now = await conversation.external(() => deps.now().getTime());
      return readWhen(text, new Date(now), timezone);
    });
    if (!when) return;
    const draft: Draft = { headline: headline.value, summary: summary.value, url: url.value, topics: topics.value, photo: photo.value, when: when.value };

    const shownAt = new Date(await conversation.external(() => deps.now().getTime()));
    const whenText = draft.when === "now" ? "at once" : draft.when === null ? "at the next free slot" : `on ${formatWhen(new Date(draft.when), timezone, shownAt)}`;
    await replyWithPost(ctx, posts.previewDraft(draft));
    await ctx.reply(escapeHtml(`This is the post. It goes out ${whenText}. Post it?`), { parse_mode: "HTML", reply_markup: composeConfirmKeyboard() });
    for (;;) {
      const answer = await conversation.waitFrom(actor.id, { next: true });
      const data = answer.callbackQuery?.data;
      const text = answer.message?.text?.trim().toLowerCase();
      if (data !== COMPOSE_POST && data !== COMPOSE_DISCARD) {
        if (answer.callbackQuery || (text !== undefined && text.startsWith("/") && !isCommand(text, "cancel"))) await conversation.skip({ next: true });
        if (text === "yes" || text === "no" || (text !== undefined && isCommand(text, "cancel"))) {
          if (text === "yes") {
            await say(answer, await conversation.external(() => storeDraft(draft, actor)));
            return;
          }
          await say(answer, "Cancelled: the draft is discarded, nothing was stored.");
          return;
        }
        await say(answer, "Press “Post it” or “Discard” (or answer yes or no).");
        continue;
      }
      await answer.answerCallbackQuery();
      await answer.editMessageReplyMarkup();
      if (data === COMPOSE_DISCARD) {
        await say(answer, "Cancelled: the draft is discarded, nothing was stored.");
        return;
      }
      await say(answer, await conversation.external(() => storeDraft(draft, actor)));
      return;
    }
  };
}
