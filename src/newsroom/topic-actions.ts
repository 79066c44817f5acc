/** Topics and the editors' keyword rules, for the CLI and the admin chat alike. */
import type { AuditLogRepository } from "../db/audit-log.js";
import type { TopicRecord, TopicsRepository } from "../db/topics.js";
import { parseFilterPhrase } from "../ingest/filters/keyword-filter.js";
import { slugifyTopic, topicNameFromSlug } from "../ingest/topics/slugify-topic.js";
import type { Actor } from "./actor.js";

export interface TopicWithRules extends TopicRecord {
  phrases: string[];
}

export type AddKeywordOutcome =
  | { kind: "added"; slug: string; phrase: string }
  | { kind: "invalid-topic"; input: string }
  | { kind: "invalid-phrase"; error: string };

export type TopicActions = ReturnType<typeof createTopicActions>;

export function createTopicActions(deps: { topics: TopicsRepository; audit: AuditLogRepository }) {
  const { topics, audit } = deps;
  return {
    /** Every topic with its keyword phrases, alphabetically. */
    async list(): Promise<TopicWithRules[]> {
      const [list, rules] = await Promise.all([topics.list(), topics.rules()]);
      return list.map((topic) => ({ ...topic, phrases: rules.find((r) => r.slug === topic.slug)?.phrases ?? [] }));
    },

    /** Articles mentioning `phrase` get the topic (created when new). */
    async addKeyword(input: { topic: string; phrase: string; actor: Actor }): Promise<AddKeywordOutcome> {
      const slug = slugifyTopic(input.topic);
      if (!slug) return { kind: "invalid-topic", input: input.topic };
      const parsed = parseFilterPhrase(input.phrase);
      if (!parsed.ok) return { kind: "invalid-phrase", error: parsed.error };
      const topic = await topics.ensure(slug, topicNameFromSlug(slug));
      await topics.addKeyword(topic.id, parsed.phrase);
      await audit.record({ actorId: input.actor.id, actorName: input.actor.name, action: "topic.keyword_add", subject: `topic ${slug}`, after: { phrase: parsed.phrase } });
      return { kind: "added", slug, phrase: parsed.phrase };
    },
  };
}
