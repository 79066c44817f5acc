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
    if (outcome.kind === "already-paused") return replyText(ctx, ctx.t("pause-already"));
    await replyText(ctx, ctx.t("pause-done"));
  });

  feature.command("resume", async (ctx) => {
    const outcome = await posting.resume(actorOf(ctx));
    if (outcome.kind === "not-paused") return replyText(ctx, ctx.t("resume-not-paused"));
    await replyText(ctx, ctx.t("resume-done"));
  });

  return feature;
}
