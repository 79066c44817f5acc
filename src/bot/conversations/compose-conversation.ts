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
import { languageOf } from "../../i18n/languages.js";
import type { Translate } from "../../i18n/translate.js";
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

/** The editor's reply once the draft is stored. */
function composedText(t: Translate, outcome: ComposeOutcome, timezone: string, now: Date): string {
  switch (outcome.kind) {
    case "waiting":
      return waitingText(t, outcome.post.id, outcome.post.scheduledAt, timezone, now);
    case "posted-now":
      return postNowText(t, outcome.result, timezone, now);
    case "not-stored":
      return t("compose-not-stored");
    default:
      return placeRefusalText(t, outcome);
  }
}

function isCommand(text: string, name: string): boolean {
  return new RegExp(`^/${name}(@\\w+)?$`, "i").test(text.trim());
}

/** The conversation builder, bound to its dependencies. */
export function createComposeConversation(deps: EditorDeps) {
  const { posts } = deps.newsroom;
  const { timezone } = deps;
  const storeDraft = async (t: Translate, draft: Draft, actor: ReturnType<typeof actorOf>) =>
    composedText(t, await posts.compose({ draft, actor }), timezone, deps.now());

  return async function compose(conversation: Conversation<BotContext, Context>, ctx: Context): Promise<void> {
    const actor = actorOf(ctx);
    // Inside a conversation there is no ctx.t: the editor's language comes from their Telegram app, as outside.
    const t = deps.translator(languageOf(ctx.from?.language_code));
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
          await say(answer, t("compose-text-please", { question }));
          continue;
        }
        if (isCommand(text, "cancel")) {
          await say(answer, t("compose-cancelled"));
          return null;
        }
        if (isCommand(text, "compose")) {
          await say(answer, t("compose-already", { question }));
          continue;
        }
        // Other commands (/scheduled, /cancel 12, …) run as usual; the question stays open.
        if (text.startsWith("/")) await conversation.skip({ next: true });
        const result = await read(text.trim());
        if (result.ok) return { value: result.value };
        await say(answer, t("compose-retry", { error: result.error, question }));
      }
    };

    await say(ctx, t("compose-start"));
    const headline = await ask(t("compose-ask-headline"), (text) => readHeadline(t, text));
    if (!headline) return;
    const summary = await ask(t("compose-ask-summary"), (text) => readSummary(t, text));
    if (!summary) return;
    const url = await ask(t("compose-ask-link"), async (text) => {
      const link = readLink(t, text);
      if (!link.ok) return link;
      const known = await conversation.external(() => posts.storedHeadline(link.value));
      if (known !== null) return { ok: false, error: t("compose-link-known", { headline: known, url: link.value }) };
      return link;
    });
    if (!url) return;
    const topics = await ask(t("compose-ask-topics"), (text) => readTopics(t, text));
    if (!topics) return;
    const photo = await ask<string | null>(t("compose-ask-photo"), (text) => readPhotoSkip(t, text), (fileId) => fileId);
    if (!photo) return;
    const askedAt = new Date(await conversation.external(() => deps.now().getTime()));
    // The examples are times still ahead when the question is asked.
    const when = await ask(t("compose-ask-when", { examples: whenExamples(askedAt, timezone) }), async (text) => {
      const now = await conversation.external(() => deps.now().getTime());
      return readWhen(t, text, new Date(now), timezone);
    });
    if (!when) return;
    const draft: Draft = { headline: headline.value, summary: summary.value, url: url.value, topics: topics.value, photo: photo.value, when: when.value };

    const shownAt = new Date(await conversation.external(() => deps.now().getTime()));
    const whenText =
      draft.when === "now"
        ? t("compose-when-now")
        : draft.when === null
          ? t("compose-when-next")
          : t("compose-when-at", { when: formatWhen(new Date(draft.when), timezone, shownAt, t.language) });
    await replyWithPost(ctx, posts.previewDraft(draft));
    await ctx.reply(escapeHtml(t("compose-confirm", { when: whenText })), { parse_mode: "HTML", reply_markup: composeConfirmKeyboard(t) });
    const yes = new Set(["yes", t("compose-yes")]);
    const no = new Set(["no", t("compose-no")]);
    for (;;) {
      const answer = await conversation.waitFrom(actor.id, { next: true });
      const data = answer.callbackQuery?.data;
      const text = answer.message?.text?.trim().toLowerCase();
      if (data !== COMPOSE_POST && data !== COMPOSE_DISCARD) {
        if (answer.callbackQuery || (text !== undefined && text.startsWith("/") && !isCommand(text, "cancel"))) await conversation.skip({ next: true });
        if (text !== undefined && (yes.has(text) || no.has(text) || isCommand(text, "cancel"))) {
          if (yes.has(text)) {
            await say(answer, await conversation.external(() => storeDraft(t, draft, actor)));
            return;
          }
          await say(answer, t("compose-cancelled"));
          return;
        }
        await say(answer, t("compose-press"));
        continue;
      }
      await answer.answerCallbackQuery();
      await answer.editMessageReplyMarkup();
      if (data === COMPOSE_DISCARD) {
        await say(answer, t("compose-cancelled"));
        return;
      }
      await say(answer, await conversation.external(() => storeDraft(t, draft, actor)));
      return;
    }
  };
}
