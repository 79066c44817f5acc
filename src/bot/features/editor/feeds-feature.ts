/** /feeds, /addfeed and /removefeed: the newsroom's feed actions, from the admin chat. */
import { Composer } from "grammy";

import { feedLine } from "../../../editorial/feed-status.js";
import { parseFeedId, splitFirstWord } from "../../../editorial/parse-post-id.js";
import { escapeHtml, fitLines } from "../../../publish/telegram-html.js";
import type { BotContext } from "../../context.js";
import { actorOf, argsOf, replyHtml, replyText, type EditorDeps } from "./editor-context.js";

const ADDFEED_USAGE = "/addfeed <feed link> [topic], e.g. /addfeed https://example.com/rss.xml asia";
const REMOVEFEED_USAGE = "/removefeed <id>, e.g. /removefeed 3 (ids are in /feeds)";

/** /feeds, /addfeed <link> [topic], /removefeed <id>. */
export function createFeedsFeature(deps: EditorDeps): Composer<BotContext> {
  const { feeds } = deps.newsroom;
  const feature = new Composer<BotContext>();

  feature.command("feeds", async (ctx) => {
    const list = await feeds.list();
    if (list.length === 0) return replyText(ctx, `No feeds yet: add one with ${ADDFEED_USAGE}`);
    await replyHtml(ctx, fitLines(["<b>Feeds</b>", ...list.map((feed) => escapeHtml(feedLine(feed)))]));
  });

  feature.command("addfeed", async (ctx) => {
    const [link, topic] = splitFirstWord(argsOf(ctx));
    if (!link) return replyText(ctx, `Which feed? Use ${ADDFEED_USAGE}`);
    const outcome = await feeds.add({ url: link, topic: topic || null, actor: actorOf(ctx) });
    switch (outcome.kind) {
      case "invalid-url":
        return replyText(ctx, `${outcome.reason}. Nothing was added.`);
      case "invalid-topic":
        return replyText(ctx, `“${outcome.input}” is not a usable topic name: use letters or digits, e.g. asia or north-korea. Nothing was added.`);
      case "duplicate":
        return replyText(ctx, `This feed is already there as #${outcome.existing.id}.`);
      case "added": {
        const { feed } = outcome;
        return replyText(ctx, `Added feed #${feed.id} ${feed.url}${feed.defaultTopic ? ` [${feed.defaultTopic}]` : ""}. It is fetched at the next ingest.`);
      }
    }
  });

  feature.command("removefeed", async (ctx) => {
    const idText = argsOf(ctx);
    const id = parseFeedId(idText);
    if (id === null) return replyText(ctx, idText ? `“${idText}” is not a feed id. Use ${REMOVEFEED_USAGE}` : `Which feed? Use ${REMOVEFEED_USAGE}`);
    const outcome = await feeds.remove({ id, actor: actorOf(ctx) });
    if (outcome.kind === "not-found") return replyText(ctx, `There is no feed #${id}.`);
    await replyText(ctx, `Removed feed #${outcome.feed.id} ${outcome.feed.url}. Its stored stories stay.`);
  });

  return feature;
}
