/** /feeds, /addfeed, /removefeed, /resumefeed and the Resume button: the newsroom's feed actions, from the admin chat. */
import { Composer } from "grammy";

import { feedLine } from "../../../editorial/feed-status.js";
import { parseFeedId, splitFirstWord } from "../../../editorial/parse-post-id.js";
import { resumedFeedNotice } from "../../../ingest/feed-notices.js";
import type { AddFeedOutcome } from "../../../newsroom/feed-actions.js";
import { escapeHtml, fitLines } from "../../../publish/telegram-html.js";
import type { BotContext } from "../../context.js";
import { RESUME_FEED_CALLBACK } from "../../keyboards/feed-keyboard.js";
import { actorOf, argsOf, replyHtml, replyText, type EditorDeps } from "./editor-context.js";

const ADDFEED_USAGE = "/addfeed <feed link> [topic] [priority 1-5] [review] [force], e.g. /addfeed https://example.com/rss.xml asia priority 4 review";
const REMOVEFEED_USAGE = "/removefeed <id>, e.g. /removefeed 3 (ids are in /feeds)";
const RESUMEFEED_USAGE = "/resumefeed <id>, e.g. /resumefeed 3 (ids are in /feeds)";

/**
 * "<link> [topic] [priority N] [review] [force]": the last words "review" and "force" (also typed
 * as --force, or —force when a phone turned the dashes into one), in either order. "force" adds
 * the feed even when the check fails; "review" makes its new stories wait for an editor's decision;
 * "priority 4" (or priority=4, --priority 4) anywhere after the link sets the feed's priority.
 */
function parseAddFeed(args: string): { link: string; topic: string; priority: string | null; force: boolean; review: boolean } {
  const [link, rest] = splitFirstWord(args);
  const words = rest.split(/\s+/).filter(Boolean);
  let force = false;
  let review = false;
  for (;;) {
    const last = words.at(-1) ?? "";
    if (!force && /^(?:--|—|–)?force$/i.test(last)) force = true;
    else if (!review && /^(?:--|—|–)?review$/i.test(last)) review = true;
    else break;
    words.pop();
  }
  let priority: string | null = null;
  const at = words.findIndex((word) => /^(?:--|—|–)?priority(?:[=:].*)?$/i.test(word));
  if (at >= 0) {
    const inline = /[=:](.*)$/.exec(words[at] ?? "");
    priority = inline ? (inline[1] ?? "") : (words[at + 1] ?? "");
    words.splice(at, inline ? 1 : 2);
  }
  return { link, topic: words.join(" "), priority, force, review };
}

/** "“Test News”, 25 items". */
function foundText(found: { title: string | null; items: number }): string {
  return `${found.title ? `“${found.title}”` : "no title"}, ${found.items} item${found.items === 1 ? "" : "s"}`;
}

/** /addfeed's reply, in plain text. */
function addFeedText(outcome: AddFeedOutcome): string {
  switch (outcome.kind) {
    case "invalid-url":
      return `${outcome.reason}. Nothing was added.`;
    case "invalid-topic":
      return `“${outcome.input}” is not a usable topic name: use letters or digits, e.g. asia or north-korea. Nothing was added.`;
    case "invalid-priority":
      return `${outcome.error} Nothing was added. For example: /addfeed https://example.com/rss.xml priority 4`;
    case "duplicate": {
      const page = outcome.discovery ? `${outcome.discovery.page} is a web page; the feed it declares, ${outcome.existing.url}, ` : "This feed ";
      return `${page}is already there as #${outcome.existing.id}.`;
    }
    case "refused": {
      const page = outcome.discovery ? `${outcome.discovery.page} is a web page that declares the feed ${outcome.url}. ` : "";
      return `${page}Cannot add ${outcome.url}: ${outcome.reason}. Nothing was added. Check the link, or add it anyway with /addfeed <link> [topic] force.`;
    }
    case "added": {
      const { feed, check } = outcome;
      const lines: string[] = [];
      if (check.discovery) lines.push(`${check.discovery.page} is a web page: I added the feed it declares instead.`);
      const topic = `${feed.defaultTopic ? ` [${feed.defaultTopic}]` : ""}${feed.priority !== 3 ? ` (priority ${feed.priority})` : ""}`;
      lines.push(
        check.found
          ? `Added feed #${feed.id} ${feed.url}${topic}: ${foundText(check.found)}. It is fetched at the next ingest.`
          : `Added feed #${feed.id} ${feed.url}${topic} anyway, as asked: ${check.forcedPast ?? ""}. /feeds shows how its fetches go.`,
      );
      if (feed.review) lines.push("Its new stories wait for review: each comes here as a card to post, schedule or skip.");
      const others = check.discovery?.others ?? [];
      if (others.length > 0) {
        lines.push(`The page declares ${others.length === 1 ? "another feed" : `${others.length} other feeds`}, not added (add one with /addfeed <link>):`);
        for (const other of others) lines.push(`• ${other.url}${other.title ? ` (${other.title})` : ""}`);
      }
      return lines.join("\n");
    }
  }
}

/** /feeds, /addfeed <link> [topic] [force], /removefeed <id>, /resumefeed <id>, and Resume under a paused feed's notice. */
export function createFeedsFeature(deps: EditorDeps): Composer<BotContext> {
  const { feeds } = deps.newsroom;
  const feature = new Composer<BotContext>();

  feature.command("feeds", async (ctx) => {
    const list = await feeds.list();
    if (list.length === 0) return replyText(ctx, `No feeds yet: add one with ${ADDFEED_USAGE}`);
    await replyHtml(ctx, fitLines(["<b>Feeds</b>", ...list.map((feed) => escapeHtml(feedLine(feed, deps.timezone, deps.now())))]));
  });

  feature.command("addfeed", async (ctx) => {
    const { link, topic, priority, force, review } = parseAddFeed(argsOf(ctx));
    if (!link) return replyText(ctx, `Which feed? Use ${ADDFEED_USAGE}`);
    await replyText(ctx, addFeedText(await feeds.add({ url: link, topic: topic || null, priority, force, review, actor: actorOf(ctx) })));
  });

  /** The feed id after the command, or null once the editor was told how to write it. */
  const feedIdOf = async (ctx: BotContext, usage: string): Promise<number | null> => {
    const idText = argsOf(ctx);
    const id = parseFeedId(idText);
    if (id === null) await replyText(ctx, idText ? `“${idText}” is not a feed id. Use ${usage}` : `Which feed? Use ${usage}`);
    return id;
  };

  feature.command("removefeed", async (ctx) => {
    const id = await feedIdOf(ctx, REMOVEFEED_USAGE);
    if (id === null) return;
    const outcome = await feeds.remove({ id, actor: actorOf(ctx) });
    if (outcome.kind === "not-found") return replyText(ctx, `There is no feed #${id}.`);
    await replyText(ctx, `Removed feed #${outcome.feed.id} ${outcome.feed.url}. Its stored stories stay.`);
  });

  feature.command("resumefeed", async (ctx) => {
    const id = await feedIdOf(ctx, RESUMEFEED_USAGE);
    if (id === null) return;
    const outcome = await feeds.resume({ id, actor: actorOf(ctx) });
    if (outcome.kind === "not-found") return replyText(ctx, `There is no feed #${id}.`);
    const { feed } = outcome;
    await replyText(
      ctx,
      outcome.wasPaused
        ? `Resumed feed #${feed.id} ${feed.url}: it is fetched at the next ingest.`
        : `Feed #${feed.id} ${feed.url} was not paused; its failure count is reset and it is fetched at the next ingest.`,
    );
  });

  feature.callbackQuery(RESUME_FEED_CALLBACK, async (ctx) => {
    const id = Number(RESUME_FEED_CALLBACK.exec(ctx.callbackQuery.data)?.[1]);
    const actor = actorOf(ctx);
    const outcome = await feeds.resume({ id, actor });
    if (outcome.kind === "not-found") {
      await ctx.answerCallbackQuery({ text: `Feed #${id} no longer exists.`, show_alert: true });
      return ctx.editMessageReplyMarkup();
    }
    await ctx.answerCallbackQuery({ text: outcome.wasPaused ? `Feed #${id} resumed.` : `Feed #${id} was resumed already.` });
    const who = outcome.wasPaused ? (actor.name ?? "an editor") : null;
    await ctx.editMessageText(resumedFeedNotice(outcome.feed, outcome.pausedReason, who), {
      parse_mode: "HTML",
      link_preview_options: { is_disabled: true },
    });
  });

  return feature;
}
