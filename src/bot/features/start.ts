import { Composer } from "grammy";

import { parseStartPayload } from "../../readers/parse-start-payload.js";
import type { BotContext } from "../context.js";
import { topicsKeyboard } from "../keyboards/topics-keyboard.js";
import { createChannelInfoCache, type ChannelInfo } from "./reader/channel-info.js";
import { ensureReader, type ReaderDeps } from "./reader/reader-deps.js";
import { helpText } from "./help.js";

/** The welcome's first line: the bot, and the channel it serves with its link when Telegram told us. */
function welcomeLine(ctx: BotContext, channel: ChannelInfo | null): string {
  const bot = ctx.me.first_name;
  if (!channel) return ctx.t("start-welcome", { bot });
  return channel.link
    ? ctx.t("start-welcome-channel-link", { bot, channel: channel.title, link: channel.link })
    : ctx.t("start-welcome-channel", { bot, channel: channel.title });
}

/**
 * /start in private chats: registers the reader, welcomes them naming the channel
 * and offers the topics. A deep link (t.me/<bot>?start=topic_asia) subscribes directly.
 */
export function createStartFeature(deps: Pick<ReaderDeps, "subscribers" | "topics" | "channelId" | "logger" | "now">): Composer<BotContext> {
  const feature = new Composer<BotContext>();
  const channel = createChannelInfoCache(deps);
  feature.chatType("private").command("start", async (ctx) => {
    const reader = await ensureReader(deps.subscribers, ctx);
    const payload = parseStartPayload(ctx.match);
    const topics = await deps.topics.list();
    if (payload.kind === "topic") {
      const topic = topics.find((t) => t.slug === payload.slug);
      if (topic) {
        const added = await deps.subscribers.subscribe(reader.id, topic.id);
        const followed = ctx.t(added ? "topic-now-following" : "topic-already-following", { topic: topic.name });
        await ctx.reply(`${followed} ${ctx.t("start-next-steps")}`);
        return;
      }
      if (topics.length === 0) {
        await ctx.reply(ctx.t("start-unknown-topic-none", { topic: payload.asTyped }));
        return;
      }
      await ctx.reply(ctx.t("start-unknown-topic", { topic: payload.asTyped }), {
        reply_markup: topicsKeyboard(ctx.t, topics, new Set(reader.topicIds)),
      });
      return;
    }
    const welcome = `${welcomeLine(ctx, await channel.get(ctx.api))}\n\n${helpText(ctx.t, ctx.me.username)}`;
    if (topics.length === 0) {
      await ctx.reply(welcome);
      return;
    }
    await ctx.reply(`${welcome}\n\n${ctx.t("start-pick-topics")}`, {
      reply_markup: topicsKeyboard(ctx.t, topics, new Set(reader.topicIds)),
    });
  });
  return feature;
}
