/** /feeds, /addfeed, /removefeed, /resumefeed and the Resume button: the newsroom's feed actions, from the admin chat. */
import { Composer } from "grammy";

import { feedRefusalText, feedUrlProblemText } from "../../../editorial/fetch-failure-text.js";
import { MAX_FEED_PRIORITY, MIN_FEED_PRIORITY } from "../../../editorial/feed-priority.js";
import { feedLine } from "../../../editorial/feed-status.js";
import { parseFeedId, splitFirstWord } from "../../../editorial/parse-post-id.js";
import { resumedFeedNotice } from "../../../ingest/feed-notices.js";
import type { Translate } from "../../../i18n/translate.js";
import type { AddFeedOutcome } from "../../../newsroom/feed-actions.js";
import { escapeHtml, fitLines } from "../../../publish/telegram-html.js";
import type { BotContext } from "../../context.js";
import { RESUME_FEED_CALLBACK } from "../../keyboards/feed-keyboard.js";
import { actorOf, argsOf, replyHtml, replyText, type EditorDeps } from "./editor-context.js";

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

/** What a priority must be, and what was wrong with the one typed. */
function priorityRule(t: Translate, input: string): string {
  const range = { min: MIN_FEED_PRIORITY, max: MAX_FEED_PRIORITY };
  return input === "" ? t("feed-priority-missing", range) : t("feed-priority-invalid", { ...range, input });
}

/** "“Test News”, 25 items". */
function foundText(t: Translate, found: { title: string | null; items: number }): string {
  return found.title ? t("addfeed-found", { title: found.title, count: found.items }) : t("addfeed-found-no-title", { count: found.items });
}

/** /addfeed's reply, in plain text. */
function addFeedText(t: Translate, outcome: AddFeedOutcome): string {
  switch (outcome.kind) {
    case "invalid-url":
      return t("addfeed-invalid-url", { reason: feedUrlProblemText(t, outcome.input, outcome.problem) });
    case "invalid-topic":
      return t("addfeed-invalid-topic", { input: outcome.input });
    case "invalid-priority":
      return t("addfeed-invalid-priority", { error: priorityRule(t, outcome.input) });
    case "duplicate": {
      const { existing, discovery } = outcome;
      return discovery ? t("addfeed-duplicate-page", { page: discovery.page, url: existing.url, id: existing.id }) : t("addfeed-duplicate", { id: existing.id });
    }
    case "refused": {
      const { url, discovery } = outcome;
      const reason = feedRefusalText(t, outcome.reason);
      return discovery ? t("addfeed-refused-page", { page: discovery.page, url, reason }) : t("addfeed-refused", { url, reason });
    }
    case "added": {
      const { feed, check } = outcome;
      const lines: string[] = [];
      if (check.discovery) lines.push(t("addfeed-discovered", { page: check.discovery.page }));
      const label = [feed.url, feed.defaultTopic ? `[${feed.defaultTopic}]` : "", feed.priority !== 3 ? t("addfeed-priority", { priority: feed.priority }) : ""]
        .filter(Boolean)
        .join(" ");
      lines.push(
        check.found
          ? t("addfeed-added", { id: feed.id, feed: label, found: foundText(t, check.found) })
          : t("addfeed-added-forced", { id: feed.id, feed: label, reason: check.forcedPast ? feedRefusalText(t, check.forcedPast) : "" }),
      );
      if (feed.review) lines.push(t("addfeed-review"));
      const others = check.discovery?.others ?? [];
      if (others.length > 0) {
        lines.push(t("addfeed-others", { count: others.length }));
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
    if (list.length === 0) return replyText(ctx, ctx.t("feeds-none", { usage: ctx.t("feeds-usage-addfeed") }));
    await replyHtml(ctx, fitLines([ctx.t("feeds-title-html"), ...list.map((feed) => escapeHtml(feedLine(ctx.t, feed, deps.timezone, deps.now())))]));
  });

  feature.command("addfeed", async (ctx) => {
    const { link, topic, priority, force, review } = parseAddFeed(argsOf(ctx));
    if (!link) return replyText(ctx, ctx.t("feeds-which", { usage: ctx.t("feeds-usage-addfeed") }));
    await replyText(ctx, addFeedText(ctx.t, await feeds.add({ url: link, topic: topic || null, priority, force, review, actor: actorOf(ctx) })));
  });

  /** The feed id after the command, or null once the editor was told how to write it. */
  const feedIdOf = async (ctx: BotContext, usage: "feeds-usage-removefeed" | "feeds-usage-resumefeed"): Promise<number | null> => {
    const idText = argsOf(ctx);
    const id = parseFeedId(idText);
    if (id === null) await replyText(ctx, idText ? ctx.t("feeds-not-an-id", { input: idText, usage: ctx.t(usage) }) : ctx.t("feeds-which", { usage: ctx.t(usage) }));
    return id;
  };

  feature.command("removefeed", async (ctx) => {
    const id = await feedIdOf(ctx, "feeds-usage-removefeed");
    if (id === null) return;
    const outcome = await feeds.remove({ id, actor: actorOf(ctx) });
    if (outcome.kind === "not-found") return replyText(ctx, ctx.t("feeds-not-found", { id }));
    await replyText(ctx, ctx.t("feeds-removed", { id: outcome.feed.id, url: outcome.feed.url }));
  });

  feature.command("resumefeed", async (ctx) => {
    const id = await feedIdOf(ctx, "feeds-usage-resumefeed");
    if (id === null) return;
    const outcome = await feeds.resume({ id, actor: actorOf(ctx) });
    if (outcome.kind === "not-found") return replyText(ctx, ctx.t("feeds-not-found", { id }));
    const { feed } = outcome;
    await replyText(ctx, ctx.t(outcome.wasPaused ? "feeds-resumed" : "feeds-not-paused", { id: feed.id, url: feed.url }));
  });

  feature.callbackQuery(RESUME_FEED_CALLBACK, async (ctx) => {
    const id = Number(RESUME_FEED_CALLBACK.exec(ctx.callbackQuery.data)?.[1]);
    const actor = actorOf(ctx);
    const outcome = await feeds.resume({ id, actor });
    if (outcome.kind === "not-found") {
      await ctx.answerCallbackQuery({ text: ctx.t("feeds-button-gone", { id }), show_alert: true });
      return ctx.editMessageReplyMarkup();
    }
    await ctx.answerCallbackQuery({ text: ctx.t(outcome.wasPaused ? "feeds-button-resumed" : "feeds-button-resumed-already", { id }) });
    // The notice belongs to the whole chat: it stays in ADMIN_LANGUAGE, whoever pressed Resume.
    const t = deps.translator(deps.adminLanguage);
    const who = outcome.wasPaused ? (actor.name ?? t("feeds-an-editor")) : null;
    await ctx.editMessageText(resumedFeedNotice(t, outcome.feed, outcome.pausedReason, who), {
      parse_mode: "HTML",
      link_preview_options: { is_disabled: true },
    });
  });

  return feature;
}
