/** /search <words>: matching headlines and summaries, newest first, as links. */
import { Composer } from "grammy";

import { escapeHtml, fitLines } from "../../../publish/telegram-html.js";
import { storyLine } from "../../../readers/format-reader-lists.js";
import { searchWords } from "../../../readers/search-terms.js";
import type { BotContext } from "../../context.js";
import type { ReaderDeps } from "./reader-deps.js";

export const SEARCH_RESULTS = 10;
const SEARCH_THROTTLED_TEXT = "You are searching a little fast. Please wait a few seconds and try again.";

export function createSearchFeature(deps: Pick<ReaderDeps, "search" | "searchThrottle">): Composer<BotContext> {
  const feature = new Composer<BotContext>();
  feature.chatType("private").command("search", async (ctx) => {
    const words = searchWords(ctx.match);
    if (words.length === 0) {
      await ctx.reply("Send /search followed by some words, for example: /search election");
      return;
    }
    if (!deps.searchThrottle.take(String(ctx.from.id))) {
      await ctx.reply(SEARCH_THROTTLED_TEXT);
      return;
    }
    const query = words.join(" ");
    const hits = await deps.search.search(words, SEARCH_RESULTS);
    if (hits.length === 0) {
      await ctx.reply(`Nothing found for “${query}”.`);
      return;
    }
    await ctx.reply(fitLines([`<b>Stories matching “${escapeHtml(query)}”</b>`, ...hits.map(storyLine)]), {
      parse_mode: "HTML",
      link_preview_options: { is_disabled: true },
    });
  });
  return feature;
}
