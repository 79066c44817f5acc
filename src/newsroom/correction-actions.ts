/**
 * Editors' decisions on headline corrections (a feed changed a posted story's headline): apply
 * it to the channel post, or ignore it. Each correction is decided once; both are audited.
 */
import type { ArticlesRepository } from "../db/articles.js";
import type { AuditLogRepository } from "../db/audit-log.js";
import type { ChannelPostsRepository } from "../db/channel-posts.js";
import type { CorrectionRecord, CorrectionStatus, PostCorrectionsRepository } from "../db/post-corrections.js";
import { errorReason } from "../ops/error-reason.js";
import { planPostEdit, type PostStyle } from "../publish/post-message.js";
import type { Actor } from "./actor.js";
import type { ChannelMessages } from "./post-actions.js";

export interface CorrectionActionsDeps {
  corrections: PostCorrectionsRepository;
  posts: ChannelPostsRepository;
  articles: ArticlesRepository;
  audit: AuditLogRepository;
  channel: Pick<ChannelMessages, "edit">;
  now: () => Date;
  /** How posts look (the outbox's style): the edited post keeps its layout. */
  style: () => PostStyle;
}

/** Why a correction was not decided now. */
export type CorrectionRefusal =
  | { kind: "not-found"; correctionId: number }
  | { kind: "already-decided"; correction: CorrectionRecord & { status: Exclude<CorrectionStatus, "pending"> } };

export type ApplyCorrectionOutcome =
  | { kind: "applied"; correction: CorrectionRecord }
  | CorrectionRefusal
  /** The post is no longer in the channel (deleted, or its message unknown): nothing to edit. */
  | { kind: "not-in-channel"; postId: number }
  | { kind: "telegram-refused"; postId: number; reason: string };

export type IgnoreCorrectionOutcome = { kind: "ignored"; correction: CorrectionRecord } | CorrectionRefusal;

export type CorrectionActions = ReturnType<typeof createCorrectionActions>;

export function createCorrectionActions(deps: CorrectionActionsDeps) {
  const { corrections, audit } = deps;

  /** The correction if it still waits for a decision, else why not. */
  const pending = async (correctionId: number): Promise<CorrectionRecord | CorrectionRefusal> => {
    const correction = await corrections.get(correctionId);
    if (!correction) return { kind: "not-found", correctionId };
    if (correction.status !== "pending") return { kind: "already-decided", correction: { ...correction, status: correction.status } };
    return correction;
  };

  /** Takes the decision; when someone else was quicker, says who. */
  const decide = async (correction: CorrectionRecord, status: "applied" | "ignored", actor: Actor): Promise<CorrectionRecord | CorrectionRefusal> => {
    const at = deps.now();
    if (await corrections.decide(correction.id, { status, byId: actor.id, byName: actor.name, at })) {
      return { ...correction, status, decidedByName: actor.name, decidedAt: at };
    }
    return pending(correction.id);
  };

  return {
    /** Edits the channel post to the feed's new headline (same format as the outbox), then the story; audited. */
    async apply(input: { correctionId: number; actor: Actor }): Promise<ApplyCorrectionOutcome> {
      const found = await pending(input.correctionId);
      if ("kind" in found) return found;
      const post = await deps.posts.get(found.postId);
      if (!post || post.status !== "sent" || !post.chatId || post.telegramMessageId === null) return { kind: "not-in-channel", postId: found.postId };
      const decided = await decide(found, "applied", input.actor);
      if ("kind" in decided) return decided;
      const message = planPostEdit({ ...post, article: { ...post.article, headline: found.newHeadline } }, deps.style());
      try {
        await deps.channel.edit(post.chatId, Number(post.telegramMessageId), message);
      } catch (error) {
        await corrections.reopen(found.id);
        return { kind: "telegram-refused", postId: post.id, reason: errorReason(error) };
      }
      await deps.articles.update(post.article.id, { headline: found.newHeadline });
      await audit.record({
        actorId: input.actor.id,
        actorName: input.actor.name,
        action: "post.correct_headline",
        subject: `post #${post.id}`,
        before: { headline: post.article.headline },
        after: { headline: found.newHeadline },
      });
      return { kind: "applied", correction: decided };
    },

    /** Leaves the post as it is; the card says who decided. */
    async ignore(input: { correctionId: number; actor: Actor }): Promise<IgnoreCorrectionOutcome> {
      const found = await pending(input.correctionId);
      if ("kind" in found) return found;
      const decided = await decide(found, "ignored", input.actor);
      if ("kind" in decided) return decided;
      await audit.record({
        actorId: input.actor.id,
        actorName: input.actor.name,
        action: "post.ignore_correction",
        subject: `post #${found.postId}`,
        after: { headline: found.newHeadline },
      });
      return { kind: "ignored", correction: decided };
    },
  };
}
