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

const TOPIC_HINT = "use letters or digits, e.g. asia or north-korea";

function count(n: number, one: string, many = `${one}s`): string {
  return `${n} ${n === 1 ? one : many}`;
}

/** "asia (Asia): editors' topic, 12 articles, 3 subscribers; keywords "kim", "seoul"". */
export function topicLine(topic: TopicListEntry): string {
  const origin = topic.createdByEditor ? "editors' topic" : topic.shownToReaders ? "from feeds" : "from feeds, hidden from readers";
  const keywords = topic.phrases.length > 0 ? `; keywords ${topic.phrases.map((p) => `"${p}"`).join(", ")}` : "";
  return `${topic.slug} (${topic.name}): ${origin}, ${count(topic.articles, "article")}, ${count(topic.subscribers, "subscriber")}${keywords}`;
}

/** A topic outcome as one sentence; `ok` is false for a refusal (nothing changed). */
export function topicOutcomeText(
  outcome: CreateTopicOutcome | RenameTopicOutcome | MergeTopicsOutcome | RemoveTopicOutcome | AddKeywordOutcome,
): { ok: boolean; text: string } {
  switch (outcome.kind) {
    case "invalid-topic":
      return { ok: false, text: `"${outcome.input}" is not a usable topic name: ${TOPIC_HINT}.` };
    case "invalid-phrase":
      return { ok: false, text: outcome.error };
    case "not-found":
      return { ok: false, text: `There is no topic "${outcome.input}": see the list of topics.` };
    case "taken":
      return { ok: false, text: `There is already a topic ${outcome.slug}: merge the two instead.` };
    case "same-topic":
      return { ok: false, text: `Both names are the topic ${outcome.slug}: give two different topics.` };
    case "exists":
      return { ok: true, text: `${outcome.topic.slug} (${outcome.topic.name}) is already an editors' topic.` };
    case "created":
      return { ok: true, text: `Created the topic ${outcome.topic.slug} (${outcome.topic.name}).` };
    case "adopted":
      return { ok: true, text: `${outcome.topic.slug} (${outcome.topic.name}) came from the feeds; it is an editors' topic now.` };
    case "renamed": {
      const { before, after, feeds } = outcome;
      const feedsNote = feeds > 0 ? ` ${count(feeds, "feed")} now ${feeds === 1 ? "gives" : "give"} ${after.slug}.` : "";
      return { ok: true, text: `Renamed ${before.slug} to ${after.slug} (${after.name}); its articles, subscribers and keywords follow.${feedsNote}` };
    }
    case "merged": {
      const { from, into, moved } = outcome;
      const both = moved.subscribersAlready > 0 ? ` (${moved.subscribersAlready} followed both)` : "";
      const extra = [moved.keywords > 0 ? count(moved.keywords, "keyword") : "", moved.feeds > 0 ? count(moved.feeds, "feed") : ""].filter(Boolean);
      return {
        ok: true,
        text:
          `Merged ${from.slug} into ${into.slug}: ${count(moved.articles, "article")} and ${count(moved.subscribersMoved, "subscriber")} moved${both}` +
          `${extra.length > 0 ? `, with ${extra.join(" and ")}` : ""}; ${from.slug} is gone.`,
      };
    }
    case "removed": {
      const { topic, counts } = outcome;
      const feedsNote = counts.feeds > 0 ? ` ${count(counts.feeds, "feed")} no longer ${counts.feeds === 1 ? "gives" : "give"} a topic.` : "";
      return {
        ok: true,
        text: `Removed ${topic.slug}: ${count(counts.articles, "article")} lost it, ${count(counts.subscribers, "subscriber")} ${counts.subscribers === 1 ? "was" : "were"} unsubscribed.${feedsNote}`,
      };
    }
    case "added":
      return { ok: true, text: `Articles mentioning "${outcome.phrase}" get the topic ${outcome.slug}.` };
  }
}
