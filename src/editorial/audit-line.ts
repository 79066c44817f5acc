/** /log in words: one sentence per audit entry, "Eda rescheduled #6 from Sun 6 Dec 19:55 to Sun 6 Dec 18:30". Pure. */
import type { Translate } from "../i18n/translate.js";
import { readFeedPause } from "../ingest/feeds/feed-failure.js";
import { postingForbiddenText, readPostingForbidden } from "../publish/posting-forbidden.js";
import { cutText, escapeHtml } from "../publish/telegram-html.js";
import { feedPauseText } from "./fetch-failure-text.js";
import { formatWhen } from "./format-when.js";

export interface AuditLineEntry {
  actorId: bigint;
  actorName: string | null;
  action: string;
  subject: string | null;
  before: string | null;
  after: string | null;
  createdAt: Date;
}

/** Quoted texts (headlines, edited summaries) are cut so one entry stays one readable line. */
const MAX_QUOTE_CHARS = 80;

type Fields = Record<string, unknown>;

/** The stored before/after JSON as fields; anything unreadable as none. */
function fieldsOf(json: string | null): Fields {
  if (json === null) return {};
  try {
    const value: unknown = JSON.parse(json);
    return typeof value === "object" && value !== null && !Array.isArray(value) ? (value as Fields) : {};
  } catch {
    return {};
  }
}

function text(fields: Fields, key: string): string | null {
  const value = fields[key];
  return typeof value === "string" && value !== "" ? value : typeof value === "number" ? String(value) : null;
}

/** A Fluent variable for a text that may be missing: the locale files choose their words for "none". */
function orNone(value: string | null): string {
  return value ?? "none";
}

/** The facts a sentence is written from. */
interface Facts {
  t: Translate;
  entry: AuditLineEntry;
  who: string;
  before: Fields;
  after: Fields;
  /** The post's, feed's or topic's id or slug named in the subject ("post #6" → "6"). */
  ref: string;
  quote: (value: string | null) => string;
  when: (iso: string | null) => string;
}

/** The subject's id or slug: "post #6" → "6", "feed #3" → "3", "topic asia" → "asia". */
function refOf(subject: string | null): string {
  return /^(?:post|feed) #(\d+)$/.exec(subject ?? "")?.[1] ?? /^topic (.+)$/.exec(subject ?? "")?.[1] ?? subject ?? "";
}

const filterOf = (f: Facts, fields: Fields) => {
  const kind = Object.keys(fields).find((k) => k === "include" || k === "exclude") ?? "filter";
  return { kind: f.t(`log-filter-${kind}`), phrase: f.quote(text(fields, kind)), id: f.ref };
};
const topicName = (f: Facts, fields: Fields) => text(fields, "name") ?? text(fields, "slug") ?? f.ref;
const headlineOf = (f: Facts, fields: Fields) => (text(fields, "headline") ? f.quote(text(fields, "headline")) : "none");

/**
 * The sentence of every action the newsroom records (src/newsroom/*: audit.record), keyed by
 * action: a new action without a sentence here does not compile.
 */
const SENTENCES = {
  "post.post_now": (f: Facts) => f.t("log-post-post-now", { who: f.who, id: f.ref }),
  "post.breaking": (f: Facts) => f.t("log-post-breaking", { who: f.who, id: f.ref }),
  "post.approve": (f: Facts) => f.t("log-post-approve", { who: f.who, id: f.ref }),
  "post.scheduled": (f: Facts) => f.t("log-post-scheduled", { who: f.who, id: f.ref, when: f.when(text(f.after, "scheduledAt")) }),
  "post.skipped": (f: Facts) => f.t("log-post-skipped", { who: f.who, id: f.ref }),
  "post.cancelled": (f: Facts) => f.t("log-post-cancelled", { who: f.who, id: f.ref }),
  "post.queue": (f: Facts) => f.t("log-post-queue", { who: f.who, id: f.ref, headline: headlineOf(f, f.after), when: f.when(text(f.after, "scheduledAt")) }),
  "post.compose": (f: Facts) => f.t("log-post-compose", { who: f.who, id: f.ref, headline: headlineOf(f, f.after), when: f.when(text(f.after, "scheduledAt")) }),
  "post.mark_sent": (f: Facts) => f.t("log-post-mark-sent", { who: f.who, id: f.ref }),
  "post.reschedule": (f: Facts) => f.t("log-post-reschedule", { who: f.who, id: f.ref, from: f.when(text(f.before, "scheduledAt")), to: f.when(text(f.after, "scheduledAt")) }),
  "post.cancel": (f: Facts) => f.t("log-post-cancel", { who: f.who, id: f.ref }),
  "post.edit": (f: Facts) => {
    const field = Object.keys(f.after)[0] ?? "text";
    const name = field === "headline" || field === "summary" ? f.t(`log-field-${field}`) : field;
    return f.t("log-post-edit", { who: f.who, id: f.ref, field: name, old: f.quote(text(f.before, field)), new: f.quote(text(f.after, field)) });
  },
  "post.delete": (f: Facts) => f.t("log-post-delete", { who: f.who, id: f.ref, headline: headlineOf(f, f.before) }),
  "post.photo": (f: Facts) => f.t("log-post-photo", { who: f.who, id: f.ref }),
  "post.correct_headline": (f: Facts) => f.t("log-post-correct-headline", { who: f.who, id: f.ref, new: f.quote(text(f.after, "headline")) }),
  "post.ignore_correction": (f: Facts) => f.t("log-post-ignore-correction", { who: f.who, id: f.ref, new: f.quote(text(f.after, "headline")) }),
  "story.kill": (f: Facts) =>
    /^post #\d+$/.test(f.entry.subject ?? "")
      ? f.t("log-story-kill", { who: f.who, id: f.ref, headline: f.quote(text(f.before, "headline")) })
      : f.t("log-story-kill-link", { who: f.who, url: f.entry.subject ?? "", headline: f.quote(text(f.before, "headline")) }),
  "posting.pause": (f: Facts) => f.t("log-posting-pause", { who: f.who }),
  "posting.resume": (f: Facts) => f.t("log-posting-resume", { who: f.who }),
  "channel.rights_lost": (f: Facts) => {
    const problem = readPostingForbidden(f.after.problem);
    return f.t("log-channel-rights-lost", { problem: problem ? postingForbiddenText(f.t, problem) : f.t("log-rights-changed") });
  },
  "channel.rights_back": (f: Facts) => f.t("log-channel-rights-back"),
  "feed.add": (f: Facts) => f.t("log-feed-add", { who: f.who, id: f.ref, url: text(f.after, "url") ?? "", topic: orNone(text(f.after, "defaultTopic")) }).trimEnd(),
  "feed.remove": (f: Facts) => f.t("log-feed-remove", { who: f.who, id: f.ref, url: text(f.before, "url") ?? "" }).trimEnd(),
  "feed.resume": (f: Facts) => {
    const pause = readFeedPause(f.before.pausedReason);
    return f.t("log-feed-resume", { who: f.who, id: f.ref, reason: pause ? feedPauseText(f.t, pause) : "none" });
  },
  "feed.filter_add": (f: Facts) => f.t("log-feed-filter-add", { who: f.who, ...filterOf(f, f.after) }),
  "feed.filter_remove": (f: Facts) => f.t("log-feed-filter-remove", { who: f.who, ...filterOf(f, f.before) }),
  "feed.import": (f: Facts) => {
    const ids = Array.isArray(f.after.feeds) ? f.after.feeds.map((id) => `#${String(id)}`) : [];
    return f.t("log-feed-import", { who: f.who, count: ids.length, ids: ids.length > 0 ? ids.join(", ") : "none" });
  },
  "topic.create": (f: Facts) => f.t(f.after.adopted === true ? "log-topic-adopt" : "log-topic-create", { who: f.who, name: topicName(f, f.after) }),
  "topic.rename": (f: Facts) => f.t("log-topic-rename", { who: f.who, from: topicName(f, f.before), to: topicName(f, f.after) }),
  "topic.merge": (f: Facts) => f.t("log-topic-merge", { who: f.who, name: topicName(f, f.before), into: text(f.after, "into") ?? f.t("log-another-topic") }),
  "topic.remove": (f: Facts) => f.t("log-topic-remove", { who: f.who, name: topicName(f, f.before) }),
  "topic.keyword_add": (f: Facts) => f.t("log-topic-keyword-add", { who: f.who, topic: f.ref, phrase: f.quote(text(f.after, "phrase")) }),
} satisfies Record<string, (f: Facts) => string>;

/** Every action /log has a sentence for. */
export type AuditAction = keyof typeof SENTENCES;
export const AUDIT_ACTIONS = Object.keys(SENTENCES) as AuditAction[];

function isKnown(action: string): action is AuditAction {
  return Object.hasOwn(SENTENCES, action);
}

/** What an entry of an unknown action is about, as people call it: "#6" for "post #6". */
function subjectOf(t: Translate, entry: AuditLineEntry): string {
  const subject = entry.subject ?? "";
  const post = /^post #(\d+)$/.exec(subject);
  return post?.[1] ? t("log-subject-post", { id: post[1] }) : subject;
}

/** The sentence for one audit entry, plain text in `t`'s language; times in `timezone` as of `now`. */
export function auditSentence(t: Translate, entry: AuditLineEntry, timezone: string, now: Date): string {
  const who = entry.actorName ?? t("log-editor-id", { id: String(entry.actorId) });
  if (!isKnown(entry.action)) {
    // An action this list does not know (recorded by a newer version) still reads as who did what to what.
    const subject = subjectOf(t, entry);
    return t("log-unknown", { who, action: entry.action.replace(/[._]/g, " "), subject: subject || "none" });
  }
  return SENTENCES[entry.action]({
    t,
    entry,
    who,
    before: fieldsOf(entry.before),
    after: fieldsOf(entry.after),
    ref: refOf(entry.subject),
    quote: (value) => (value === null ? t("log-nothing") : t("log-quote", { text: cutText(value, MAX_QUOTE_CHARS) })),
    when: (iso) => (iso === null ? t("log-next-slot") : formatWhen(new Date(iso), timezone, now, t.language)),
  });
}

/** One line of /log, HTML: "Sun 6 Dec 18:31 · Eda rescheduled #6 from … to …"; every text escaped. */
export function auditLine(t: Translate, entry: AuditLineEntry, timezone: string, now: Date): string {
  return escapeHtml(`${formatWhen(entry.createdAt, timezone, now, t.language)} · ${auditSentence(t, entry, timezone, now)}`);
}
