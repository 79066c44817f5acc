/** /status: the newsroom's health and state on one screen. */
import { Composer } from "grammy";

import { formatStatus } from "../../../editorial/format-status.js";
import type { BotContext } from "../../context.js";
import { replyText, type EditorDeps } from "./editor-context.js";

/** /status. */
export function createStatusFeature(deps: EditorDeps): Composer<BotContext> {
  const feature = new Composer<BotContext>();
  feature.command("status", async (ctx) => {
    await replyText(ctx, formatStatus(ctx.t, await deps.newsroom.status.current(), deps.timezone));
  });
  return feature;
}
