/**
 * Topics in the newsroom's words, the same at the terminal (`topics …`) and in the admin
 * chat (/topics …): one line per topic, one sentence per outcome. Plain text. Pure.
 */
import type {
  AddKeywordOutcome,
  CreateTopicOutcome,
  MergeTopicsOutcome,
  RemoveTopicOutcome,
  RenameTopicOutcome,
  TopicListEntry,
} from "../newsroom/topic-actions.js";
import type { Translate } from "../i18n/translate.js";

/** "asia (Asia): editors' topic, 12 articles, 3 subscribers; keywords "kim", "seoul"", in `t`'s language. */
export function topicLine(t: Translate, topic: TopicListEntry): string {
  const origin = topic.createdByEditor ? "topic-origin-editors" : topic.shownToReaders ? "topic-origin-feeds" : "topic-origin-hidden";
  return t("topic-line", {
    slug: topic.slug,
    name: topic.name,
    origin: t(origin),
    articles: topic.articles,
    subscribers: topic.subscribers,
    keywords: topic.phrases.length > 0 ? topic.phrases.map((p) => `"${p}"`).join(", ") : "none",
  });
}

/** A topic outcome as one sentence in `t`'s language; `ok` is false for a refusal (nothing changed). */
export function topicOutcomeText(
  t: Translate,
  outcome: CreateTopicOutcome | RenameTopicOutcome | MergeTopicsOutcome | RemoveTopicOutcome | AddKeywordOutcome,
): { ok: boolean; text: string } {
  switch (outcome.kind) {
    case "invalid-topic":
      return { ok: false, text: t("topic-invalid", { input: outcome.input }) };
    case "invalid-phrase":
      return { ok: false, text: outcome.error };
    case "not-found":
      return { ok: false, text: t("topic-not-found", { input: outcome.input }) };
    case "taken":
      return { ok: false, text: t("topic-taken", { slug: outcome.slug }) };
    case "same-topic":
      return { ok: false, text: t("topic-same", { slug: outcome.slug }) };
    case "exists":
      return { ok: true, text: t("topic-exists", { slug: outcome.topic.slug, name: outcome.topic.name }) };
    case "created":
      return { ok: true, text: t("topic-created", { slug: outcome.topic.slug, name: outcome.topic.name }) };
    case "adopted":
      return { ok: true, text: t("topic-adopted", { slug: outcome.topic.slug, name: outcome.topic.name }) };
    case "renamed": {
      const { before, after, feeds } = outcome;
      return { ok: true, text: t("topic-renamed", { from: before.slug, to: after.slug, name: after.name, feeds }) };
    }
    case "merged": {
      const { from, into, moved } = outcome;
      const extra = [moved.keywords > 0 ? t("topic-keywords", { count: moved.keywords }) : "", moved.feeds > 0 ? t("topic-feeds", { count: moved.feeds }) : ""].filter(Boolean);
      return {
        ok: true,
        text: t("topic-merged", {
          from: from.slug,
          into: into.slug,
          articles: moved.articles,
          subscribers: moved.subscribersMoved,
          both: moved.subscribersAlready,
          extra: extra.length > 0 ? extra.join(t("topic-and")) : "none",
        }),
      };
    }
    case "removed": {
      const { topic, counts } = outcome;
      return { ok: true, text: t("topic-removed", { slug: topic.slug, articles: counts.articles, subscribers: counts.subscribers, feeds: counts.feeds }) };
    }
    case "added":
      return { ok: true, text: t("topic-added", { phrase: outcome.phrase, slug: outcome.slug }) };
  }
}
