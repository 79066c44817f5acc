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

const TOPICS_USAGE =
  "/topics lists the topics. To change them: /topics add <name> · /topics rename <topic> <new name> · " +
  "/topics merge <topic> <into topic> · /topics remove <topic> · /topics keyword <topic> <phrase>";

/** The editors' /topics and its subcommands. */
export function createEditorTopicsFeature(deps: EditorDeps): Composer<BotContext> {
  const { topics } = deps.newsroom;
  const feature = new Composer<BotContext>();
  const adminChat = feature.filter((ctx) => ctx.chat !== undefined && isAdminChat(chatSeenOf(ctx.chat), deps.adminChat.get()));

  adminChat.command("topics", async (ctx) => {
    const [sub, rest] = splitFirstWord(argsOf(ctx));
    const [first, second] = splitFirstWord(rest);
    const actor = actorOf(ctx);
    const reply = (outcome: Parameters<typeof topicOutcomeText>[0]) => replyText(ctx, topicOutcomeText(outcome).text);
    const needs = (what: string) => replyText(ctx, `${what} Use ${TOPICS_USAGE}.`);
    switch (sub.toLowerCase()) {
      case "": {
        const list = await topics.list();
        if (list.length === 0) return replyText(ctx, "No topics yet: they come from the feeds, or add one with /topics add <name>.");
        return replyHtml(ctx, fitLines(["<b>Topics</b>", ...list.map((topic) => escapeHtml(topicLine(topic)))]));
      }
      case "add":
        return rest ? reply(await topics.create({ name: rest, actor })) : needs("Which topic?");
      case "rename":
        return second ? reply(await topics.rename({ topic: first, to: second, actor })) : needs("Rename which topic to what?");
      case "merge":
        return second ? reply(await topics.merge({ from: first, into: second, actor })) : needs("Merge which topic into which?");
      case "remove":
        return rest ? reply(await topics.remove({ topic: rest, actor })) : needs("Which topic?");
      case "keyword":
        return second ? reply(await topics.addKeyword({ topic: first, phrase: second, actor })) : needs("Which topic, and which phrase?");
      default:
        return needs(`I don't know “/topics ${sub}”.`);
    }
  });

  return feature;
}
