/** /pause and /resume automatic posting (editors can still post now). */
import { Composer } from "grammy";

import { OUTBOX_PAUSED } from "../../../publish/outbox.js";
import type { BotContext } from "../../context.js";
import { actorOf, replyText, type EditorServices } from "./editor-context.js";

/** /pause and /resume: the OUTBOX_PAUSED setting the outbox honours for automatic posts. */
export function createPostingSwitchFeature(deps: EditorServices): Composer<BotContext> {
  const { services } = deps;
  const feature = new Composer<BotContext>();

  feature.command("pause", async (ctx) => {
    if ((await services.settings.get(OUTBOX_PAUSED)) !== null) {
      return replyText(ctx, "Automatic posting is already paused. /resume turns it back on.");
    }
    const actor = actorOf(ctx);
    await services.settings.set(OUTBOX_PAUSED, JSON.stringify({ by: actor.name ?? String(actor.id), at: services.now().toISOString() }));
    await services.audit.record({ actorId: actor.id, actorName: actor.name, action: "posting.pause", before: { paused: false }, after: { paused: true } });
    await replyText(ctx, "Automatic posting is paused. Editors' posts still go out: /postnow <id> sends one at once. /resume turns it back on.");
  });

  feature.command("resume", async (ctx) => {
    if ((await services.settings.get(OUTBOX_PAUSED)) === null) return replyText(ctx, "Automatic posting is not paused; nothing changed.");
    const actor = actorOf(ctx);
    await services.settings.delete(OUTBOX_PAUSED);
    await services.audit.record({ actorId: actor.id, actorName: actor.name, action: "posting.resume", before: { paused: true }, after: { paused: false } });
    await replyText(ctx, "Automatic posting is back on (quiet hours and the hourly limit still apply).");
  });

  return feature;
}
