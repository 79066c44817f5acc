/** Builds the newsroom's use cases from the services, each with only the dependencies it needs. */
import { createSendBreaking } from "../newsroom/breaking-news.js";
import { createCorrectionActions } from "../newsroom/correction-actions.js";
import { createRemovalActions } from "../newsroom/removal-actions.js";
import { createFeedActions } from "../newsroom/feed-actions.js";
import type { Newsroom } from "../newsroom/newsroom.js";
import { createPostActions, type ChannelMessages } from "../newsroom/post-actions.js";
import { createPostingActions } from "../newsroom/posting-actions.js";
import { createReviewActions, type ReviewCards } from "../newsroom/review-actions.js";
import { createNewsroomStatus } from "../newsroom/newsroom-status.js";
import { createNewsroomReports } from "../newsroom/reports.js";
import { createTopicActions } from "../newsroom/topic-actions.js";
import type { Translate } from "../i18n/translate.js";
import type { AdminNotifier } from "../ops/admin-notifier.js";
import type { PublishOutcome } from "../publish/outbox.js";
import type { PostStyle } from "../publish/post-message.js";
import type { Health } from "./create-health.js";
import type { Services } from "./create-services.js";

/** How the newsroom reaches the channel; the CLI, which has no bot running, gets {@link NO_CHANNEL}. */
export interface ChannelAccess {
  /** Sends one post now through the outbox. */
  publish(postId: number): Promise<PublishOutcome>;
  messages: ChannelMessages;
  /** Breaking news went out: readers' alerts are fanned out and sent now, not at the next tick. */
  breakingSent?: (postId: number) => void;
  /** The editors' cards in the admin chat (drafts, review stories). */
  cards: ReviewCards;
}

/** For front ends that never format posts (the CLI): the channel's words load with the bot, not with every command. */
export const NO_POST_STYLE = (): PostStyle => {
  throw new Error("channel posts are formatted by the running bot, not by the CLI");
};

/** For front ends that never draw the admin chat's cards (the CLI): the words load with the bot, not with every command. */
export const NO_CARD_WORDS = (): Translate => {
  throw new Error("review cards are drawn by the running bot, not by the CLI");
};

/** For front ends that never post (the CLI): every attempt says so instead of posting. */
export const NO_CHANNEL: ChannelAccess = {
  publish: () => Promise.resolve({ kind: "idle", reason: { code: "no-channel" } }),
  messages: {
    edit: () => Promise.reject(new Error("the CLI does not edit channel posts")),
    remove: () => Promise.reject(new Error("the CLI does not delete channel posts")),
  },
  // The running bot sends the cards of stories for review at its next publish tick; /review shows every waiting story.
  cards: {
    send: () => Promise.resolve(null),
    edit: () => Promise.reject(new Error("the CLI does not edit cards")),
  },
};

/**
 * The newsroom's use cases. `postStyle` gives how posts look (previews, corrections) and
 * `adminTranslate` the admin chat's words (ADMIN_LANGUAGE, for the cards); the CLI, which
 * never formats posts or cards, passes ones that say so.
 */
export function createNewsroom(deps: {
  services: Services;
  admin: AdminNotifier;
  channel: ChannelAccess;
  health: Health;
  postStyle: () => PostStyle;
  adminTranslate: () => Translate;
}): Newsroom {
  const { services, admin, channel, health } = deps;
  const { feeds, topics, posts, articles, audit, settings, subscribers, alerts, corrections, now } = services;
  const publish = (postId: number): Promise<PublishOutcome> => channel.publish(postId);
  // Breaking news goes out one way from /breaking, previews, review cards and drafts alike.
  const sendBreaking = createSendBreaking({ publish, ...(channel.breakingSent ? { breakingSent: channel.breakingSent } : {}) });
  const reviews = createReviewActions({
    posts,
    audit,
    settings,
    cards: channel.cards,
    publish,
    sendBreaking,
    // The outbox's own presentation: a card shows the post exactly as it would go out.
    style: deps.postStyle,
    translate: deps.adminTranslate,
    now,
    timezone: services.config.timezone,
    cardsPerRun: services.config.review.cardsPerRun,
    onCardError: (postId, error) => services.logger.warn({ postId, err: error }, "could not update the post's card in the admin chat"),
  });
  return {
    reviews,
    // The feed parser and the HTML reader load when a feed is first checked, not with the bot.
    feeds: createFeedActions({ feeds, topics, audit, probe: async (url) => (await import("../ingest/feeds/probe-feed.js")).probeFeed(services.fetcher, url) }),
    topics: createTopicActions({ topics, audit, topicsOpen: services.config.topicsOpen }),
    posts: createPostActions({
      posts,
      articles,
      topics,
      audit,
      alerts,
      // Ingestion (feed parsing, extraction) loads when an editor first queues a link, not for every CLI command.
      fetchPage: async (url, context) => (await import("../ingest/ingest-feeds.js")).fetchArticlePage(services, url, context),
      publish,
      sendBreaking,
      channel: channel.messages,
      reviews,
      now,
      style: deps.postStyle,
      summaryMaxChars: services.config.summary.maxChars,
    }),
    removal: createRemovalActions({ articles, posts, alerts, audit, now }),
    corrections: createCorrectionActions({ corrections, posts, articles, audit, channel: channel.messages, now, style: deps.postStyle }),
    posting: createPostingActions({ settings, audit, admin, now }),
    reports: createNewsroomReports({ subscribers, posts, feeds, audit, now }),
    status: createNewsroomStatus({
      health: health.monitor,
      posts,
      articles,
      alerts: services.alerts,
      publish: health.rules.publish,
      thisBot: () => health.heartbeat?.current() ?? null,
    }),
  };
}
