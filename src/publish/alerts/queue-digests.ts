/**
 * Daily digests: at each reader's chosen hour (in TIMEZONE), one message listing the
 * channel posts of their topics sent since their last digest. One per reader per
 * local day (unique digestKey); a reader with nothing new gets no digest that day.
 */
import type { AlertsRepository, NewAlert } from "../../db/alerts.js";
import { readerLanguage, type Language } from "../../i18n/languages.js";
import type { Translate } from "../../i18n/translate.js";
import type { Logger } from "../../logger.js";
import { postLink } from "../format-post.js";
import { digestSlot } from "./digest-slot.js";
import { formatDigest } from "./format-digest.js";

/** A first digest (or one after a long pause) covers at most this far back. */
export const DIGEST_FIRST_WINDOW_MS = 24 * 60 * 60_000;
export const DIGEST_MAX_WINDOW_MS = 7 * 24 * 60 * 60_000;

export interface DigestDeps {
  alerts: AlertsRepository;
  logger: Logger;
  now: () => Date;
  timezone: string;
  publicUrl: string | null;
  /** The texts in a reader's language (their /language choice, else their Telegram language). */
  translator: (language: Language) => Translate;
}

/** Queues the digests due in the current local hour. */
export async function queueDueDigests(deps: DigestDeps): Promise<{ readers: number; queued: number }> {
  const now = deps.now();
  const slot = digestSlot(now, deps.timezone);
  const readers = await deps.alerts.digestReaders(slot.hour, slot.digestKey);
  if (readers.length === 0) return { readers: 0, queued: 0 };
  const floor = now.getTime() - DIGEST_MAX_WINDOW_MS;
  const sinceOf = (lastDigestAt: Date | null) => Math.max(floor, lastDigestAt?.getTime() ?? now.getTime() - DIGEST_FIRST_WINDOW_MS);
  const earliest = readers.reduce((min, r) => Math.min(min, sinceOf(r.lastDigestAt)), now.getTime());
  const newestFirst = (await deps.alerts.sentPostsSince(new Date(earliest), 5000)).reverse();

  const alerts: NewAlert[] = [];
  for (const reader of readers) {
    const since = sinceOf(reader.lastDigestAt);
    const topics = new Set(reader.topicIds);
    const items = newestFirst
      .filter((post) => post.sentAt.getTime() > since && post.topics.some((t) => topics.has(t.id)))
      .map((post) => ({ headline: post.headline, link: postLink(post.id, post.url, deps.publicUrl) }));
    if (items.length === 0) continue;
    const language = readerLanguage(reader.language, reader.languageCode);
    alerts.push({
      subscriberId: reader.subscriberId,
      kind: "digest",
      digestKey: slot.digestKey,
      text: formatDigest(deps.translator(language), { dateLabel: digestSlot(now, deps.timezone, language).dateLabel, items, hour: slot.hour }),
    });
  }
  const queued = await deps.alerts.enqueue(alerts, now);
  if (queued > 0) deps.logger.info({ digestKey: slot.digestKey, hour: slot.hour, queued }, "digests queued");
  return { readers: readers.length, queued };
}
