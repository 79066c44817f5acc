/** /stats and /log: what the newsroom and its editors have been doing. */
import { Composer } from "grammy";

import { feedLine } from "../../../cli/feed-status.js";
import { auditLine } from "../../../editorial/audit-line.js";
import { formatStats } from "../../../editorial/format-stats.js";
import { fitLines } from "../../../publish/telegram-html.js";
import type { BotContext } from "../../context.js";
import { replyHtml, replyText, type EditorServices } from "./editor-context.js";

/** /log shows this many entries. */
export const LOG_ENTRIES = 20;
const DAY_MS = 86_400_000;

/** /stats and /log (the last 20 audit entries). */
export function createReportFeature(deps: EditorServices): Composer<BotContext> {
  const { services } = deps;
  const readers = services.subscribers;
  const feature = new Composer<BotContext>();

  feature.command("stats", async (ctx) => {
    const now = services.now().getTime();
    const [counts, perTopic, last24h, last7d, feeds] = await Promise.all([
      readers.countByStatus(),
      readers.countPerTopic(),
      services.posts.countSentSince(new Date(now - DAY_MS)),
      services.posts.listSentSince(new Date(now - 7 * DAY_MS)),
      services.feeds.list(),
    ]);
    await replyHtml(
      ctx,
      formatStats({
        readers: counts,
        subscribersPerTopic: perTopic,
        postsLast24h: last24h,
        postsLast7d: last7d.length,
        recentPosts: last7d.map((p) => ({ id: p.id, headline: p.article.headline, reactionCount: p.reactionCount, clickCount: p.clickCount })),
        feedsWithErrors: feeds.filter((f) => f.lastError !== null || f.pausedAt !== null).map(feedLine),
      }),
    );
  });

  feature.command("log", async (ctx) => {
    const entries = await services.audit.latest(LOG_ENTRIES);
    if (entries.length === 0) return replyText(ctx, "The audit log is empty: no editor has done anything yet.");
    await replyHtml(ctx, fitLines([`<b>Last ${entries.length} editor actions</b>`, ...entries.map((e) => auditLine(e, services.config.timezone))]));
  });

  return feature;
}
