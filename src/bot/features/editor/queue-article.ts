/**
 * Queues an article by URL for the channel: fetched and built exactly as ingestion
 * does (guarded fetcher, extraction, topic rules), or the stored article reused.
 */
import type { PostRecord } from "../../../db/channel-posts.js";
import { toNewArticle } from "../../../ingest/build-article.js";
import { FetchError } from "../../../ingest/fetch/create-fetcher.js";
import { normaliseUrl } from "../../../ingest/identity/normalise-url.js";
import { fetchArticlePage } from "../../../ingest/ingest-feeds.js";
import { ExtractionTimeoutError } from "../../../ingest/workers/create-extraction-pool.js";
import type { Services } from "../../../services.js";
import type { Actor } from "./editor-context.js";

export type QueueResult = { kind: "queued"; post: PostRecord } | { kind: "refused"; text: string };

/** Why an article's existing post cannot be queued again, or null when it can be taken over. */
function existingPostRefusal(post: PostRecord): string | null {
  switch (post.status) {
    case "sent":
      return `This story is already in the channel as post #${post.id}.`;
    case "deleted":
      return `This story was posted as post #${post.id} and deleted from the channel.`;
    case "sending":
      return `This story is being sent right now as post #${post.id}.`;
    case "uncertain":
      return `This story may already be in the channel as post #${post.id}. Check the channel; if it is missing, /postnow ${post.id} sends it.`;
    default:
      return null;
  }
}

async function findOrStoreArticle(services: Services, url: string): Promise<{ articleId: number } | { refused: string }> {
  const known = await services.articles.findByUrl(url);
  if (known) return { articleId: known.id };
  const now = services.now();
  const context = { now, summaryMaxChars: services.config.summary.maxChars, feedDefaultTopic: null, rules: await services.topics.rules() };
  let clean;
  try {
    clean = (await fetchArticlePage(services, url, context)).article;
  } catch (error) {
    if (error instanceof FetchError) return { refused: `I could not fetch that page: ${error.message}. Nothing was queued.` };
    if (error instanceof ExtractionTimeoutError) return { refused: `I could not read that page: ${error.message}. Nothing was queued.` };
    throw error;
  }
  if (!clean) return { refused: "I found no article on that page (no headline). Nothing was queued." };
  const stored = await services.articles.findByUrl(clean.canonicalUrl);
  if (stored) return { articleId: stored.id };
  await services.articles.storeBatch([toNewArticle(clean, { now, source: "page", autoPost: false })]);
  // storeBatch skips a URL stored meanwhile by someone else; either way it is there now.
  const article = await services.articles.findByUrl(clean.canonicalUrl);
  if (!article) throw new Error(`the article ${clean.canonicalUrl} was stored but cannot be found`);
  return { articleId: article.id };
}

/** Creates (or takes over) the editor's post for `url`, scheduled at `when` or for the next slot. */
export async function queueArticle(services: Services, input: { url: string; when: Date | null; actor: Actor }): Promise<QueueResult> {
  const url = normaliseUrl(input.url);
  if (!url) return { kind: "refused", text: `“${input.url}” is not a web address: give the article's full link, e.g. https://example.com/story.` };
  const found = await findOrStoreArticle(services, url);
  if ("refused" in found) return { kind: "refused", text: found.refused };

  const post = await placeEditorPost(services, found.articleId, input.when, input.actor);
  if (post.kind === "refused") return post;
  await services.audit.record({
    actorId: input.actor.id,
    actorName: input.actor.name,
    action: "post.queue",
    subject: `post #${post.post.id}`,
    after: { url: post.post.article.url, headline: post.post.article.headline, scheduledAt: input.when?.toISOString() ?? null },
  });
  return post;
}

/** The editor's post of a stored article: a new one, or the article's waiting/cancelled/failed post taken over. */
export async function placeEditorPost(services: Services, articleId: number, when: Date | null, actor: Actor): Promise<QueueResult> {
  const who = { queuedById: BigInt(actor.id), queuedByName: actor.name };
  const existing = await services.posts.findByArticle(articleId);
  if (existing) {
    const refusal = existingPostRefusal(existing);
    if (refusal) return { kind: "refused", text: refusal };
    const taken = await services.posts.takeOverForEditor(existing.id, { scheduledAt: when, ...who });
    if (taken) return { kind: "queued", post: taken };
    return { kind: "refused", text: `Post #${existing.id} of this story changed meanwhile; try again.` };
  }
  const created = await services.posts.create({ articleId, origin: "editor", scheduledAt: when, ...who });
  if (created) return { kind: "queued", post: created };
  return { kind: "refused", text: "Someone queued this story at the same moment; see /scheduled." };
}
