/** /topics (a keyboard of toggles), /subscribe <topic> and /unsubscribe <topic|all>. */
import { Composer } from "grammy";

import { parseReaderCallback } from "../../../readers/reader-callback.js";
import type { BotContext } from "../../context.js";
import { topicPageCount, topicsKeyboard } from "../../keyboards/topics-keyboard.js";
import { editInPlace, ensureReader, findTopic, topicListText, unknownTopicText, type ReaderDeps } from "./reader-deps.js";

export function createTopicsFeature(deps: Pick<ReaderDeps, "subscribers" | "topics">): Composer<BotContext> {
  const feature = new Composer<BotContext>();
  const privateChats = feature.chatType("private");

  privateChats.command("topics", async (ctx) => {
    const topics = await deps.topics.list();
    if (topics.length === 0) {
      await ctx.reply(ctx.t("topics-none-yet"));
      return;
    }
    const reader = await ensureReader(deps.subscribers, ctx);
    await ctx.reply(ctx.t("topics-prompt"), { reply_markup: topicsKeyboard(ctx.t, topics, new Set(reader.topicIds)) });
  });

  privateChats.callbackQuery(/^topic:/, async (ctx) => {
    const callback = parseReaderCallback(ctx.callbackQuery.data);
    if (callback?.kind !== "toggle-topic") {
      await ctx.answerCallbackQuery({ text: ctx.t("button-stale-topics") });
      return;
    }
    const topics = await deps.topics.list();
    const topic = topics.find((t) => t.id === callback.topicId);
    if (!topic) {
      const known = await deps.subscribers.get(ctx.from.id);
      await ctx.answerCallbackQuery({ text: ctx.t("topic-gone") });
      if (topics.length > 0) {
        const keyboard = topicsKeyboard(ctx.t, topics, new Set(known?.topicIds), callback.page);
        await editInPlace(() => ctx.editMessageReplyMarkup({ reply_markup: keyboard }));
      }
      return;
    }
    const reader = await ensureReader(deps.subscribers, ctx);
    const following = await deps.subscribers.toggle(reader.id, topic.id);
    const followed = new Set(reader.topicIds);
    if (following) followed.add(topic.id);
    else followed.delete(topic.id);
    await ctx.answerCallbackQuery({ text: ctx.t(following ? "topic-following-short" : "topic-unfollowed-short", { topic: topic.name }) });
    await editInPlace(() => ctx.editMessageReplyMarkup({ reply_markup: topicsKeyboard(ctx.t, topics, followed, callback.page) }));
  });

  privateChats.callbackQuery(/^topics-page:/, async (ctx) => {
    const callback = parseReaderCallback(ctx.callbackQuery.data);
    if (callback?.kind !== "topics-page") {
      await ctx.answerCallbackQuery({ text: ctx.t("button-stale-topics") });
      return;
    }
    const topics = await deps.topics.list();
    const pages = topicPageCount(topics.length);
    const page = Math.min(callback.page, pages - 1);
    const known = await deps.subscribers.get(ctx.from.id);
    await ctx.answerCallbackQuery({ text: ctx.t("topics-page", { page: page + 1, pages }) });
    await editInPlace(() => ctx.editMessageReplyMarkup({ reply_markup: topicsKeyboard(ctx.t, topics, new Set(known?.topicIds), page) }));
  });

  privateChats.command("subscribe", async (ctx) => {
    const wanted = ctx.match.trim();
    const topics = await deps.topics.list();
    if (!wanted) {
      await ctx.reply(ctx.t("subscribe-which", { list: topicListText(ctx.t, topics) }));
      return;
    }
    const topic = findTopic(topics, wanted);
    if (!topic) {
      await ctx.reply(unknownTopicText(ctx.t, wanted, topics));
      return;
    }
    const reader = await ensureReader(deps.subscribers, ctx);
    const added = await deps.subscribers.subscribe(reader.id, topic.id);
    await ctx.reply(ctx.t(added ? "topic-now-following" : "topic-already-following", { topic: topic.name }));
  });

  privateChats.command("unsubscribe", async (ctx) => {
    const wanted = ctx.match.trim();
    const topics = await deps.topics.list();
    if (!wanted) {
      await ctx.reply(ctx.t("unsubscribe-which", { list: topicListText(ctx.t, topics) }));
      return;
    }
    if (wanted.toLowerCase() === "all") {
      const reader = await deps.subscribers.get(ctx.from.id);
      const dropped = reader ? await deps.subscribers.unsubscribeAll(reader.id) : 0;
      await ctx.reply(ctx.t(dropped > 0 ? "unsubscribe-all-done" : "unsubscribe-all-none"));
      return;
    }
    const topic = findTopic(topics, wanted);
    if (!topic) {
      await ctx.reply(unknownTopicText(ctx.t, wanted, topics));
      return;
    }
    const reader = await deps.subscribers.get(ctx.from.id);
    const removed = reader ? await deps.subscribers.unsubscribe(reader.id, topic.id) : false;
    await ctx.reply(ctx.t(removed ? "topic-no-longer-following" : "topic-not-following", { topic: topic.name }));
  });

  return feature;
}
