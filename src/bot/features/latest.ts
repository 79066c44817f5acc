import { Composer } from "grammy";

import type { ArticlesRepository } from "../../db/articles.js";
import type { ReaderTopics } from "../../db/topics.js";
import { slugifyTopic } from "../../ingest/topics/slugify-topic.js";
import { escapeHtml, fitLines } from "../../publish/telegram-html.js";
import { storyLine } from "../../readers/format-reader-lists.js";
import type { BotContext } from "../context.js";
import { unknownTopicText } from "./reader/reader-deps.js";

export const LATEST_COUNT = 5;

/** /latest [topic]: the five latest headlines as links. */
export function createLatestFeature(deps: { articles: ArticlesRepository; topics: ReaderTopics }): Composer<BotContext> {
  const feature = new Composer<BotContext>();
  feature.chatType("private").command("latest", async (ctx) => {
    const wanted = ctx.match.trim();
    let topicSlug: string | null = null;
    if (wanted) {
      const slug = slugifyTopic(wanted);
      const topic = slug ? await deps.topics.findBySlug(slug) : null;
      if (!topic) {
        await ctx.reply(unknownTopicText(ctx.t, wanted, await deps.topics.list()));
        return;
      }
      topicSlug = topic.slug;
    }
    const articles = await deps.articles.latest({ limit: LATEST_COUNT, topicSlug });
    if (articles.length === 0) {
      await ctx.reply(topicSlug ? ctx.t("latest-topic-none", { topic: topicSlug }) : ctx.t("latest-none"));
      return;
    }
    const title = topicSlug ? ctx.t("latest-topic-title-html", { topic: escapeHtml(topicSlug) }) : ctx.t("latest-title-html");
    await ctx.reply(fitLines([title, ...articles.map(storyLine)]), {
      parse_mode: "HTML",
      link_preview_options: { is_disabled: true },
    });
  });
  return feature;
}
