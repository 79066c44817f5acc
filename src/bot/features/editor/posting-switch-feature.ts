/** /pause and /resume automatic posting (editors can still post now). */
import { Composer } from "grammy";

import type { BotContext } from "../../context.js";
import { actorOf, replyText, type EditorDeps } from "./editor-context.js";

/** /pause and /resume. */
export function createPostingSwitchFeature(deps: EditorDeps): Composer<BotContext> {
  const { posting } = deps.newsroom;
  const feature = new Composer<BotContext>();

  feature.command("pause", async (ctx) => {
    const outcome = await posting.pause(actorOf(ctx));
    if (outcome.kind === "already-paused") return replyText(ctx, "Automatic posting is already paused. /resume turns it back on.");
    await replyText(ctx, "Automatic posting is paused. Editors' posts still go out: /postnow <id> sends one at once. /resume turns it back on.");
  });

  feature.command("resume", async (ctx) => {
    const outcome = await posting.resume(actorOf(ctx));
    if (outcome.kind === "not-paused") return replyText(ctx, "Automatic posting is not paused; nothing changed.");
    await replyText(ctx, "Automatic posting is back on (quiet hours and the hourly limit still apply).");
  });

  return feature;
}
