/**
 * What editors (/addfeed, /removefeed…) and operators (`feeds add`, `feeds remove`…) do
 * with feeds: one implementation for both front ends, each action audited, each result a
 * typed outcome the front end renders in its own words. A feed is fetched once before it is
 * added, so a wrong address is refused at once rather than failing at every ingest.
 */
import type { AuditLogRepository } from "../db/audit-log.js";
import { DuplicateFeedError, type FeedFilterRecord, type FeedRecord, type FeedsRepository, type FilterKind } from "../db/feeds.js";
import type { TopicsRepository } from "../db/topics.js";
import { parseFeedPriority } from "../editorial/feed-priority.js";
import type { FeedLink } from "../ingest/feeds/discover-feed-links.js";
import { readFeedPause } from "../ingest/feeds/feed-failure.js";
import { FeedUrlError, parseFeedUrl, type FeedUrlProblem } from "../ingest/feeds/parse-feed-url.js";
import { feedRefusalInEnglish, type FeedRefusal } from "../ingest/feeds/feed-refusal.js";
import type { FeedProbe } from "../ingest/feeds/probe-feed.js";
import { parseFilterPhrase } from "../ingest/filters/keyword-filter.js";
import type { OpmlFeed } from "../ingest/opml/opml.js";
import { slugifyTopic, topicNameAsTyped } from "../ingest/topics/slugify-topic.js";
import type { Actor } from "./actor.js";

/** The address given was a web page: the feed it declares was used instead. */
export interface FeedDiscovery {
  /** The page's address, as given. */
  page: string;
  /** The other feeds the page declares, not added. */
  others: FeedLink[];
}

/** What the fetch before adding found. */
export interface FeedCheck {
  /** The feed's title and how many items it has now; null when it was added despite failing the check. */
  found: { title: string | null; items: number } | null;
  /** Why the check failed, when `force` added the feed anyway. */
  forcedPast: FeedRefusal | null;
  discovery: FeedDiscovery | null;
}

export type AddFeedOutcome =
  | { kind: "added"; feed: FeedRecord; check: FeedCheck }
  /** `reason` is in English, for operators; `problem` for a front end to word. */
  | { kind: "invalid-url"; reason: string; input: string; problem: FeedUrlProblem }
  | { kind: "invalid-topic"; input: string }
  /** `error` says in plain English what a priority must be; `input` is what was typed. */
  | { kind: "invalid-priority"; error: string; input: string }
  | { kind: "duplicate"; existing: FeedRecord; discovery: FeedDiscovery | null }
  /** The address does not answer, answers an error, or is not a feed (and names none): nothing was added. */
  | { kind: "refused"; url: string; reason: FeedRefusal; discovery: FeedDiscovery | null };

export type RemoveFeedOutcome = { kind: "removed"; feed: FeedRecord } | { kind: "not-found"; id: number };

export type ResumeFeedOutcome =
  /** `wasPaused` is false when it was running already (then only its failure count and back-off were reset). */
  | { kind: "resumed"; feed: FeedRecord; wasPaused: boolean; pausedReason: string | null }
  | { kind: "not-found"; id: number };

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
  topics: TopicsRepository;
  audit: AuditLogRepository;
  /** Fetches an address once and says what it is (src/ingest/feeds/probe-feed.ts). */
  probe: (url: string) => Promise<FeedProbe>;
}

export type FeedActions = ReturnType<typeof createFeedActions>;

/** A topic as typed: null when none was given, undefined when it is unusable. */
function topicSlugOf(input: string | null | undefined): string | null | undefined {
  if (input === null || input === undefined || input.trim() === "") return null;
  return slugifyTopic(input) ?? undefined;
}

export function createFeedActions(deps: FeedActionsDeps) {
  const { feeds, topics, audit, probe } = deps;
  return {
    /** Every feed, oldest first. */
    list: (): Promise<FeedRecord[]> => feeds.list(),

    /**
     * Adds a feed after checking the address's form and the topic name, then fetching it once:
     * a web page is replaced by the first feed it declares; an address that does not answer,
     * answers an error or is not a feed is refused, unless `force`. The topic becomes an
     * editors' topic. `priority` is as typed (1-5; unset: 3), weighing in the selection score.
     * With `review`, the feed's new stories wait for an editor's decision.
     */
    async add(input: {
      url: string;
      topic?: string | null;
      fullPage?: boolean;
      priority?: string | null;
      review?: boolean;
      force?: boolean;
      actor: Actor;
    }): Promise<AddFeedOutcome> {
      let url: string;
      try {
        url = parseFeedUrl(input.url);
      } catch (error) {
        if (error instanceof FeedUrlError) return { kind: "invalid-url", reason: error.message, input: error.input, problem: error.problem };
        throw error;
      }
      const topic = topicSlugOf(input.topic);
      if (topic === undefined) return { kind: "invalid-topic", input: input.topic ?? "" };
      let priority: number | undefined;
      if (input.priority !== undefined && input.priority !== null) {
        const parsed = parseFeedPriority(input.priority);
        if (!parsed.ok) return { kind: "invalid-priority", error: parsed.error, input: input.priority.trim() };
        priority = parsed.priority;
      }
      const known = await feeds.findByUrl(url);
      if (known) return { kind: "duplicate", existing: known, discovery: null };

      let probed = await probe(url);
      let discovery: FeedDiscovery | null = null;
      const [declared, ...others] = probed.kind === "not-a-feed" ? probed.feeds : [];
      if (declared) {
        discovery = { page: url, others };
        url = parseFeedUrl(declared.url);
        const existing = await feeds.findByUrl(url);
        if (existing) return { kind: "duplicate", existing, discovery };
        probed = await probe(url);
      }
      if (probed.kind !== "feed" && !input.force) return { kind: "refused", url, reason: probed.reason, discovery };
      const found = probed.kind === "feed" ? { title: probed.title, items: probed.items } : null;

      let feed: FeedRecord;
      try {
        feed = await feeds.add({
          url,
          title: found?.title ?? null,
          defaultTopic: topic,
          fullPage: input.fullPage ?? false,
          ...(priority !== undefined ? { priority } : {}),
          review: input.review ?? false,
        });
      } catch (error) {
        if (error instanceof DuplicateFeedError) return { kind: "duplicate", existing: error.existing, discovery };
        throw error;
      }
      if (topic !== null && input.topic) await topics.adopt(topic, topicNameAsTyped(input.topic, topic));
      const forcedPast = probed.kind === "feed" ? null : probed.reason;
      await audit.record({
        actorId: input.actor.id,
        actorName: input.actor.name,
        action: "feed.add",
        subject: `feed #${feed.id}`,
        after: {
          url,
          defaultTopic: topic,
          ...(input.fullPage ? { fullPage: true } : {}),
          ...(priority !== undefined ? { priority } : {}),
          ...(input.review ? { review: true } : {}),
          ...(discovery ? { discoveredOn: discovery.page } : {}),
          ...(forcedPast ? { forced: feedRefusalInEnglish(forcedPast) } : {}),
        },
      });
      return { kind: "added", feed, check: { found, forcedPast, discovery } };
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
      const wasPaused = before.pausedAt !== null;
      await audit.record({
        actorId: input.actor.id,
        actorName: input.actor.name,
        action: "feed.resume",
        subject: `feed #${input.id}`,
        before: { pausedReason: readFeedPause(before.pausedReason), failures: before.consecutiveFailures },
      });
      return { kind: "resumed", feed: (await feeds.get(input.id)) ?? before, wasPaused, pausedReason: before.pausedReason };
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
