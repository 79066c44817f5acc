/**
 * Fan-out: every channel post sent recently becomes one instant alert per reader who
 * follows one of its topics (instant mode, not blocked; breaking news: digest mode too). Which posts were already
 * fanned out is kept in the Setting table; the unique (reader, post) key makes a
 * repeated run — after a crash between queueing and remembering — add nothing twice.
 */
import type { AlertsRepository, NewAlert, SentPost } from "../../db/alerts.js";
import type { SettingsRepository } from "../../db/settings.js";
import { readerLanguage, type Language } from "../../i18n/languages.js";
import type { Translate } from "../../i18n/translate.js";
import type { Logger } from "../../logger.js";
import { postLink } from "../format-post.js";
import { formatAlert } from "./format-alert.js";

/** Settings key: the ids of recent posts already fanned out (JSON array). */
export const FANOUT_DONE_SETTING = "alerts.fanout.done";
/**
 * Posts sent longer ago than this get no instant alert: after an outage (or on the
 * first start) readers are not flooded with old news.
 */
export const INSTANT_ALERT_MAX_AGE_MS = 60 * 60_000;

export interface FanOutDeps {
  alerts: AlertsRepository;
  settings: SettingsRepository;
  logger: Logger;
  now: () => Date;
  publicUrl: string | null;
  /** The texts in a reader's language (their /language choice, else their Telegram language). */
  translator: (language: Language) => Translate;
}

export interface FanOutReport {
  posts: number;
  queued: number;
}

function parseDone(value: string | null): Set<number> {
  if (!value) return new Set();
  try {
    const ids: unknown = JSON.parse(value);
    return new Set(Array.isArray(ids) ? ids.filter((id): id is number => typeof id === "number") : []);
  } catch {
    return new Set();
  }
}

/** Queues instant alerts for the channel posts sent since the last run. */
export async function fanOutNewPosts(deps: FanOutDeps): Promise<FanOutReport> {
  const now = deps.now();
  const recent = await deps.alerts.sentPostsSince(new Date(now.getTime() - INSTANT_ALERT_MAX_AGE_MS));
  const done = parseDone(await deps.settings.get(FANOUT_DONE_SETTING));
  const fresh = recent.filter((post) => !done.has(post.id));
  let queued = 0;
  for (const post of fresh) {
    queued += await fanOutPost(deps, post, now);
  }
  if (fresh.length > 0 || done.size !== recent.length) {
    // Only posts still inside the window are remembered, so the list stays short.
    await deps.settings.set(FANOUT_DONE_SETTING, JSON.stringify(recent.map((post) => post.id)));
  }
  if (queued > 0) deps.logger.info({ posts: fresh.length, queued }, "instant alerts queued");
  return { posts: fresh.length, queued };
}

async function fanOutPost(deps: FanOutDeps, post: SentPost, now: Date): Promise<number> {
  // Breaking news reaches readers who chose a daily digest at once too.
  const recipients = await deps.alerts.instantRecipients(
    post.topics.map((t) => t.id),
    { alsoDigest: post.breaking },
  );
  if (recipients.length === 0) return 0;
  const link = postLink(post.id, post.url, deps.publicUrl);
  const alerts: NewAlert[] = [];
  for (const recipient of recipients) {
    const followed = post.topics.filter((t) => recipient.topicIds.includes(t.id)).map((t) => t.slug);
    alerts.push({
      subscriberId: recipient.subscriberId,
      kind: "instant",
      postId: post.id,
      text: formatAlert(deps.translator(readerLanguage(recipient.language, recipient.languageCode)), {
        headline: post.headline,
        summary: post.summary,
        link,
        followedTopics: followed,
      }),
    });
  }
  return deps.alerts.enqueue(alerts, now);
}
