import { Composer } from "grammy";

import { parseStartPayload } from "../../readers/parse-start-payload.js";
import type { BotContext } from "../context.js";
import { topicsKeyboard } from "../keyboards/topics-keyboard.js";
import { ensureReader, type ReaderDeps } from "./reader/reader-deps.js";
import { helpText } from "./help.js";

/**
 * /start in private chats: registers the reader, welcomes them and offers the
 * topics. A deep link (t.me/<bot>?start=topic_asia) subscribes directly.
 */
export function createStartFeature(deps: Pick<ReaderDeps, "subscribers" | "topics">): Composer<BotContext> {
  const feature = new Composer<BotContext>();
  feature.chatType("private").command("start", async (ctx) => {
    const reader = await ensureReader(deps.subscribers, ctx);
    const payload = parseStartPayload(ctx.match);
    const topics = await deps.topics.list();
    if (payload.kind === "topic") {
      const topic = topics.find((t) => t.slug === payload.slug);
      if (topic) {
        const added = await deps.subscribers.subscribe(reader.id, topic.id);
        await ctx.reply(
          `${added ? `✅ You now follow ${topic.name}.` : `You already follow ${topic.name}.`} ` +
            "Choose how I tell you about new stories with /settings; see everything I can do with /help.",
        );
        return;
      }
      if (topics.length === 0) {
        await ctx.reply(`I don't know the topic “${payload.asTyped}”. There are no topics yet.`);
        return;
      }
      await ctx.reply(`I don't know the topic “${payload.asTyped}”. Pick from these:`, {
        reply_markup: topicsKeyboard(topics, new Set(reader.topicIds)),
      });
      return;
    }
    const welcome = `Welcome to ${ctx.me.first_name}! I bring you the newsroom's stories.\n\n${helpText(ctx.me.username)}`;
    if (topics.length === 0) {
      await ctx.reply(welcome);
      return;
    }
    await ctx.reply(`${welcome}\n\nPick the topics you want to follow:`, {
      reply_markup: topicsKeyboard(topics, new Set(reader.topicIds)),
    });
  });
  return feature;
}
