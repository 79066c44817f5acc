/**
 * The newsroom for commands that only read (`feeds list`, `topics list`, `posts list`,
 * `posts show`, `status`): the database and the few repositories they read, with the same use
 * cases the full newsroom answers them with. No services, fetcher, extraction pool or use cases
 * that change things: a command that changes nothing should not pay for building them.
 */
import type { Config } from "../config.js";
import { createAuditLogRepository } from "../db/audit-log.js";
import { createChannelPostsRepository, type ChannelPostsRepository } from "../db/channel-posts.js";
import { openDatabase, type Database } from "../db/client.js";
import { createFeedsRepository, type FeedsRepository } from "../db/feeds.js";
import { createSubscribersRepository } from "../db/subscribers.js";
import { createTopicsRepository } from "../db/topics.js";
import type { Logger } from "../logger.js";
import type { FeedActions } from "../newsroom/feed-actions.js";
import type { NewsroomStatusActions } from "../newsroom/newsroom-status.js";
import { createNewsroomReports, type NewsroomReports } from "../newsroom/reports.js";
import { createTopicActions, type TopicActions } from "../newsroom/topic-actions.js";
import type { AdminNotifier } from "../ops/admin-notifier.js";

export interface NewsroomReader {
  feeds: Pick<FeedActions, "list">;
  topics: Pick<TopicActions, "list">;
  reports: Pick<NewsroomReports, "posts" | "post">;
  status: Pick<NewsroomStatusActions, "current">;
  close(): Promise<void>;
}

/** `status` judges the health checks but never announces them: that is the running bot's job. */
const NO_NOTICES: AdminNotifier = { notify: () => Promise.resolve(false) };

/** Opens the database as every command does (pending migrations first) and reads through it. */
export async function openNewsroomReader(deps: { config: Config; logger: Logger; now?: () => Date }): Promise<NewsroomReader> {
  const { config, logger } = deps;
  const now = deps.now ?? (() => new Date());
  const db = await openDatabase(config.database, { backupDir: config.backup.dir, logger });
  const { prisma, readCache } = db;
  const feeds = createFeedsRepository(prisma);
  const posts = createChannelPostsRepository(prisma);
  const audit = createAuditLogRepository(prisma);
  const topics = createTopicsRepository(prisma, readCache);
  const reports = createNewsroomReports({ subscribers: createSubscribersRepository(prisma), posts, feeds, audit, now });
  // The health checks, the cron schedules and the other tables `status` reads load only for it.
  let status: Promise<Pick<NewsroomStatusActions, "current">> | null = null;
  const loadStatus = () => (status ??= createStatus({ config, logger, db, now, posts, feeds }));
  return {
    feeds: { list: () => feeds.list() },
    topics: createTopicActions({ topics, audit, topicsOpen: config.topicsOpen }),
    reports,
    status: { current: async () => (await loadStatus()).current() },
    close: () => db.close(),
  };
}

async function createStatus(deps: {
  config: Config;
  logger: Logger;
  db: Database;
  now: () => Date;
  posts: ChannelPostsRepository;
  feeds: FeedsRepository;
}): Promise<Pick<NewsroomStatusActions, "current">> {
  const [{ createHealth }, { describeInstance }, { createNewsroomStatus }, { createSettingsRepository }, { createArticlesRepository }, { createAlertsRepository }] =
    await Promise.all([
      import("./create-health.js"),
      import("./describe-instance.js"),
      import("../newsroom/newsroom-status.js"),
      import("../db/settings.js"),
      import("../db/articles.js"),
      import("../db/alerts.js"),
    ]);
  const { db, posts } = deps;
  const services = { ...deps, instanceId: describeInstance("the CLI"), settings: createSettingsRepository(db.prisma) };
  // No Telegram watch here: the running bots' heartbeats say how Telegram and their jobs fare.
  const health = createHealth({ services, admin: NO_NOTICES, telegram: null });
  return createNewsroomStatus({
    health: health.monitor,
    posts,
    articles: createArticlesRepository(db.prisma, db.readCache),
    alerts: createAlertsRepository(db.prisma),
    publish: health.rules.publish,
    thisBot: () => null,
  });
}
