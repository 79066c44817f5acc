/** /stats and /log: what the newsroom and its editors have been doing. */
import { Composer } from "grammy";

import { auditLine } from "../../../editorial/audit-line.js";
import { feedLine } from "../../../editorial/feed-status.js";
import { formatStats } from "../../../editorial/format-stats.js";
import { fitLines } from "../../../publish/telegram-html.js";
import type { BotContext } from "../../context.js";
import { replyHtml, replyText, type EditorDeps } from "./editor-context.js";

/** /log shows this many entries. */
export const LOG_ENTRIES = 20;

/** /stats and /log (the last 20 audit entries). */
export function createReportFeature(deps: EditorDeps): Composer<BotContext> {
  const { reports } = deps.newsroom;
  const feature = new Composer<BotContext>();

  feature.command("stats", async (ctx) => {
    const { troubledFeeds, ...stats } = await reports.stats();
    await replyHtml(ctx, formatStats(ctx.t, { ...stats, feedsWithErrors: troubledFeeds.map((feed) => feedLine(ctx.t, feed, deps.timezone, deps.now())) }));
  });

  feature.command("log", async (ctx) => {
    const entries = await reports.log(LOG_ENTRIES);
    const now = deps.now();
    if (entries.length === 0) return replyText(ctx, ctx.t("log-empty"));
    await replyHtml(ctx, fitLines([ctx.t("log-title-html", { count: entries.length }), ...entries.map((e) => auditLine(ctx.t, e, deps.timezone, now))]));
  });

  return feature;
}
