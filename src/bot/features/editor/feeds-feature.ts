/** /feeds, /addfeed and /removefeed: the CLI's feed operations, from the admin chat. */
import { Composer } from "grammy";

import { feedLine } from "../../../cli/feed-status.js";
import { parseFeedUrl } from "../../../ingest/feeds/parse-feed-url.js";
import { DuplicateFeedError } from "../../../db/feeds.js";
import { splitFirstWord } from "../../../editorial/parse-post-id.js";
import { slugifyTopic } from "../../../ingest/topics/slugify-topic.js";
import { escapeHtml, fitLines } from "../../../publish/telegram-html.js";
import type { BotContext } from "../../context.js";
import { actorOf, argsOf, replyHtml, replyText, type EditorServices } from "./editor-context.js";

const ADDFEED_USAGE = "/addfeed <feed link> [topic], e.g. /addfeed https://example.com/rss.xml asia";
const REMOVEFEED_USAGE = "/removefeed <id>, e.g. /removefeed 3 (ids are in /feeds)";

/** /feeds, /addfeed <link> [topic], /removefeed <id>, reusing the CLI's checks and feed lines. */
export function createFeedsFeature(deps: EditorServices): Composer<BotContext> {
  const { services } = deps;
  const feature = new Composer<BotContext>();

  feature.command("feeds", async (ctx) => {
    const feeds = await services.feeds.list();
    if (feeds.length === 0) return replyText(ctx, `No feeds yet: add one with ${ADDFEED_USAGE}`);
    await replyHtml(ctx, fitLines(["<b>Feeds</b>", ...feeds.map((feed) => escapeHtml(feedLine(feed)))]));
  });

  feature.command("addfeed", async (ctx) => {
    const [link, topicText] = splitFirstWord(argsOf(ctx));
    if (!link) return replyText(ctx, `Which feed? Use ${ADDFEED_USAGE}`);
    let url: string;
    try {
      url = parseFeedUrl(link);
    } catch (error) {
      return replyText(ctx, `${(error as Error).message}. Nothing was added.`);
    }
    let topic: string | null = null;
    if (topicText) {
      topic = slugifyTopic(topicText);
      if (!topic) return replyText(ctx, `“${topicText}” is not a usable topic name: use letters or digits, e.g. asia or north-korea. Nothing was added.`);
    }
    try {
      const feed = await services.feeds.add({ url, defaultTopic: topic });
      const actor = actorOf(ctx);
      await services.audit.record({ actorId: actor.id, actorName: actor.name, action: "feed.add", subject: `feed #${feed.id}`, after: { url, defaultTopic: topic } });
      await replyText(ctx, `Added feed #${feed.id} ${feed.url}${topic ? ` [${topic}]` : ""}. It is fetched at the next ingest.`);
    } catch (error) {
      if (error instanceof DuplicateFeedError) return replyText(ctx, `This feed is already there as #${error.existing.id}.`);
      throw error;
    }
  });

  feature.command("removefeed", async (ctx) => {
    const idText = argsOf(ctx);
    if (!/^#?\d{1,9}$/.test(idText)) return replyText(ctx, idText ? `“${idText}” is not a feed id. Use ${REMOVEFEED_USAGE}` : `Which feed? Use ${REMOVEFEED_USAGE}`);
    const removed = await services.feeds.remove(Number(idText.replace("#", "")));
    if (!removed) return replyText(ctx, `There is no feed #${idText.replace("#", "")}.`);
    const actor = actorOf(ctx);
    await services.audit.record({
      actorId: actor.id,
      actorName: actor.name,
      action: "feed.remove",
      subject: `feed #${removed.id}`,
      before: { url: removed.url, defaultTopic: removed.defaultTopic },
    });
    await replyText(ctx, `Removed feed #${removed.id} ${removed.url}. Its stored stories stay.`);
  });

  return feature;
}
