/**
 * What editors do with channel posts: queue a story by link, compose one by hand, post
 * now, reschedule, cancel, correct and take down. Each action is audited and returns a
 * typed outcome; the admin chat (and any other front end) renders it in words.
 */
import type { ArticlesRepository } from "../db/articles.js";
import type { AuditLogRepository } from "../db/audit-log.js";
import type { ChannelPostsRepository, PostRecord, PostStatus } from "../db/channel-posts.js";
import type { TopicsRepository } from "../db/topics.js";
import { withinDeleteWindow } from "../editorial/delete-refusal.js";
import type { EditField } from "../editorial/parse-edit-command.js";
import type { Draft } from "../editorial/read-draft.js";
import type { BuildContext, CleanArticle } from "../ingest/build-article.js";
import { FetchError } from "../ingest/fetch/create-fetcher.js";
import { ExtractionTimeoutError } from "../ingest/workers/create-extraction-pool.js";
import { headlineKey } from "../ingest/identity/same-story.js";
import { normaliseUrl } from "../ingest/identity/normalise-url.js";
import { topicNameFromSlug } from "../ingest/topics/slugify-topic.js";
import { errorReason } from "../ops/error-reason.js";
import { renderPost, type PublishOutcome } from "../publish/outbox.js";
import type { Actor } from "./actor.js";

/** The channel's messages, as the corrections need them (Telegram in production). */
export interface ChannelMessages {
  edit(chatId: string, messageId: number, html: string): Promise<void>;
  remove(chatId: string, messageId: number): Promise<void>;
}

export interface PostActionsDeps {
  posts: ChannelPostsRepository;
  articles: ArticlesRepository;
  topics: TopicsRepository;
  audit: AuditLogRepository;
  /** Fetches an article page and builds its clean article exactly as ingestion does. */
  fetchPage: (url: string, context: BuildContext) => Promise<{ url: string; article: CleanArticle | null }>;
  /** Sends one post through the outbox (its claim makes a double send impossible). */
  publish: (postId: number) => Promise<PublishOutcome>;
  channel: ChannelMessages;
  now: () => Date;
  publicUrl: string | null;
  summaryMaxChars: number;
}

/** Why an editor's post for a story could not be placed. */
export type PlaceRefusal =
  | { kind: "already-sent"; postId: number }
  | { kind: "deleted"; postId: number }
  | { kind: "sending"; postId: number }
  | { kind: "uncertain"; postId: number }
  | { kind: "changed-meanwhile"; postId: number }
  | { kind: "queued-by-someone-else" };

export type QueueOutcome =
  | { kind: "queued"; post: PostRecord }
  | PlaceRefusal
  | { kind: "invalid-url"; input: string }
  | { kind: "fetch-failed"; reason: string }
  /** The page came, but reading it took too long (a hostile or broken page). */
  | { kind: "unreadable"; reason: string }
  | { kind: "no-article" };

export type PostNowOutcome =
  | { kind: "sent"; postId: number; messageId: number }
  | { kind: "not-found"; postId: number }
  | { kind: "already-sent"; postId: number; sentAt: Date | null }
  | { kind: "deleted"; postId: number }
  | { kind: "sending"; postId: number }
  /**
   * An earlier send was interrupted: the post may already be in the channel. Nothing was sent;
   * the editor checks the channel, then sends anyway or marks it as sent.
   */
  | { kind: "maybe-in-channel"; postId: number; headline: string; interruptedAt: Date | null }
  /** The outbox tried and Telegram did not take it (the reason says what happens next). */
  | { kind: "failed"; postId: number; reason: string }
  /** The outbox did not try (e.g. the bot may not post in the channel). */
  | { kind: "held"; postId: number; reason: string };

export type ComposeOutcome =
  | { kind: "waiting"; post: PostRecord }
  | { kind: "posted-now"; result: PostNowOutcome }
  | PlaceRefusal
  | { kind: "not-stored" };

export type MarkSentOutcome =
  | { kind: "marked-sent"; postId: number }
  | { kind: "not-found"; postId: number }
  /** Only a post whose send was interrupted can be marked as sent by hand. */
  | { kind: "not-uncertain"; postId: number; status: PostStatus };

export type RescheduleOutcome =
  | { kind: "rescheduled"; postId: number; when: Date }
  | { kind: "not-found"; postId: number }
  | { kind: "not-waiting"; postId: number; status: PostStatus };

export type CancelOutcome =
  | { kind: "cancelled"; postId: number }
  | { kind: "not-found"; postId: number }
  | { kind: "already-sent"; postId: number }
  | { kind: "not-waiting"; postId: number; status: PostStatus };

export type EditOutcome =
  | { kind: "edited"; postId: number; published: boolean; field: EditField; before: string; after: string }
  | { kind: "not-found"; postId: number }
  | { kind: "not-editable"; postId: number; status: PostStatus }
  | { kind: "unchanged"; postId: number; field: EditField }
  | { kind: "no-message"; postId: number }
  | { kind: "telegram-refused"; postId: number; reason: string };

/** Whether a post may be taken down now. */
export type DeleteCheck =
  | { kind: "deletable"; post: PostRecord; message: { chatId: string; messageId: number } }
  | { kind: "not-found"; postId: number }
  | { kind: "already-deleted"; postId: number }
  | { kind: "not-in-channel"; postId: number; status: PostStatus }
  | { kind: "outside-window"; postId: number; sentAt: Date | null }
  /** Marked as sent by hand: its channel message is unknown. */
  | { kind: "no-message"; postId: number };

export type DeleteOutcome =
  | { kind: "deleted"; post: PostRecord }
  | Exclude<DeleteCheck, { kind: "deletable" }>
  | { kind: "telegram-refused"; postId: number; reason: string };

/** Why an article's existing post cannot be queued again, or null when an editor may take it over. */
function existingPostRefusal(post: PostRecord): PlaceRefusal | null {
  switch (post.status) {
    case "sent":
      return { kind: "already-sent", postId: post.id };
    case "deleted":
      return { kind: "deleted", postId: post.id };
    case "sending":
      return { kind: "sending", postId: post.id };
    case "uncertain":
      return { kind: "uncertain", postId: post.id };
    default:
      return null;
  }
}

export type PostActions = ReturnType<typeof createPostActions>;

export function createPostActions(deps: PostActionsDeps) {
  const { posts, articles, audit } = deps;

  /** The editor's post of a stored article: a new one, or its waiting/cancelled/failed post taken over. */
  const placeEditorPost = async (articleId: number, when: Date | null, actor: Actor): Promise<{ kind: "placed"; post: PostRecord } | PlaceRefusal> => {
    const who = { queuedById: BigInt(actor.id), queuedByName: actor.name };
    const existing = await posts.findByArticle(articleId);
    if (existing) {
      const refusal = existingPostRefusal(existing);
      if (refusal) return refusal;
      const taken = await posts.takeOverForEditor(existing.id, { scheduledAt: when, ...who });
      return taken ? { kind: "placed", post: taken } : { kind: "changed-meanwhile", postId: existing.id };
    }
    const created = await posts.create({ articleId, origin: "editor", scheduledAt: when, ...who });
    return created ? { kind: "placed", post: created } : { kind: "queued-by-someone-else" };
  };

  /** The stored article for `url`, or the page fetched, built exactly as ingestion builds it, and stored. */
  const findOrStoreArticle = async (
    url: string,
  ): Promise<{ articleId: number } | { kind: "fetch-failed" | "unreadable"; reason: string } | { kind: "no-article" }> => {
    const known = await articles.findByUrl(url);
    if (known) return { articleId: known.id };
    const now = deps.now();
    let clean: CleanArticle | null;
    try {
      clean = (await deps.fetchPage(url, { now, summaryMaxChars: deps.summaryMaxChars, feedDefaultTopic: null, rules: await deps.topics.rules() })).article;
    } catch (error) {
      if (error instanceof FetchError) return { kind: "fetch-failed", reason: error.message };
      if (error instanceof ExtractionTimeoutError) return { kind: "unreadable", reason: error.message };
      throw error;
    }
    if (!clean) return { kind: "no-article" };
    const stored = await articles.findByUrl(clean.canonicalUrl);
    if (stored) return { articleId: stored.id };
    // Loaded here, not with the module: article building pulls in the HTML reader, which read-only commands never need.
    const { toNewArticle } = await import("../ingest/build-article.js");
    await articles.storeBatch([toNewArticle(clean, { now, source: "page", autoPost: false })]);
    // storeBatch skips a URL stored meanwhile by someone else; either way it is there now.
    const article = await articles.findByUrl(clean.canonicalUrl);
    if (!article) throw new Error(`the article ${clean.canonicalUrl} was stored but cannot be found`);
    return { articleId: article.id };
  };

  const postNow = async (postId: number, actor: Actor, sendAnyway = false): Promise<PostNowOutcome> => {
    const post = await posts.get(postId);
    if (!post) return { kind: "not-found", postId };
    if (post.status === "uncertain" && !sendAnyway) {
      return { kind: "maybe-in-channel", postId, headline: post.article.headline, interruptedAt: post.sendStartedAt };
    }
    switch (post.status) {
      case "sent":
        return { kind: "already-sent", postId, sentAt: post.sentAt };
      case "deleted":
        return { kind: "deleted", postId };
      case "sending":
        return { kind: "sending", postId };
      case "failed":
      case "uncertain":
      case "cancelled":
        await posts.requeue(postId);
        break;
      default:
        await posts.schedule(postId, null);
    }
    const outcome = await deps.publish(postId);
    if (outcome.kind === "sent") {
      await audit.record({
        actorId: actor.id,
        actorName: actor.name,
        action: "post.post_now",
        subject: `post #${postId}`,
        before: { status: post.status, scheduledAt: post.scheduledAt?.toISOString() ?? null },
        after: { status: "sent", messageId: outcome.messageId },
      });
      return { kind: "sent", postId, messageId: outcome.messageId };
    }
    return { kind: outcome.kind === "not-sent" ? "failed" : "held", postId, reason: outcome.reason };
  };

  const checkDelete = async (postId: number): Promise<DeleteCheck> => {
    const post = await posts.get(postId);
    if (!post) return { kind: "not-found", postId };
    if (post.status === "deleted") return { kind: "already-deleted", postId };
    if (post.status !== "sent") return { kind: "not-in-channel", postId, status: post.status };
    if (!post.chatId || post.telegramMessageId === null) return { kind: "no-message", postId };
    if (!withinDeleteWindow(post.sentAt, deps.now())) return { kind: "outside-window", postId, sentAt: post.sentAt };
    return { kind: "deletable", post, message: { chatId: post.chatId, messageId: Number(post.telegramMessageId) } };
  };

  return {
    get: (postId: number): Promise<PostRecord | null> => posts.get(postId),

    /** The queue, in the order the outbox takes it (editors' posts first). */
    listWaiting: (): Promise<PostRecord[]> => posts.listWaiting(),

    /** The exact HTML a post is (or will be) sent with. */
    render: (post: PostRecord): string => renderPost(post, deps.publicUrl),

    /** The headline of the story stored under `url` (or one of its aliases), if any. */
    storedHeadline: async (url: string): Promise<string | null> => (await articles.findByUrl(url))?.headline ?? null,

    /** Queues the story at `url` (fetched and built as ingestion does, or the stored one) for `when` or the next slot. */
    async queue(input: { url: string; when: Date | null; actor: Actor }): Promise<QueueOutcome> {
      const url = normaliseUrl(input.url);
      if (!url) return { kind: "invalid-url", input: input.url };
      const found = await findOrStoreArticle(url);
      if (!("articleId" in found)) return found;
      const placed = await placeEditorPost(found.articleId, input.when, input.actor);
      if (placed.kind !== "placed") return placed;
      await audit.record({
        actorId: input.actor.id,
        actorName: input.actor.name,
        action: "post.queue",
        subject: `post #${placed.post.id}`,
        after: { url: placed.post.article.url, headline: placed.post.article.headline, scheduledAt: input.when?.toISOString() ?? null },
      });
      return { kind: "queued", post: placed.post };
    },

    /** Stores a story an editor wrote by hand (/compose) and its post; sends it at once when asked. */
    async compose(input: { draft: Draft; actor: Actor }): Promise<ComposeOutcome> {
      const { draft, actor } = input;
      const now = deps.now();
      const scheduledAt = typeof draft.when === "number" ? new Date(draft.when) : null;
      await articles.storeBatch([
        {
          url: draft.url,
          guid: null,
          feedId: null,
          headline: draft.headline,
          summary: draft.summary,
          body: "",
          section: null,
          author: actor.name,
          language: null,
          imageUrl: null,
          publishedAt: now,
          modifiedAt: null,
          sortAt: now,
          headlineKey: headlineKey(draft.headline),
          autoPost: false,
          source: "editor",
          topics: draft.topics.map((slug) => ({ slug, name: topicNameFromSlug(slug) })),
          otherUrls: [],
        },
      ]);
      const article = await articles.findByUrl(draft.url);
      if (!article) return { kind: "not-stored" };
      const placed = await placeEditorPost(article.id, scheduledAt, actor);
      if (placed.kind !== "placed") return placed;
      await audit.record({
        actorId: actor.id,
        actorName: actor.name,
        action: "post.compose",
        subject: `post #${placed.post.id}`,
        after: { headline: draft.headline, summary: draft.summary, url: draft.url, topics: draft.topics, scheduledAt: scheduledAt?.toISOString() ?? null },
      });
      if (draft.when === "now") return { kind: "posted-now", result: await postNow(placed.post.id, actor) };
      return { kind: "waiting", post: placed.post };
    },

    /**
     * Sends a post at once through the outbox; editors may do this during a pause and quiet hours.
     * A post whose earlier send was interrupted is sent only with `sendAnyway` (the editor checked the channel).
     */
    postNow: (input: { postId: number; actor: Actor; sendAnyway?: boolean }): Promise<PostNowOutcome> =>
      postNow(input.postId, input.actor, input.sendAnyway),

    /** Records a post whose send was interrupted as sent: an editor found it in the channel. */
    async markSent(input: { postId: number; actor: Actor }): Promise<MarkSentOutcome> {
      const post = await posts.get(input.postId);
      if (!post) return { kind: "not-found", postId: input.postId };
      if (!(await posts.markSentByHand(post.id, deps.now()))) {
        const now = await posts.get(post.id);
        return { kind: "not-uncertain", postId: post.id, status: now?.status ?? post.status };
      }
      await audit.record({
        actorId: input.actor.id,
        actorName: input.actor.name,
        action: "post.mark_sent",
        subject: `post #${post.id}`,
        before: { status: post.status, sendStartedAt: post.sendStartedAt?.toISOString() ?? null },
        after: { status: "sent", messageId: null },
      });
      return { kind: "marked-sent", postId: post.id };
    },

    /** Changes when a waiting post goes out. */
    async reschedule(input: { postId: number; when: Date; actor: Actor }): Promise<RescheduleOutcome> {
      const post = await posts.get(input.postId);
      if (!post) return { kind: "not-found", postId: input.postId };
      if (!(await posts.schedule(input.postId, input.when))) return { kind: "not-waiting", postId: input.postId, status: post.status };
      await audit.record({
        actorId: input.actor.id,
        actorName: input.actor.name,
        action: "post.reschedule",
        subject: `post #${input.postId}`,
        before: { scheduledAt: post.scheduledAt?.toISOString() ?? null },
        after: { scheduledAt: input.when.toISOString() },
      });
      return { kind: "rescheduled", postId: input.postId, when: input.when };
    },

    /** Cancels a waiting post: it will not be posted. */
    async cancel(input: { postId: number; actor: Actor }): Promise<CancelOutcome> {
      const post = await posts.get(input.postId);
      if (!post) return { kind: "not-found", postId: input.postId };
      if (post.status === "sent") return { kind: "already-sent", postId: input.postId };
      if (!(await posts.cancel(input.postId))) return { kind: "not-waiting", postId: input.postId, status: post.status };
      await audit.record({
        actorId: input.actor.id,
        actorName: input.actor.name,
        action: "post.cancel",
        subject: `post #${input.postId}`,
        before: { status: post.status },
        after: { status: "cancelled" },
      });
      return { kind: "cancelled", postId: input.postId };
    },

    /**
     * Corrects a post's headline or summary. A published post is edited in the channel first;
     * only when Telegram accepted it are the article and the audit log written.
     */
    async edit(input: { postId: number; field: EditField; text: string; actor: Actor }): Promise<EditOutcome> {
      const post = await posts.get(input.postId);
      if (!post) return { kind: "not-found", postId: input.postId };
      const published = post.status === "sent";
      if (!published && post.status !== "queued" && post.status !== "scheduled") return { kind: "not-editable", postId: post.id, status: post.status };
      const before = post.article[input.field];
      if (before === input.text) return { kind: "unchanged", postId: post.id, field: input.field };
      if (published) {
        if (!post.chatId || post.telegramMessageId === null) return { kind: "no-message", postId: post.id };
        const html = renderPost({ ...post, article: { ...post.article, [input.field]: input.text } }, deps.publicUrl);
        try {
          await deps.channel.edit(post.chatId, Number(post.telegramMessageId), html);
        } catch (error) {
          return { kind: "telegram-refused", postId: post.id, reason: errorReason(error) };
        }
      }
      await articles.update(post.article.id, { [input.field]: input.text });
      await audit.record({
        actorId: input.actor.id,
        actorName: input.actor.name,
        action: "post.edit",
        subject: `post #${post.id}`,
        before: { [input.field]: before },
        after: { [input.field]: input.text },
      });
      return { kind: "edited", postId: post.id, published, field: input.field, before, after: input.text };
    },

    /** Whether a post may be taken down now (asked before the editor confirms). */
    checkDelete,

    /** Takes a published post down from the channel (Telegram allows it for 48 hours). */
    async delete(input: { postId: number; actor: Actor }): Promise<DeleteOutcome> {
      const check = await checkDelete(input.postId);
      if (check.kind !== "deletable") return check;
      const { post, message } = check;
      try {
        await deps.channel.remove(message.chatId, message.messageId);
      } catch (error) {
        return { kind: "telegram-refused", postId: post.id, reason: errorReason(error) };
      }
      await posts.markDeleted(post.id);
      await audit.record({
        actorId: input.actor.id,
        actorName: input.actor.name,
        action: "post.delete",
        subject: `post #${post.id}`,
        before: { status: "sent", headline: post.article.headline, messageId: post.telegramMessageId },
        after: { status: "deleted" },
      });
      return { kind: "deleted", post };
    },
  };
}
