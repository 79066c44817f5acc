/** Counts reactions on the channel's posts (message_reaction_count updates) for /popular. */
import { Composer } from "grammy";

import type { BotContext } from "../../context.js";
import type { ReaderDeps } from "./reader-deps.js";

export function createReactionsFeature(deps: Pick<ReaderDeps, "engagement" | "logger">): Composer<BotContext> {
  const feature = new Composer<BotContext>();
  feature.on("message_reaction_count", async (ctx) => {
    const update = ctx.messageReactionCount;
    const total = update.reactions.reduce((sum, reaction) => sum + reaction.total_count, 0);
    const chatRefs = [String(update.chat.id)];
    // CHANNEL_ID may be the @username; posts are stored under the configured name.
    if ("username" in update.chat && update.chat.username) chatRefs.push(`@${update.chat.username}`);
    const matched = await deps.engagement.recordReactionCount(chatRefs, update.message_id, total);
    deps.logger.debug({ chatId: update.chat.id, messageId: update.message_id, total, matched }, "reaction count");
  });
  return feature;
}
