/** /popular [today|week]: the most-read stories, ranked by engagement with time decay, saying what the ranking counts. */
import { Composer } from "grammy";

import { escapeHtml, fitLines, TELEGRAM_TEXT_LIMIT } from "../../../publish/telegram-html.js";
import { popularLine, storyLine } from "../../../readers/format-reader-lists.js";
import { rankByPopularity } from "../../../readers/popularity-score.js";
import { createPopularWindows, parsePopularPeriod, POPULAR_WEEK_DAYS } from "../../../readers/popular-window.js";
import type { BotContext } from "../../context.js";
import { LATEST_COUNT } from "../latest.js";
import type { ReaderDeps } from "./reader-deps.js";

export const POPULAR_COUNT = 5;

export function createPopularFeature(deps: Pick<ReaderDeps, "engagement" | "articles" | "timezone" | "now">): Composer<BotContext> {
  const feature = new Composer<BotContext>();
  const windowStart = createPopularWindows(deps.timezone);
  feature.chatType("private").command("popular", async (ctx) => {
    const period = parsePopularPeriod(ctx.match);
    if (!period) {
      await ctx.reply(ctx.t("popular-usage"));
      return;
    }
    const now = deps.now();
    const candidates = await deps.engagement.engagedSince(windowStart(period, now));
    const ranked = rankByPopularity(candidates, now, POPULAR_COUNT);
    const options = { parse_mode: "HTML" as const, link_preview_options: { is_disabled: true } };
    if (ranked.length > 0) {
      const explained = `<i>${escapeHtml(ctx.t("popular-explained", { period, days: POPULAR_WEEK_DAYS, timezone: deps.timezone }))}</i>`;
      const list = fitLines([ctx.t("popular-title-html", { period }), ...ranked.map((item) => popularLine(ctx.t, item))], TELEGRAM_TEXT_LIMIT - explained.length - 2);
      await ctx.reply(`${list}\n\n${explained}`, options);
      return;
    }
    const latest = await deps.articles.latest({ limit: LATEST_COUNT });
    if (latest.length === 0) {
      await ctx.reply(ctx.t("latest-none"));
      return;
    }
    await ctx.reply(fitLines([ctx.t("popular-none-latest", { period }), ...latest.map(storyLine)]), options);
  });
  return feature;
}
