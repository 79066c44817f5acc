/** Everything readers do in private chats with the bot (and inline mode), plus counting reactions on the channel. */
import { Composer } from "grammy";

import type { BotContext } from "./context.js";
import { createHelpFeature } from "./features/help.js";
import { createLatestFeature } from "./features/latest.js";
import { createInlineFeature } from "./features/reader/inline.js";
import { createPlainWordsFeature } from "./features/reader/plain-words.js";
import { createPopularFeature } from "./features/reader/popular.js";
import { createReactionsFeature } from "./features/reader/reactions.js";
import type { ReaderDeps } from "./features/reader/reader-deps.js";
import { createSearchFeature } from "./features/reader/search.js";
import { createSettingsFeature } from "./features/reader/settings.js";
import { createStaleButtonsFeature } from "./features/reader/stale-buttons.js";
import { createLanguageFeature } from "./features/reader/language.js";
import { createStopFeature } from "./features/reader/stop.js";
import { createTopicsFeature } from "./features/reader/topics.js";
import { createStartFeature } from "./features/start.js";

/** The readers' features, in the order they are tried. */
export function createReaderFeatures(deps: ReaderDeps): Composer<BotContext> {
  const features = new Composer<BotContext>();
  features.use(createStartFeature(deps));
  features.use(createHelpFeature());
  features.use(createTopicsFeature(deps));
  features.use(createLatestFeature(deps));
  features.use(createPopularFeature(deps));
  features.use(createSearchFeature(deps));
  features.use(createSettingsFeature(deps));
  features.use(createStopFeature(deps));
  features.use(createLanguageFeature(deps));
  features.use(createInlineFeature(deps));
  features.use(createReactionsFeature(deps));
  features.use(createStaleButtonsFeature());
  features.use(createPlainWordsFeature(deps));
  return features;
}
