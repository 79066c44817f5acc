/** /topics (a keyboard of toggles), /subscribe <topic> and /unsubscribe <topic|all>. */
import { Composer } from "grammy";

import { parseReaderCallback } from "../../../readers/reader-callback.js";
import type { BotContext } from "../../context.js";
import { topicPageCount, topicsKeyboard } from "../../keyboards/topics-keyboard.js";
import { editInPlace, ensureReader, findTopic, topicListText, unknownTopicText, type ReaderDeps } from "./reader-deps.js";

const TOPICS_PROMPT = "Tap a topic to follow or unfollow it. ✅ marks the ones you follow.";
const NO_TOPICS_TEXT = "There are no topics yet. Check back soon.";

export function createTopicsFeature(deps: Pick<ReaderDeps, "subscribers" | "topics">): Composer<BotContext> {
  const feature = new Composer<BotContext>();
  const privateChats = feature.chatType("private");

  privateChats.command("topics", async (ctx) => {
    const topics = await deps.topics.list();
    if (topics.length === 0) {
      await ctx.reply(NO_TOPICS_TEXT);
      return;
    }
    const reader = await ensureReader(deps.subscribers, ctx);
    await ctx.reply(TOPICS_PROMPT, { reply_markup: topicsKeyboard(topics, new Set(reader.topicIds)) });
  });

  privateChats.callbackQuery(/^topic:/, async (ctx) => {
    const callback = parseReaderCallback(ctx.callbackQuery.data);
    if (callback?.kind !== "toggle-topic") {
      await ctx.answerCallbackQuery({ text: "This button no longer works. Send /topics again." });
      return;
    }
    const topics = await deps.topics.list();
    const topic = topics.find((t) => t.id === callback.topicId);
    if (!topic) {
      const known = await deps.subscribers.get(ctx.from.id);
      await ctx.answerCallbackQuery({ text: "That topic no longer exists." });
      if (topics.length > 0) {
        const keyboard = topicsKeyboard(topics, new Set(known?.topicIds), callback.page);
        await editInPlace(() => ctx.editMessageReplyMarkup({ reply_markup: keyboard }));
      }
      return;
    }
    const reader = await ensureReader(deps.subscribers, ctx);
    const following = await deps.subscribers.toggle(reader.id, topic.id);
    const followed = new Set(reader.topicIds);
    if (following) followed.add(topic.id);
    else followed.delete(topic.id);
    await ctx.answerCallbackQuery({ text: following ? `✅ Following ${topic.name}` : `Unfollowed ${topic.name}` });
    await editInPlace(() => ctx.editMessageReplyMarkup({ reply_markup: topicsKeyboard(topics, followed, callback.page) }));
  });

  privateChats.callbackQuery(/^topics-page:/, async (ctx) => {
    const callback = parseReaderCallback(ctx.callbackQuery.data);
    if (callback?.kind !== "topics-page") {
      await ctx.answerCallbackQuery({ text: "This button no longer works. Send /topics again." });
      return;
    }
    const topics = await deps.topics.list();
    const pages = topicPageCount(topics.length);
    const page = Math.min(callback.page, pages - 1);
    const known = await deps.subscribers.get(ctx.from.id);
    await ctx.answerCallbackQuery({ text: `Page ${page + 1} of ${pages}` });
    await editInPlace(() => ctx.editMessageReplyMarkup({ reply_markup: topicsKeyboard(topics, new Set(known?.topicIds), page) }));
  });

  privateChats.command("subscribe", async (ctx) => {
    const wanted = ctx.match.trim();
    const topics = await deps.topics.list();
    if (!wanted) {
      await ctx.reply(`Which topic? Send /subscribe <topic>, or pick from /topics. ${topicListText(topics)}`);
      return;
    }
    const topic = findTopic(topics, wanted);
    if (!topic) {
      await ctx.reply(unknownTopicText(wanted, topics));
      return;
    }
    const reader = await ensureReader(deps.subscribers, ctx);
    const added = await deps.subscribers.subscribe(reader.id, topic.id);
    await ctx.reply(added ? `✅ You now follow ${topic.name}.` : `You already follow ${topic.name}.`);
  });

  privateChats.command("unsubscribe", async (ctx) => {
    const wanted = ctx.match.trim();
    const topics = await deps.topics.list();
    if (!wanted) {
      await ctx.reply(`Which topic? Send /unsubscribe <topic>, or /unsubscribe all. ${topicListText(topics)}`);
      return;
    }
    if (wanted.toLowerCase() === "all") {
      const reader = await deps.subscribers.get(ctx.from.id);
      const dropped = reader ? await deps.subscribers.unsubscribeAll(reader.id) : 0;
      await ctx.reply(dropped > 0 ? "You no longer follow any topics." : "You don't follow any topics.");
      return;
    }
    const topic = findTopic(topics, wanted);
    if (!topic) {
      await ctx.reply(unknownTopicText(wanted, topics));
      return;
    }
    const reader = await deps.subscribers.get(ctx.from.id);
    const removed = reader ? await deps.subscribers.unsubscribe(reader.id, topic.id) : false;
    await ctx.reply(removed ? `You no longer follow ${topic.name}.` : `You don't follow ${topic.name}.`);
  });

  return feature;
}
