/** Builds the newsroom's use cases from the services, each with only the dependencies it needs. */
import { createFeedActions } from "../newsroom/feed-actions.js";
import type { Newsroom } from "../newsroom/newsroom.js";
import { createPostActions, type ChannelMessages } from "../newsroom/post-actions.js";
import { createPostingActions } from "../newsroom/posting-actions.js";
import { createNewsroomStatus } from "../newsroom/newsroom-status.js";
import { createNewsroomReports } from "../newsroom/reports.js";
import { createTopicActions } from "../newsroom/topic-actions.js";
import type { AdminNotifier } from "../ops/admin-notifier.js";
import type { PublishOutcome } from "../publish/outbox.js";
import type { Health } from "./create-health.js";
import type { Services } from "./create-services.js";

/** How the newsroom reaches the channel; the CLI, which has no bot running, gets {@link NO_CHANNEL}. */
export interface ChannelAccess {
  /** Sends one post now through the outbox. */
  publish(postId: number): Promise<PublishOutcome>;
  messages: ChannelMessages;
}

/** For front ends that never post (the CLI): every attempt says so instead of posting. */
export const NO_CHANNEL: ChannelAccess = {
  publish: () => Promise.resolve({ kind: "idle", reason: "posting is done by the running bot, not by the CLI" }),
  messages: {
    edit: () => Promise.reject(new Error("the CLI does not edit channel posts")),
    remove: () => Promise.reject(new Error("the CLI does not delete channel posts")),
  },
};

export function createNewsroom(deps: { services: Services; admin: AdminNotifier; channel: ChannelAccess; health: Health }): Newsroom {
  const { services, admin, channel, health } = deps;
  const { feeds, topics, posts, articles, audit, settings, subscribers, now } = services;
  return {
    // The feed parser and the HTML reader load when a feed is first checked, not with the bot.
    feeds: createFeedActions({ feeds, topics, audit, probe: async (url) => (await import("../ingest/feeds/probe-feed.js")).probeFeed(services.fetcher, url) }),
    topics: createTopicActions({ topics, audit, topicsOpen: services.config.topicsOpen }),
    posts: createPostActions({
      posts,
      articles,
      topics,
      audit,
      // Ingestion (feed parsing, extraction) loads when an editor first queues a link, not for every CLI command.
      fetchPage: async (url, context) => (await import("../ingest/ingest-feeds.js")).fetchArticlePage(services, url, context),
      publish: (postId) => channel.publish(postId),
      channel: channel.messages,
      now,
      publicUrl: services.config.publicUrl,
      summaryMaxChars: services.config.summary.maxChars,
    }),
    posting: createPostingActions({ settings, audit, admin, now }),
    reports: createNewsroomReports({ subscribers, posts, feeds, audit, now }),
    status: createNewsroomStatus({
      health: health.monitor,
      posts,
      alerts: services.alerts,
      publish: health.rules.publish,
      thisBot: () => health.heartbeat?.current() ?? null,
    }),
  };
}
