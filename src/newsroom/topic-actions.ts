/**
 * Topics and the editors' keyword rules, for the CLI and the admin chat alike: list, create,
 * rename, merge, remove. Every change is audited. A topic an editor names as the target of an
 * action becomes an editors' topic (with TOPICS_OPEN=false, only those are shown to readers).
 */
import type { AuditLogRepository } from "../db/audit-log.js";
import { TopicSlugTakenError, type MergeCounts, type RemoveCounts, type TopicRecord, type TopicsRepository, type TopicSummary } from "../db/topics.js";
import { parseFilterPhrase } from "../ingest/filters/keyword-filter.js";
import { slugifyTopic, topicNameAsTyped } from "../ingest/topics/slugify-topic.js";
import type { Actor } from "./actor.js";

export interface TopicListEntry extends TopicSummary {
  /** Whether readers see it: always with TOPICS_OPEN=true, only editors' topics otherwise. */
  shownToReaders: boolean;
}

export type AddKeywordOutcome =
  | { kind: "added"; slug: string; phrase: string }
  | { kind: "invalid-topic"; input: string }
  | { kind: "invalid-phrase"; error: string };

export type CreateTopicOutcome =
  | { kind: "created"; topic: TopicRecord }
  | { kind: "adopted"; topic: TopicRecord }
  | { kind: "exists"; topic: TopicRecord }
  | { kind: "invalid-topic"; input: string };

export type RenameTopicOutcome =
  | { kind: "renamed"; before: TopicRecord; after: TopicRecord; feeds: number }
  | { kind: "not-found"; input: string }
  | { kind: "taken"; slug: string }
  | { kind: "invalid-topic"; input: string };

export type MergeTopicsOutcome =
  | { kind: "merged"; from: TopicRecord; into: TopicRecord; moved: MergeCounts }
  | { kind: "not-found"; input: string }
  | { kind: "same-topic"; slug: string }
  | { kind: "invalid-topic"; input: string };

export type RemoveTopicOutcome =
  | { kind: "removed"; topic: TopicRecord; counts: RemoveCounts }
  | { kind: "not-found"; input: string }
  | { kind: "invalid-topic"; input: string };

export type TopicActions = ReturnType<typeof createTopicActions>;

export function createTopicActions(deps: { topics: TopicsRepository; audit: AuditLogRepository; topicsOpen: boolean }) {
  const { topics, audit, topicsOpen } = deps;
  const record = (actor: Actor, action: string, subject: string, change: { before?: unknown; after?: unknown }) =>
    audit.record({ actorId: actor.id, actorName: actor.name, action, subject, ...change });

  return {
    /** Every topic with its articles, subscribers, keyword phrases and who made it, alphabetically. */
    async list(): Promise<TopicListEntry[]> {
      return (await topics.summaries()).map((topic) => ({ ...topic, shownToReaders: topicsOpen || topic.createdByEditor }));
    },

    /** Creates an editors' topic, or makes a topic the feeds brought an editors' topic. */
    async create(input: { name: string; actor: Actor }): Promise<CreateTopicOutcome> {
      const slug = slugifyTopic(input.name);
      if (!slug) return { kind: "invalid-topic", input: input.name };
      const { topic, was } = await topics.adopt(slug, topicNameAsTyped(input.name, slug));
      if (was === "editors") return { kind: "exists", topic };
      await record(input.actor, "topic.create", `topic ${slug}`, { after: { slug, name: topic.name, ...(was === "from-feeds" ? { adopted: true } : {}) } });
      return { kind: was === "new" ? "created" : "adopted", topic };
    },

    /** Renames a topic (slug and name, from one new name); articles, readers, keywords and feeds follow. */
    async rename(input: { topic: string; to: string; actor: Actor }): Promise<RenameTopicOutcome> {
      const slug = slugifyTopic(input.topic);
      if (!slug) return { kind: "invalid-topic", input: input.topic };
      const newSlug = slugifyTopic(input.to);
      if (!newSlug) return { kind: "invalid-topic", input: input.to };
      let renamed;
      try {
        renamed = await topics.rename(slug, { slug: newSlug, name: topicNameAsTyped(input.to, newSlug) });
      } catch (error) {
        if (error instanceof TopicSlugTakenError) return { kind: "taken", slug: error.slug };
        throw error;
      }
      if (!renamed) return { kind: "not-found", input: input.topic };
      const { before, after } = renamed;
      await record(input.actor, "topic.rename", `topic ${before.slug}`, {
        before: { slug: before.slug, name: before.name },
        after: { slug: after.slug, name: after.name },
      });
      return { kind: "renamed", ...renamed };
    },

    /** Merges topic `from` into `into`: articles, readers, keywords and feeds move; `from` is gone. */
    async merge(input: { from: string; into: string; actor: Actor }): Promise<MergeTopicsOutcome> {
      const from = slugifyTopic(input.from);
      if (!from) return { kind: "invalid-topic", input: input.from };
      const into = slugifyTopic(input.into);
      if (!into) return { kind: "invalid-topic", input: input.into };
      if (from === into) return { kind: "same-topic", slug: from };
      const merged = await topics.merge(from, into);
      if (!merged) {
        const missing = (await topics.findBySlug(from)) ? input.into : input.from;
        return { kind: "not-found", input: missing };
      }
      await record(input.actor, "topic.merge", `topic ${from}`, { before: { slug: from, name: merged.from.name }, after: { into, ...merged.moved } });
      return { kind: "merged", ...merged };
    },

    /** Deletes a topic: articles lose it, its readers are unsubscribed; says how many. */
    async remove(input: { topic: string; actor: Actor }): Promise<RemoveTopicOutcome> {
      const slug = slugifyTopic(input.topic);
      if (!slug) return { kind: "invalid-topic", input: input.topic };
      const removed = await topics.remove(slug);
      if (!removed) return { kind: "not-found", input: input.topic };
      await record(input.actor, "topic.remove", `topic ${slug}`, { before: { slug, name: removed.topic.name, ...removed.counts } });
      return { kind: "removed", ...removed };
    },

    /** Articles mentioning `phrase` get the topic (created when new; an editors' topic from now on). */
    async addKeyword(input: { topic: string; phrase: string; actor: Actor }): Promise<AddKeywordOutcome> {
      const slug = slugifyTopic(input.topic);
      if (!slug) return { kind: "invalid-topic", input: input.topic };
      const parsed = parseFilterPhrase(input.phrase);
      if (!parsed.ok) return { kind: "invalid-phrase", error: parsed.error };
      const { topic } = await topics.adopt(slug, topicNameAsTyped(input.topic, slug));
      await topics.addKeyword(topic.id, parsed.phrase);
      await record(input.actor, "topic.keyword_add", `topic ${slug}`, { after: { phrase: parsed.phrase } });
      return { kind: "added", slug, phrase: parsed.phrase };
    },
  };
}
