/** Everything readers do in private chats with the bot (and inline mode), plus counting reactions on the channel. */
import { Composer } from "grammy";

import { createTokenBucket } from "../readers/token-bucket.js";
import type { Services } from "../services.js";
import type { BotContext } from "./context.js";
import { createHelpFeature } from "./features/help.js";
import { createLatestFeature } from "./features/latest.js";
import { createInlineFeature } from "./features/reader/inline.js";
import { createPopularFeature } from "./features/reader/popular.js";
import { createReactionsFeature } from "./features/reader/reactions.js";
import type { ReaderDeps } from "./features/reader/reader-deps.js";
import { createSearchFeature } from "./features/reader/search.js";
import { createSettingsFeature } from "./features/reader/settings.js";
import { createStaleButtonsFeature } from "./features/reader/stale-buttons.js";
import { createStopFeature } from "./features/reader/stop.js";
import { createTopicsFeature } from "./features/reader/topics.js";
import { createStartFeature } from "./features/start.js";

/** Searches (commands and inline queries together) one reader may make per {@link SEARCH_THROTTLE_PERIOD_MS}. */
const SEARCH_THROTTLE_LIMIT = 5;
const SEARCH_THROTTLE_PERIOD_MS = 10_000;

/** The readers' dependencies, built from the application's services. */
function createReaderDeps(services: Services): ReaderDeps {
  return {
    subscribers: services.subscribers,
    topics: services.topics,
    articles: services.articles,
    engagement: services.engagement,
    search: services.search,
    searchThrottle: createTokenBucket({ capacity: SEARCH_THROTTLE_LIMIT, periodMs: SEARCH_THROTTLE_PERIOD_MS, now: services.now }),
    timezone: services.config.timezone,
    now: services.now,
    logger: services.logger.child({ feature: "readers" }),
  };
}

export function createReaderFeatures(services: Services): Composer<BotContext> {
  const deps = createReaderDeps(services);
  const features = new Composer<BotContext>();
  features.use(createStartFeature(deps));
  features.use(createHelpFeature());
  features.use(createTopicsFeature(deps));
  features.use(createLatestFeature(deps));
  features.use(createPopularFeature(deps));
  features.use(createSearchFeature(deps));
  features.use(createSettingsFeature(deps));
  features.use(createStopFeature(deps));
  features.use(createInlineFeature(deps));
  features.use(createReactionsFeature(deps));
  features.use(createStaleButtonsFeature());
  return features;
}
