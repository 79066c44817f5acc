/** Inline mode: "@bot <words>" offers matching articles to share; an empty query offers the latest. */
import { Composer } from "grammy";

import { inlineArticle } from "../../../readers/format-reader-lists.js";
import { rememberingOnePerStory } from "../../../readers/one-per-story.js";
import { searchWords } from "../../../readers/search-terms.js";
import type { SearchHit } from "../../../db/search.js";
import type { BotContext } from "../../context.js";
import type { ReaderDeps } from "./reader-deps.js";

export const INLINE_RESULTS = 10;
/** Seconds Telegram may reuse an answer; short, since new stories arrive all day. */
export const INLINE_CACHE_SECONDS = 10;

export function createInlineFeature(deps: Pick<ReaderDeps, "search" | "searchThrottle">): Composer<BotContext> {
  const feature = new Composer<BotContext>();
  const results = rememberingOnePerStory<SearchHit>(INLINE_RESULTS);
  feature.on("inline_query", async (ctx) => {
    if (!deps.searchThrottle.take(String(ctx.inlineQuery.from.id))) {
      // Not cached: the empty answer is about this reader's pace, not about the query.
      await ctx.answerInlineQuery([], { cache_time: 0, is_personal: false });
      return;
    }
    const words = searchWords(ctx.inlineQuery.query);
    // Copies of one story are read and dropped, so the list stays full.
    const hits = words.length > 0 ? results(await deps.search.search(words, INLINE_RESULTS * 3)) : await deps.search.latest(INLINE_RESULTS);
    await ctx.answerInlineQuery(hits.map(inlineArticle), { cache_time: INLINE_CACHE_SECONDS, is_personal: false });
  });
  return feature;
}
