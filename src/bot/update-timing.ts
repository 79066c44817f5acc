/**
 * Middleware that times each update, from the moment it enters the bot until every
 * handler is done, by kind (a command, another message, a button, an inline query…).
 * Install it first, so the time covers the whole handling.
 */
import type { Context, MiddlewareFn } from "grammy";

import type { Metrics, UpdateKind } from "../ops/metrics.js";

const KINDS: ReadonlySet<string> = new Set<UpdateKind>(["edited_message", "callback_query", "inline_query", "my_chat_member", "message_reaction_count"]);

/** What kind of update this is, from the fixed set the metric is labelled with. */
export function updateKind(ctx: Pick<Context, "update">): UpdateKind {
  const { message } = ctx.update;
  if (message) return message.entities?.[0]?.type === "bot_command" && message.entities[0].offset === 0 ? "command" : "message";
  const kind = Object.keys(ctx.update).find((key) => key !== "update_id");
  return kind !== undefined && KINDS.has(kind) ? (kind as UpdateKind) : "other";
}

/** Times every update, whether its handlers succeed or throw. */
export function createUpdateTiming(metrics: Pick<Metrics, "updateDuration">): MiddlewareFn<Context> {
  return async (ctx, next) => {
    const stop = metrics.updateDuration.startTimer(updateKind(ctx));
    try {
      await next();
    } finally {
      stop();
    }
  };
}
