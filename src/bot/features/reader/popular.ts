/** /popular [today|week]: the most-read stories, ranked by engagement with time decay. */
import { Composer } from "grammy";

import { fitLines } from "../../../publish/telegram-html.js";
import { popularLine, storyLine } from "../../../readers/format-reader-lists.js";
import { rankByPopularity } from "../../../readers/popularity-score.js";
import { parsePopularPeriod, periodWords, popularWindowStart } from "../../../readers/popular-window.js";
import type { BotContext } from "../../context.js";
import { LATEST_COUNT } from "../latest.js";
import type { ReaderDeps } from "./reader-deps.js";

export const POPULAR_COUNT = 5;

export function createPopularFeature(deps: Pick<ReaderDeps, "engagement" | "articles" | "timezone" | "now">): Composer<BotContext> {
  const feature = new Composer<BotContext>();
  feature.chatType("private").command("popular", async (ctx) => {
    const period = parsePopularPeriod(ctx.match);
    if (!period) {
      await ctx.reply("Send /popular for today's most-read stories, or /popular week for this week's.");
      return;
    }
    const now = deps.now();
    const candidates = await deps.engagement.engagedSince(popularWindowStart(period, now, deps.timezone));
    const ranked = rankByPopularity(candidates, now, POPULAR_COUNT);
    const options = { parse_mode: "HTML" as const, link_preview_options: { is_disabled: true } };
    if (ranked.length > 0) {
      await ctx.reply(fitLines([`<b>Most read ${periodWords(period)}</b>`, ...ranked.map(popularLine)]), options);
      return;
    }
    const latest = await deps.articles.latest({ limit: LATEST_COUNT });
    if (latest.length === 0) {
      await ctx.reply("No stories yet. Check back soon.");
      return;
    }
    const intro = `No reactions or clicks yet ${periodWords(period)} — here are the latest stories instead:`;
    await ctx.reply(fitLines([intro, ...latest.map(storyLine)]), options);
  });
  return feature;
}
