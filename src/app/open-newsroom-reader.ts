/**
 * The newsroom for commands that only read (`feeds list`, `topics list`, `posts list`,
 * `posts show`): the database and the few repositories they read, with the same use cases
 * the full newsroom answers them with. No services, health checks, fetcher or extraction
 * pool: a command that changes nothing should not pay for building what changes things.
 */
import type { Config } from "../config.js";
import { createAuditLogRepository } from "../db/audit-log.js";
import { createChannelPostsRepository } from "../db/channel-posts.js";
import { openDatabase } from "../db/client.js";
import { createFeedsRepository } from "../db/feeds.js";
import { createSubscribersRepository } from "../db/subscribers.js";
import { createTopicsRepository } from "../db/topics.js";
import type { Logger } from "../logger.js";
import type { FeedActions } from "../newsroom/feed-actions.js";
import { createNewsroomReports, type NewsroomReports } from "../newsroom/reports.js";
import { createTopicActions, type TopicActions } from "../newsroom/topic-actions.js";

export interface NewsroomReader {
  feeds: Pick<FeedActions, "list">;
  topics: Pick<TopicActions, "list">;
  reports: Pick<NewsroomReports, "posts" | "post">;
  close(): Promise<void>;
}

/** Opens the database as every command does (pending migrations first) and reads through it. */
export async function openNewsroomReader(deps: { config: Config; logger: Logger; now?: () => Date }): Promise<NewsroomReader> {
  const { config, logger } = deps;
  const db = await openDatabase(config.database, { backupDir: config.backup.dir, logger });
  const { prisma, readCache } = db;
  const feeds = createFeedsRepository(prisma);
  const posts = createChannelPostsRepository(prisma);
  const audit = createAuditLogRepository(prisma);
  const topics = createTopicsRepository(prisma, readCache);
  const reports = createNewsroomReports({ subscribers: createSubscribersRepository(prisma), posts, feeds, audit, now: deps.now ?? (() => new Date()) });
  return {
    feeds: { list: () => feeds.list() },
    topics: createTopicActions({ topics, audit, topicsOpen: config.topicsOpen }),
    reports,
    close: () => db.close(),
  };
}
