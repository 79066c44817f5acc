/**
 * Sends one post to the channel at once, through the outbox (its claim makes a
 * double send impossible). Editors may do this during a pause and quiet hours.
 */
import { publishNextPost } from "../../../publish/outbox.js";
import { formatWhen } from "../../../editorial/format-when.js";
import type { Actor, EditorServices } from "./editor-context.js";

/** Plain text for the editor: what happened to the post. */
export async function postNow(deps: EditorServices, postId: number, actor: Actor): Promise<string> {
  const { services } = deps;
  const post = await services.posts.get(postId);
  if (!post) return `There is no post #${postId}.`;
  const timezone = services.config.timezone;
  switch (post.status) {
    case "sent":
      return `Post #${postId} is already in the channel (sent ${post.sentAt ? formatWhen(post.sentAt, timezone) : "earlier"}).`;
    case "deleted":
      return `Post #${postId} was deleted from the channel; queue its link again with /queue to repost it.`;
    case "sending":
      return `Post #${postId} is being sent right now.`;
    case "failed":
    case "uncertain":
    case "cancelled":
      await services.posts.requeue(postId);
      break;
    default:
      await services.posts.schedule(postId, null);
  }
  const outcome = await publishNextPost(deps.outbox, { postId });
  if (outcome.kind === "sent") {
    await services.audit.record({
      actorId: actor.id,
      actorName: actor.name,
      action: "post.post_now",
      subject: `post #${postId}`,
      before: { status: post.status, scheduledAt: post.scheduledAt?.toISOString() ?? null },
      after: { status: "sent", messageId: outcome.messageId },
    });
    return `Post #${postId} is in the channel now.`;
  }
  if (outcome.kind === "not-sent") return `Post #${postId} could not be sent: ${outcome.reason}.`;
  return `Post #${postId} was not sent: ${outcome.reason}.`;
}
