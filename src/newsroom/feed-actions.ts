/**
 * What editors (/addfeed, /removefeed…) and operators (`feeds add`, `feeds remove`…) do
 * with feeds: one implementation for both front ends, each action audited, each result a
 * typed outcome the front end renders in its own words.
 */
import type { AuditLogRepository } from "../db/audit-log.js";
import { DuplicateFeedError, type FeedFilterRecord, type FeedRecord, type FeedsRepository, type FilterKind } from "../db/feeds.js";
import { FeedUrlError, parseFeedUrl } from "../ingest/feeds/parse-feed-url.js";
import { parseFilterPhrase } from "../ingest/filters/keyword-filter.js";
import type { OpmlFeed } from "../ingest/opml/opml.js";
import { slugifyTopic } from "../ingest/topics/slugify-topic.js";
import type { Actor } from "./actor.js";

export type AddFeedOutcome =
  | { kind: "added"; feed: FeedRecord }
  | { kind: "invalid-url"; reason: string }
  | { kind: "invalid-topic"; input: string }
  | { kind: "duplicate"; existing: FeedRecord };

export type RemoveFeedOutcome = { kind: "removed"; feed: FeedRecord } | { kind: "not-found"; id: number };

export type ResumeFeedOutcome = { kind: "resumed"; feed: FeedRecord } | { kind: "not-found"; id: number };

export type FilterChangeOutcome =
  | { kind: "added"; feedId: number; filterKind: FilterKind; phrase: string }
  | { kind: "removed"; feedId: number; filterKind: FilterKind; phrase: string }
  | { kind: "invalid-phrase"; error: string }
  | { kind: "not-found"; id: number }
  | { kind: "no-such-filter"; feedId: number; filterKind: FilterKind; phrase: string };

export type ListFiltersOutcome = { kind: "filters"; feedId: number; filters: FeedFilterRecord[] } | { kind: "not-found"; id: number };

export interface ImportOutcome {
  added: number;
  total: number;
  /** Entries refused for their address, with the reason. */
  skipped: { url: string; reason: string }[];
}

export interface FeedActionsDeps {
  feeds: FeedsRepository;
  audit: AuditLogRepository;
}

export type FeedActions = ReturnType<typeof createFeedActions>;

/** A topic as typed: null when none was given, undefined when it is unusable. */
function topicSlugOf(input: string | null | undefined): string | null | undefined {
  if (input === null || input === undefined || input.trim() === "") return null;
  return slugifyTopic(input) ?? undefined;
}

export function createFeedActions(deps: FeedActionsDeps) {
  const { feeds, audit } = deps;
  return {
    /** Every feed, oldest first. */
    list: (): Promise<FeedRecord[]> => feeds.list(),

    /** Adds a feed after checking its address's form and the topic name. */
    async add(input: { url: string; topic?: string | null; fullPage?: boolean; actor: Actor }): Promise<AddFeedOutcome> {
      let url: string;
      try {
        url = parseFeedUrl(input.url);
      } catch (error) {
        if (error instanceof FeedUrlError) return { kind: "invalid-url", reason: error.message };
        throw error;
      }
      const topic = topicSlugOf(input.topic);
      if (topic === undefined) return { kind: "invalid-topic", input: input.topic ?? "" };
      let feed: FeedRecord;
      try {
        feed = await feeds.add({ url, defaultTopic: topic, fullPage: input.fullPage ?? false });
      } catch (error) {
        if (error instanceof DuplicateFeedError) return { kind: "duplicate", existing: error.existing };
        throw error;
      }
      await audit.record({
        actorId: input.actor.id,
        actorName: input.actor.name,
        action: "feed.add",
        subject: `feed #${feed.id}`,
        after: { url, defaultTopic: topic, ...(input.fullPage ? { fullPage: true } : {}) },
      });
      return { kind: "added", feed };
    },

    /** Removes a feed; its stored articles stay. */
    async remove(input: { id: number; actor: Actor }): Promise<RemoveFeedOutcome> {
      const removed = await feeds.remove(input.id);
      if (!removed) return { kind: "not-found", id: input.id };
      await audit.record({
        actorId: input.actor.id,
        actorName: input.actor.name,
        action: "feed.remove",
        subject: `feed #${removed.id}`,
        before: { url: removed.url, defaultTopic: removed.defaultTopic },
      });
      return { kind: "removed", feed: removed };
    },

    /** Resumes a paused (or failing) feed: it is fetched at the next ingest. */
    async resume(input: { id: number; actor: Actor }): Promise<ResumeFeedOutcome> {
      const before = await feeds.get(input.id);
      if (!before || !(await feeds.resume(input.id))) return { kind: "not-found", id: input.id };
      await audit.record({
        actorId: input.actor.id,
        actorName: input.actor.name,
        action: "feed.resume",
        subject: `feed #${input.id}`,
        before: { pausedReason: before.pausedReason, failures: before.consecutiveFailures },
      });
      return { kind: "resumed", feed: (await feeds.get(input.id)) ?? before };
    },

    /** A feed's include/exclude phrases. */
    async listFilters(feedId: number): Promise<ListFiltersOutcome> {
      if (!(await feeds.get(feedId))) return { kind: "not-found", id: feedId };
      return { kind: "filters", feedId, filters: await feeds.listFilters(feedId) };
    },

    /**
     * Adds or removes a filter phrase. Filters match case-insensitively, so "Sport" and
     * "sport" are one phrase: adding it again changes nothing, removing either removes it.
     */
    async changeFilter(input: { feedId: number; filterKind: FilterKind; phrase: string; adding: boolean; actor: Actor }): Promise<FilterChangeOutcome> {
      const parsed = parseFilterPhrase(input.phrase);
      if (!parsed.ok) return { kind: "invalid-phrase", error: parsed.error };
      if (!(await feeds.get(input.feedId))) return { kind: "not-found", id: input.feedId };
      const same = (await feeds.listFilters(input.feedId)).find(
        (f) => f.kind === input.filterKind && f.phrase.toLowerCase() === parsed.phrase.toLowerCase(),
      );
      const base = { feedId: input.feedId, filterKind: input.filterKind };
      if (input.adding) {
        if (same) return { kind: "added", ...base, phrase: same.phrase };
        await feeds.addFilter(input.feedId, input.filterKind, parsed.phrase);
      } else if (!same || !(await feeds.removeFilter(input.feedId, input.filterKind, same.phrase))) {
        return { kind: "no-such-filter", ...base, phrase: parsed.phrase };
      }
      const phrase = same?.phrase ?? parsed.phrase;
      await audit.record({
        actorId: input.actor.id,
        actorName: input.actor.name,
        action: input.adding ? "feed.filter_add" : "feed.filter_remove",
        subject: `feed #${input.feedId}`,
        ...(input.adding ? { after: { [input.filterKind]: phrase } } : { before: { [input.filterKind]: phrase } }),
      });
      return { kind: input.adding ? "added" : "removed", ...base, phrase };
    },

    /** Adds the feeds of an OPML document; feeds already there are kept as they are. */
    async importOpml(input: { entries: OpmlFeed[]; actor: Actor }): Promise<ImportOutcome> {
      const outcome: ImportOutcome = { added: 0, total: input.entries.length, skipped: [] };
      const addedIds: number[] = [];
      for (const entry of input.entries) {
        let url: string;
        try {
          url = parseFeedUrl(entry.url);
        } catch (error) {
          if (!(error instanceof FeedUrlError)) throw error;
          outcome.skipped.push({ url: entry.url, reason: error.message });
          continue;
        }
        try {
          addedIds.push((await feeds.add({ url, title: entry.title, defaultTopic: entry.topic })).id);
          outcome.added++;
        } catch (error) {
          if (!(error instanceof DuplicateFeedError)) throw error;
        }
      }
      if (addedIds.length > 0) {
        await audit.record({ actorId: input.actor.id, actorName: input.actor.name, action: "feed.import", after: { feeds: addedIds } });
      }
      return outcome;
    },
  };
}
