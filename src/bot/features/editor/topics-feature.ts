/**
 * /topics for editors, in the admin chat: the list, and add · rename · merge · remove ·
 * keyword. Readers have a /topics of their own in private chats, so this one answers only
 * in the admin chat and lets every other chat's /topics through to theirs.
 */
import { Composer } from "grammy";

import { chatSeenOf, isAdminChat } from "../../../editorial/editor-refusal.js";
import { splitFirstWord } from "../../../editorial/parse-post-id.js";
import { topicLine, topicOutcomeText } from "../../../editorial/topic-text.js";
import { escapeHtml, fitLines } from "../../../publish/telegram-html.js";
import type { BotContext } from "../../context.js";
import { actorOf, argsOf, replyHtml, replyText, type EditorDeps } from "./editor-context.js";

/** The editors' /topics and its subcommands. */
export function createEditorTopicsFeature(deps: EditorDeps): Composer<BotContext> {
  const { topics } = deps.newsroom;
  const feature = new Composer<BotContext>();
  const adminChat = feature.filter((ctx) => ctx.chat !== undefined && isAdminChat(chatSeenOf(ctx.chat), deps.adminChat.get()));

  adminChat.command("topics", async (ctx) => {
    const [sub, rest] = splitFirstWord(argsOf(ctx));
    const [first, second] = splitFirstWord(rest);
    const actor = actorOf(ctx);
    const reply = (outcome: Parameters<typeof topicOutcomeText>[1]) => replyText(ctx, topicOutcomeText(ctx.t, outcome).text);
    const needs = (what: string) => replyText(ctx, ctx.t("topics-needs", { what, usage: ctx.t("topics-usage") }));
    switch (sub.toLowerCase()) {
      case "": {
        const list = await topics.list();
        if (list.length === 0) return replyText(ctx, ctx.t("topics-empty"));
        return replyHtml(ctx, fitLines([ctx.t("topics-title-html"), ...list.map((topic) => escapeHtml(topicLine(ctx.t, topic)))]));
      }
      case "add":
        return rest ? reply(await topics.create({ name: rest, actor })) : needs(ctx.t("topics-which"));
      case "rename":
        return second ? reply(await topics.rename({ topic: first, to: second, actor })) : needs(ctx.t("topics-rename-which"));
      case "merge":
        return second ? reply(await topics.merge({ from: first, into: second, actor })) : needs(ctx.t("topics-merge-which"));
      case "remove":
        return rest ? reply(await topics.remove({ topic: rest, actor })) : needs(ctx.t("topics-which"));
      case "keyword":
        return second ? reply(await topics.addKeyword({ topic: first, phrase: second, actor })) : needs(ctx.t("topics-keyword-which"));
      default:
        return needs(ctx.t("topics-unknown-sub", { sub }));
    }
  });

  return feature;
}
