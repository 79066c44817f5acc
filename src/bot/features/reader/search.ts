/** /search <words> (and plain words in a private chat): matching headlines and summaries, newest first, one line per story. */
import { Composer } from "grammy";

import { escapeHtml, fitLines } from "../../../publish/telegram-html.js";
import { storyLine } from "../../../readers/format-reader-lists.js";
import { rememberingOnePerStory } from "../../../readers/one-per-story.js";
import { parseSearchQuery } from "../../../readers/search-terms.js";
import type { SearchHit } from "../../../db/search.js";
import type { BotContext } from "../../context.js";
import type { ReaderDeps } from "./reader-deps.js";

export const SEARCH_RESULTS = 10;
/** Hits read per search: copies of one story are dropped after reading, and the list should still be full. */
const SEARCH_CANDIDATES = SEARCH_RESULTS * 3;

export type SearchDeps = Pick<ReaderDeps, "search" | "searchThrottle">;

const searchResults = rememberingOnePerStory<SearchHit>(SEARCH_RESULTS);

/** Answers a search for `query` typed by the reader behind `ctx` (the /search command or a plain message). */
export async function answerSearch(ctx: BotContext & { from: { id: number } }, deps: SearchDeps, query: string): Promise<void> {
  const parsed = parseSearchQuery(query);
  if (parsed.kind === "empty") {
    await ctx.reply(ctx.t("search-usage"));
    return;
  }
  if (parsed.kind === "too-common") {
    await ctx.reply(ctx.t("search-too-common", { query: parsed.asTyped }));
    return;
  }
  if (!deps.searchThrottle.take(String(ctx.from.id))) {
    await ctx.reply(ctx.t("search-throttled"));
    return;
  }
  const hits = searchResults(await deps.search.search(parsed.terms, SEARCH_CANDIDATES));
  if (hits.length === 0) {
    await ctx.reply(ctx.t("search-nothing", { query: parsed.asShown }));
    return;
  }
  await ctx.reply(fitLines([ctx.t("search-title-html", { query: escapeHtml(parsed.asShown) }), ...hits.map(storyLine)]), {
    parse_mode: "HTML",
    link_preview_options: { is_disabled: true },
  });
}

export function createSearchFeature(deps: SearchDeps): Composer<BotContext> {
  const feature = new Composer<BotContext>();
  feature.chatType("private").command("search", (ctx) => answerSearch(ctx, deps, ctx.match));
  return feature;
}
