/**
 * Removing a story: an editor kills it (/kill: never to be posted), or its channel post is
 * deleted (/delete). Either way the story leaves every reader list (/latest, /popular, /search,
 * inline results), the digests and the alerts not yet delivered. A kill cancels the story's
 * post if it has not gone out; it never deletes a message from the channel (that is /delete,
 * with its confirmation and Telegram's 48-hour window).
 */
import type { AlertsRepository } from "../db/alerts.js";
import type { ArticlesRepository, RemovalReason } from "../db/articles.js";
import type { AuditLogRepository } from "../db/audit-log.js";
import type { ChannelPostsRepository, PostRecord, PostStatus } from "../db/channel-posts.js";
import { normaliseUrl } from "../ingest/identity/normalise-url.js";
import type { Actor } from "./actor.js";

export interface RemovalDeps {
  articles: ArticlesRepository;
  posts: ChannelPostsRepository;
  alerts: AlertsRepository;
  audit: AuditLogRepository;
  now: () => Date;
}

/** What /kill is pointed at: a post id, or a story's link (a story that has no post yet). */
export type KillTarget = { postId: number } | { url: string };

export type KillOutcome =
  | {
      kind: "killed";
      headline: string;
      postId: number | null;
      /** The post's status before the kill (null: the story had no post). */
      postWas: PostStatus | null;
      /** The post is in the channel: the kill leaves the message there. */
      inChannel: boolean;
      alertsSkipped: number;
    }
  | { kind: "not-found"; postId: number }
  | { kind: "invalid-url"; input: string }
  | { kind: "unknown-url"; url: string }
  | { kind: "already-removed"; headline: string; reason: string; at: Date }
  /** Being sent this very moment: nothing was changed; the editor tries again in a moment. */
  | { kind: "sending"; postId: number };

/** Takes a story off every reader surface and skips its alerts not yet delivered; false when it was removed already. */
export async function withdrawStory(
  deps: Pick<RemovalDeps, "articles" | "alerts" | "now">,
  story: { articleId: number; postId: number | null; reason: RemovalReason },
): Promise<{ removed: boolean; alertsSkipped: number }> {
  const removed = await deps.articles.markRemoved(story.articleId, story.reason, deps.now());
  const alertsSkipped = story.postId === null ? 0 : await deps.alerts.skipWaitingForPost(story.postId, story.reason === "killed" ? "the story was killed" : "the post was deleted");
  return { removed, alertsSkipped };
}

interface FoundStory {
  kind: "story";
  articleId: number;
  headline: string;
  url: string;
  post: PostRecord | null;
}

export type RemovalActions = ReturnType<typeof createRemovalActions>;

export function createRemovalActions(deps: RemovalDeps) {
  const { articles, posts, audit } = deps;

  /** The story and post /kill points at. */
  const find = async (target: KillTarget): Promise<FoundStory | Extract<KillOutcome, { kind: "not-found" | "invalid-url" | "unknown-url" }>> => {
    if ("postId" in target) {
      const post = await posts.get(target.postId);
      if (!post) return { kind: "not-found", postId: target.postId };
      return { kind: "story", articleId: post.article.id, headline: post.article.headline, url: post.article.url, post };
    }
    const url = normaliseUrl(target.url);
    if (!url) return { kind: "invalid-url", input: target.url };
    const article = await articles.findByUrl(url);
    if (!article) return { kind: "unknown-url", url };
    return { kind: "story", articleId: article.id, headline: article.headline, url: article.url, post: await posts.findByArticle(article.id) };
  };

  return {
    /** Kills a story: never posted (its unsent post cancelled), gone from every reader list, digest and alert. Audited. */
    async kill(input: { target: KillTarget; actor: Actor }): Promise<KillOutcome> {
      const found = await find(input.target);
      if (found.kind !== "story") return found;
      const { post } = found;
      const earlier = await articles.removal(found.articleId);
      if (earlier) return { kind: "already-removed", headline: found.headline, reason: earlier.reason, at: earlier.at };
      if (post?.status === "sending") return { kind: "sending", postId: post.id };
      // Removed first: from now on no claim can send it, even if a tick picks its post meanwhile.
      const { removed, alertsSkipped } = await withdrawStory(deps, { articleId: found.articleId, postId: post?.id ?? null, reason: "killed" });
      if (!removed) {
        const now = await articles.removal(found.articleId);
        return { kind: "already-removed", headline: found.headline, reason: now?.reason ?? "killed", at: now?.at ?? deps.now() };
      }
      if (post) await posts.cancelUnsent(post.id);
      const inChannel = post?.status === "sent" || post?.status === "uncertain";
      await audit.record({
        actorId: input.actor.id,
        actorName: input.actor.name,
        action: "story.kill",
        subject: post ? `post #${post.id}` : found.url,
        before: { headline: found.headline, status: post?.status ?? null },
        after: { removed: "killed", status: post && !inChannel ? "cancelled" : (post?.status ?? null) },
      });
      return { kind: "killed", headline: found.headline, postId: post?.id ?? null, postWas: post?.status ?? null, inChannel, alertsSkipped };
    },
  };
}
