/** Everything readers do in private chats with the bot (and inline mode). */
import { Composer } from "grammy";

import type { Services } from "../services.js";
import type { BotContext } from "./context.js";
import { createHelpFeature } from "./features/help.js";
import { createLatestFeature } from "./features/latest.js";
import { createStartFeature } from "./features/start.js";

export function createReaderFeatures(services: Services): Composer<BotContext> {
  const features = new Composer<BotContext>();
  features.use(createStartFeature({ subscribers: services.subscribers }));
  features.use(createHelpFeature());
  features.use(createLatestFeature({ articles: services.articles, topics: services.topics }));
  return features;
}
