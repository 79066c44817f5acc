/** /kill <id|link>: a story never to be posted, and gone from every reader list, digest and alert. */
import { Composer } from "grammy";

import { formatWhen } from "../../../editorial/format-when.js";
import type { KillOutcome, KillTarget } from "../../../newsroom/removal-actions.js";
import type { BotContext } from "../../context.js";
import { actorOf, argsOf, replyText, type EditorDeps } from "./editor-context.js";

const KILL_USAGE = "/kill <post id> or /kill <link>, e.g. /kill 12";
const GONE = "gone from /latest, /popular, /search, inline results, digests and alerts";

/** What /kill points at: "12", "#12" or a link; null for anything else. */
function parseKillTarget(text: string): KillTarget | null {
  const id = /^#?(\d{1,9})$/.exec(text);
  if (id) return { postId: Number(id[1]) };
  return /^https?:\/\/\S+$/i.test(text) ? { url: text } : null;
}

/** What /kill did, in plain text. */
export function killText(outcome: KillOutcome, timezone: string, now: Date): string {
  switch (outcome.kind) {
    case "killed": {
      const story = outcome.postId === null ? `“${outcome.headline}”` : `post #${outcome.postId} “${outcome.headline}”`;
      if (outcome.inChannel) {
        return `Killed ${story}: it is ${GONE}. Its message stays in the channel: /delete ${outcome.postId} takes it down.`;
      }
      return `Killed ${story}: it will never be posted and is ${GONE}.`;
    }
    case "not-found":
      return `There is no post #${outcome.postId}.`;
    case "invalid-url":
      return `“${outcome.input}” is not a link. Use ${KILL_USAGE}`;
    case "unknown-url":
      return `No story is stored under ${outcome.url}.`;
    case "already-removed":
      return outcome.reason === "deleted"
        ? `“${outcome.headline}” is already gone: its post was deleted on ${formatWhen(outcome.at, timezone, now)}.`
        : `“${outcome.headline}” was already killed on ${formatWhen(outcome.at, timezone, now)}.`;
    case "sending":
      return `Post #${outcome.postId} is being sent right now; nothing was changed. Try /kill ${outcome.postId} again in a moment.`;
  }
}

export function createKillFeature(deps: EditorDeps): Composer<BotContext> {
  const feature = new Composer<BotContext>();
  feature.command("kill", async (ctx) => {
    const args = argsOf(ctx);
    if (args === "") return replyText(ctx, `Which story? Use ${KILL_USAGE}`);
    const target = parseKillTarget(args);
    if (!target) return replyText(ctx, `“${args}” is neither a post id nor a link. Use ${KILL_USAGE}`);
    await replyText(ctx, killText(await deps.newsroom.removal.kill({ target, actor: actorOf(ctx) }), deps.timezone, deps.now()));
  });
  return feature;
}
