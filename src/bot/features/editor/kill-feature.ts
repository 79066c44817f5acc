/** /kill <id|link>: a story never to be posted, and gone from every reader list, digest and alert. */
import { Composer } from "grammy";

import { formatWhen } from "../../../editorial/format-when.js";
import type { Translate } from "../../../i18n/translate.js";
import type { KillOutcome, KillTarget } from "../../../newsroom/removal-actions.js";
import type { BotContext } from "../../context.js";
import { actorOf, argsOf, replyText, type EditorDeps } from "./editor-context.js";

/** What /kill points at: "12", "#12" or a link; null for anything else. */
function parseKillTarget(text: string): KillTarget | null {
  const id = /^#?(\d{1,9})$/.exec(text);
  if (id) return { postId: Number(id[1]) };
  return /^https?:\/\/\S+$/i.test(text) ? { url: text } : null;
}

/** What /kill did, in plain text. */
export function killText(t: Translate, outcome: KillOutcome, timezone: string, now: Date): string {
  switch (outcome.kind) {
    case "killed": {
      const { postId, headline } = outcome;
      const story = postId === null ? t("kill-story", { headline }) : t("kill-story-post", { id: postId, headline });
      return outcome.inChannel && postId !== null ? t("kill-done-in-channel", { story, id: postId }) : t("kill-done", { story });
    }
    case "not-found":
      return t("post-not-found", { id: outcome.postId });
    case "invalid-url":
      return t("kill-not-a-link", { input: outcome.input, usage: t("usage-kill") });
    case "unknown-url":
      return t("kill-unknown-url", { url: outcome.url });
    case "already-removed": {
      const texts = { headline: outcome.headline, when: formatWhen(outcome.at, timezone, now, t.language) };
      return outcome.reason === "deleted" ? t("kill-already-deleted", texts) : t("kill-already-killed", texts);
    }
    case "sending":
      return t("kill-sending", { id: outcome.postId });
  }
}

export function createKillFeature(deps: EditorDeps): Composer<BotContext> {
  const feature = new Composer<BotContext>();
  feature.command("kill", async (ctx) => {
    const args = argsOf(ctx);
    if (args === "") return replyText(ctx, ctx.t("kill-which", { usage: ctx.t("usage-kill") }));
    const target = parseKillTarget(args);
    if (!target) return replyText(ctx, ctx.t("kill-invalid", { input: args, usage: ctx.t("usage-kill") }));
    await replyText(ctx, killText(ctx.t, await deps.newsroom.removal.kill({ target, actor: actorOf(ctx) }), deps.timezone, deps.now()));
  });
  return feature;
}
