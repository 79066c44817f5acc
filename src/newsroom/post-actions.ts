/**
 * What editors do with channel posts: queue a story by link, compose one by hand, post
 * now, reschedule, cancel, correct and take down. Each action is audited and returns a
 * typed outcome; the admin chat (and any other front end) renders it in words.
 */
import type { AlertsRepository } from "../db/alerts.js";
import type { PostMedia } from "../config.js";
import type { ArticlesRepository } from "../db/articles.js";
import type { AuditLogRepository } from "../db/audit-log.js";
import { PENDING, type ChannelPostsRepository, type PostRecord, type PostStatus } from "../db/channel-posts.js";
import type { TopicsRepository } from "../db/topics.js";
import { withinDeleteWindow } from "../editorial/delete-refusal.js";
import type { EditField } from "../editorial/parse-edit-command.js";
import type { Draft } from "../editorial/read-draft.js";
import type { BuildContext, CleanArticle } from "../ingest/build-article.js";
import { FetchError } from "../ingest/fetch/fetch-error.js";
import { fetchFailureOf, type FetchFailure } from "../ingest/fetch/fetch-failure.js";
import { ExtractionTimeoutError } from "../ingest/workers/create-extraction-pool.js";
import { headlineKey, isSameStory, SAME_STORY_WINDOW_MS } from "../ingest/identity/same-story.js";
import { normaliseUrl } from "../ingest/identity/normalise-url.js";
import { topicNameFromSlug } from "../ingest/topics/slugify-topic.js";
import { errorReason } from "../ops/error-reason.js";
import type { PublishOutcome } from "../publish/outbox.js";
import type { OutboxReason } from "../publish/outbox-reason.js";
import { planPostEdit, planPostMessage, postHtml, type PostMessage, type PostStyle } from "../publish/post-message.js";
import type { Actor } from "./actor.js";
import type { SendBreaking } from "./breaking-news.js";
import { withdrawStory } from "./removal-actions.js";
import type { ReviewActions } from "./review-actions.js";

/** The channel's messages, as the corrections need them (Telegram in production). */
export interface ChannelMessages {
  /** Replaces a channel message's text, or its caption when it is a photo. */
  edit(chatId: string, messageId: number, message: PostMessage): Promise<void>;
  remove(chatId: string, messageId: number): Promise<void>;
}

export interface PostActionsDeps {
  posts: ChannelPostsRepository;
  articles: ArticlesRepository;
  topics: TopicsRepository;
  audit: AuditLogRepository;
  /** A deleted post's alerts not yet delivered are skipped. */
  alerts: AlertsRepository;
  /** Fetches an article page and builds its clean article exactly as ingestion does. */
  fetchPage: (url: string, context: BuildContext) => Promise<{ url: string; article: CleanArticle | null }>;
  /** Sends one post through the outbox (its claim makes a double send impossible). */
  publish: (postId: number) => Promise<PublishOutcome>;
  channel: ChannelMessages;
  /** Sends a post marked breaking: the one way breaking news goes out (alerts at once included). */
  sendBreaking: SendBreaking;
  /** Decisions on drafts and review stories (Post now, Schedule, Cancel reach them through /postnow, /reschedule, /cancel too). */
  reviews: Pick<ReviewActions, "decide" | "refreshCard">;
  now: () => Date;
  /** How posts look (the outbox's own): previews and corrections match the channel exactly. */
  style: () => PostStyle;
  summaryMaxChars: number;
}

/** Why an editor's post for a story could not be placed. */
export type PlaceRefusal =
  | { kind: "already-sent"; postId: number }
  | { kind: "deleted"; postId: number }
  | { kind: "sending"; postId: number }
  | { kind: "uncertain"; postId: number }
  | { kind: "changed-meanwhile"; postId: number }
  | { kind: "queued-by-someone-else" }
  /** An editor killed the story (/kill): it is never posted. */
  | { kind: "killed" };

export type QueueOutcome =
  /** Queued for a time, or (without one) a draft waiting for Post now or Schedule. */
  | { kind: "queued"; post: PostRecord }
  /** The channel already carried this story under another URL: queued only when the editor says so. */
  | { kind: "same-story"; articleId: number; carried: { postId: number; headline: string; url: string; sentAt: Date | null } }
  | PlaceRefusal
  | { kind: "invalid-url"; input: string }
  | { kind: "fetch-failed"; failure: FetchFailure }
  /** The page came, but reading it took too long (a hostile or broken page). */
  | { kind: "unreadable"; reason: string }
  | { kind: "no-article" };

export type PostNowOutcome =
  | { kind: "sent"; postId: number; messageId: number }
  | { kind: "not-found"; postId: number }
  | { kind: "already-sent"; postId: number; sentAt: Date | null }
  | { kind: "deleted"; postId: number }
  /** An editor killed the story (/kill): it is never posted. */
  | { kind: "killed"; postId: number }
  | { kind: "sending"; postId: number }
  /**
   * An earlier send was interrupted: the post may already be in the channel. Nothing was sent;
   * the editor checks the channel, then sends anyway or marks it as sent.
   */
  | { kind: "maybe-in-channel"; postId: number; headline: string; interruptedAt: Date | null }
  /** The outbox tried and Telegram did not take it (the reason says what happens next). */
  | { kind: "failed"; postId: number; reason: OutboxReason }
  /** The outbox did not try (e.g. the bot may not post in the channel). */
  | { kind: "held"; postId: number; reason: OutboxReason };

export type BreakingOutcome =
  | PostNowOutcome
  | Extract<PlaceRefusal, { kind: "changed-meanwhile" | "queued-by-someone-else" }>
  /** Neither a post id nor a link. */
  | { kind: "invalid-ref"; input: string }
  | Extract<QueueOutcome, { kind: "invalid-url" | "fetch-failed" | "unreadable" | "no-article" }>;

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

export type SetPhotoOutcome = { kind: "photo-set"; post: PostRecord } | { kind: "not-found"; postId: number };

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
  const placeEditorPost = async (
    articleId: number,
    when: Date | null,
    actor: Actor,
    draft = false,
  ): Promise<{ kind: "placed"; post: PostRecord } | PlaceRefusal> => {
    const who = { queuedById: BigInt(actor.id), queuedByName: actor.name };
    if ((await articles.removal(articleId))?.reason === "killed") return { kind: "killed" };
    const existing = await posts.findByArticle(articleId);
    if (existing) {
      const refusal = existingPostRefusal(existing);
      if (refusal) return refusal;
      const taken = await posts.takeOverForEditor(existing.id, { scheduledAt: when, ...who, ...(draft ? { status: "draft" as const } : {}) });
      return taken ? { kind: "placed", post: taken } : { kind: "changed-meanwhile", postId: existing.id };
    }
    const created = await posts.create({ articleId, origin: "editor", scheduledAt: when, ...who, ...(draft ? { status: "draft" as const } : {}) });
    return created ? { kind: "placed", post: created } : { kind: "queued-by-someone-else" };
  };

  /** The stored article for `url`, or the page fetched, built exactly as ingestion builds it, and stored. */
  const findOrStoreArticle = async (
    url: string,
  ): Promise<{ articleId: number } | { kind: "fetch-failed"; failure: FetchFailure } | { kind: "unreadable"; reason: string } | { kind: "no-article" }> => {
    const known = await articles.findByUrl(url);
    if (known) return { articleId: known.id };
    const now = deps.now();
    let clean: CleanArticle | null;
    try {
      clean = (await deps.fetchPage(url, { now, summaryMaxChars: deps.summaryMaxChars, feedDefaultTopic: null, rules: await deps.topics.rules() })).article;
    } catch (error) {
      if (error instanceof FetchError) return { kind: "fetch-failed", failure: fetchFailureOf(error) };
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
    if ((await articles.removal(post.article.id))?.reason === "killed") return { kind: "killed", postId };
    if (PENDING.includes(post.status)) {
      const decided = await deps.reviews.decide({ postId, action: "post", actor });
      if (decided.kind === "posted") return { kind: "sent", postId, messageId: decided.messageId };
      if (decided.kind === "approved") return { kind: "held", postId, reason: decided.reason };
      // Decided by someone else meanwhile: answer for the post as it is now.
      return postNow(postId, actor, sendAnyway);
    }
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
    return publishNow(post, actor, "post.post_now");
  };

  /** Sends a waiting post through the outbox now (with `send`); audited under `action` when it went out. */
  const publishNow = async (post: PostRecord, actor: Actor, action: string, send = deps.publish): Promise<PostNowOutcome> => {
    const postId = post.id;
    const outcome = await send(postId);
    if (outcome.kind === "sent") {
      await audit.record({
        actorId: actor.id,
        actorName: actor.name,
        action,
        subject: `post #${postId}`,
        before: { status: post.status, scheduledAt: post.scheduledAt?.toISOString() ?? null },
        after: { status: "sent", messageId: outcome.messageId, ...(action === "post.breaking" ? { breaking: true } : {}) },
      });
      return { kind: "sent", postId, messageId: outcome.messageId };
    }
    return { kind: outcome.kind === "not-sent" ? "failed" : "held", postId, reason: outcome.reason };
  };

  /** A post in the channel of the same story as `articleId` under another URL, if any. */
  const carriedSameStory = async (articleId: number): Promise<{ postId: number; headline: string; url: string; sentAt: Date | null } | null> => {
    const story = await articles.storyOf(articleId);
    if (!story || story.headlineKey === "") return null;
    const around = (story.publishedAt ?? deps.now()).getTime();
    const carried = await articles.postedStories({ from: new Date(around - SAME_STORY_WINDOW_MS), to: new Date(around + SAME_STORY_WINDOW_MS) });
    const same = carried.find((c) => c.id !== articleId && isSameStory(c, story));
    return same ? { postId: same.postId, headline: same.headline, url: same.url, sentAt: same.sentAt } : null;
  };

  /** The post a /breaking reference names: a post id, or the story at a link (fetched and given a post when new). */
  const breakingPost = async (ref: string, actor: Actor): Promise<{ post: PostRecord } | BreakingOutcome> => {
    const id = /^#?(\d{1,9})$/.exec(ref.trim());
    if (id) {
      const post = await posts.get(Number(id[1]));
      return post ? { post } : { kind: "not-found", postId: Number(id[1]) };
    }
    const url = normaliseUrl(ref.trim());
    if (!url) return { kind: "invalid-ref", input: ref };
    const found = await findOrStoreArticle(url);
    if (!("articleId" in found)) return found;
    const existing = await posts.findByArticle(found.articleId);
    if (existing) return { post: existing };
    const placed = await placeEditorPost(found.articleId, null, actor);
    // A post for a story that had none: only a racing editor can have placed one meanwhile.
    return placed.kind === "placed" ? { post: placed.post } : { kind: "queued-by-someone-else" };
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

    /** Editors' drafts waiting for Post now or Schedule, oldest first. */
    listDrafts: async (): Promise<PostRecord[]> => (await posts.listPending(["draft"], { skip: 0, take: 50 })).posts,

    /** The exact HTML a post is (or will be) sent with: its text, or its caption when it goes out as a photo. */
    render: (post: PostRecord): string => postHtml(planPostMessage(post, deps.style())),

    /** The exact message a post is (or will be) sent as: method, picture, text and options; `media` forces a way (as the outbox's fallback does). */
    preview: (post: PostRecord, media?: PostMedia): PostMessage => planPostMessage(post, deps.style(), media),

    /** The message a /compose draft would go out as, before it is stored (its link: the article itself). */
    previewDraft: (draft: Draft): PostMessage =>
      planPostMessage(
        {
          id: 0,
          breaking: false,
          article: {
            url: draft.url,
            headline: draft.headline,
            summary: draft.summary,
            topics: draft.topics,
            imageUrl: null,
            editorImage: draft.photo ?? null,
            sourceName: null,
            feedTitle: null,
          },
        },
        { ...deps.style(), publicUrl: null },
      ),

    /**
     * Replaces a story's picture with an editor's photo (a Telegram file_id) for its post,
     * sent or not (a sent post keeps the picture it went out with). Audited.
     */
    async setPhoto(input: { postId: number; photo: string; actor: Actor }): Promise<SetPhotoOutcome> {
      const post = await posts.get(input.postId);
      if (!post) return { kind: "not-found", postId: input.postId };
      const before = post.article.editorImage;
      await articles.update(post.article.id, { editorImage: input.photo });
      await audit.record({
        actorId: input.actor.id,
        actorName: input.actor.name,
        action: "post.photo",
        subject: `post #${post.id}`,
        before: { photo: before ?? post.article.imageUrl },
        after: { photo: input.photo },
      });
      const updated = await posts.get(post.id);
      return { kind: "photo-set", post: updated ?? post };
    },

    /** The headline of the story stored under `url` (or one of its aliases), if any. */
    storedHeadline: async (url: string): Promise<string | null> => (await articles.findByUrl(url))?.headline ?? null,

    /**
     * Queues the story at `url` (fetched and built as ingestion does, or the stored one) for
     * `when`; without a time it becomes a draft that waits for Post now or Schedule. A story the
     * channel already carried under another URL is queued only with `anyway` (then `articleId`
     * names the stored story, as the warning gave it).
     */
    async queue(input: ({ url: string } | { articleId: number }) & { when: Date | null; actor: Actor; anyway?: boolean }): Promise<QueueOutcome> {
      let found: Awaited<ReturnType<typeof findOrStoreArticle>>;
      if ("url" in input) {
        const url = normaliseUrl(input.url);
        if (!url) return { kind: "invalid-url", input: input.url };
        found = await findOrStoreArticle(url);
      } else {
        found = (await articles.get(input.articleId)) ? { articleId: input.articleId } : { kind: "no-article" };
      }
      if (!("articleId" in found)) return found;
      if (!input.anyway) {
        const carried = await carriedSameStory(found.articleId);
        if (carried) return { kind: "same-story", articleId: found.articleId, carried };
      }
      const placed = await placeEditorPost(found.articleId, input.when, input.actor, input.when === null);
      if (placed.kind !== "placed") return placed;
      await audit.record({
        actorId: input.actor.id,
        actorName: input.actor.name,
        action: "post.queue",
        subject: `post #${placed.post.id}`,
        after: {
          url: placed.post.article.url,
          headline: placed.post.article.headline,
          scheduledAt: input.when?.toISOString() ?? null,
          ...(placed.post.status === "draft" ? { status: "draft" } : {}),
          ...(input.anyway ? { sameStoryAnyway: true } : {}),
        },
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
          editorImage: draft.photo ?? null,
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
        after: {
          headline: draft.headline,
          summary: draft.summary,
          url: draft.url,
          topics: draft.topics,
          photo: draft.photo ?? null,
          scheduledAt: scheduledAt?.toISOString() ?? null,
        },
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

    /**
     * Breaking news: the post (by id, or the story at a link) goes out at once, ahead of the
     * queue, marked breaking (sent with notification), through the same once-only outbox;
     * readers following its topics are alerted at once. Audited as post.breaking.
     */
    async postBreaking(input: { ref: string; actor: Actor }): Promise<BreakingOutcome> {
      const target = await breakingPost(input.ref, input.actor);
      if (!("post" in target)) return target;
      const { post } = target;
      switch (post.status) {
        case "sent":
          return { kind: "already-sent", postId: post.id, sentAt: post.sentAt };
        case "deleted":
          return { kind: "deleted", postId: post.id };
        case "sending":
          return { kind: "sending", postId: post.id };
        case "uncertain":
          return { kind: "maybe-in-channel", postId: post.id, headline: post.article.headline, interruptedAt: post.sendStartedAt };
        case "draft":
        case "review": {
          // A draft or a story for review: the editor's decision, recorded and shown on its cards like a press on its Breaking button.
          const decided = await deps.reviews.decide({ postId: post.id, action: "breaking", actor: input.actor });
          if (decided.kind === "posted") return { kind: "sent", postId: post.id, messageId: decided.messageId };
          if (decided.kind === "approved") return { kind: "held", postId: post.id, reason: decided.reason };
          return { kind: "changed-meanwhile", postId: post.id };
        }
        default:
          if (!(await posts.markBreaking(post.id))) return { kind: "changed-meanwhile", postId: post.id };
      }
      return publishNow(post, input.actor, "post.breaking", deps.sendBreaking);
    },

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
      if (PENDING.includes(post.status)) {
        const decided = await deps.reviews.decide({ postId: post.id, action: "schedule", when: input.when, actor: input.actor });
        if (decided.kind === "scheduled") return { kind: "rescheduled", postId: post.id, when: decided.when };
        const now = await posts.get(post.id);
        return { kind: "not-waiting", postId: post.id, status: now?.status ?? post.status };
      }
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
      if (PENDING.includes(post.status)) {
        const decided = await deps.reviews.decide({ postId: post.id, action: "skip", actor: input.actor });
        if (decided.kind === "skipped") return { kind: "cancelled", postId: post.id };
        const now = await posts.get(post.id);
        return { kind: "not-waiting", postId: post.id, status: now?.status ?? post.status };
      }
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
      const pending = PENDING.includes(post.status);
      if (!published && !pending && post.status !== "queued" && post.status !== "scheduled") return { kind: "not-editable", postId: post.id, status: post.status };
      const before = post.article[input.field];
      if (before === input.text) return { kind: "unchanged", postId: post.id, field: input.field };
      if (published) {
        if (!post.chatId || post.telegramMessageId === null) return { kind: "no-message", postId: post.id };
        const message = planPostEdit({ ...post, article: { ...post.article, [input.field]: input.text } }, deps.style());
        try {
          await deps.channel.edit(post.chatId, Number(post.telegramMessageId), message);
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
      // A draft's or review story's card shows the post as it now is.
      if (pending) await deps.reviews.refreshCard(post.id);
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
      // Deleted from the channel, so gone from every reader list, digest and alert too.
      await withdrawStory(deps, { articleId: post.article.id, postId: post.id, reason: "deleted" });
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
