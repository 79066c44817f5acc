/** /log in words: one sentence per audit entry, "Eda rescheduled #6 from Sun 6 Dec 19:55 to Sun 6 Dec 18:30". Pure. */
import { cutText, escapeHtml } from "../publish/telegram-html.js";
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

function quote(value: string | null): string {
  return value === null ? "nothing" : `“${cutText(value, MAX_QUOTE_CHARS)}”`;
}

function plural(count: number, one: string): string {
  return `${count} ${one}${count === 1 ? "" : "s"}`;
}

/** What an entry is about, as people call it: "#6" for "post #6", "feed #3", "the topic asia". */
function subjectOf(entry: AuditLineEntry): string {
  const subject = entry.subject ?? "";
  const post = /^post (#\d+)$/.exec(subject);
  if (post?.[1]) return post[1];
  const topic = /^topic (.+)$/.exec(subject);
  if (topic?.[1]) return `the topic ${topic[1]}`;
  return subject;
}

/** The sentence for one audit entry, plain text; times in `timezone` as of `now`. */
export function auditSentence(entry: AuditLineEntry, timezone: string, now: Date): string {
  const who = entry.actorName ?? `editor ${entry.actorId}`;
  const before = fieldsOf(entry.before);
  const after = fieldsOf(entry.after);
  const subject = subjectOf(entry);
  const when = (iso: string | null) => (iso === null ? "the next free slot" : formatWhen(new Date(iso), timezone, now));
  const headline = (fields: Fields) => (text(fields, "headline") ? ` ${quote(text(fields, "headline"))}` : "");
  const filterOf = (fields: Fields) => {
    const kind = Object.keys(fields).find((k) => k === "include" || k === "exclude") ?? "filter";
    return { kind, phrase: quote(text(fields, kind)) };
  };
  const topicName = (fields: Fields) => text(fields, "name") ?? text(fields, "slug") ?? subject.replace(/^the topic /, "");

  switch (entry.action) {
    case "post.post_now":
      return `${who} sent ${subject} to the channel at once`;
    case "post.queue":
      return `${who} queued ${subject}${headline(after)} for ${when(text(after, "scheduledAt"))}`;
    case "post.compose":
      return `${who} wrote ${subject}${headline(after)} for ${when(text(after, "scheduledAt"))}`;
    case "post.mark_sent":
      return `${who} marked ${subject} as sent after checking the channel`;
    case "post.reschedule":
      return `${who} rescheduled ${subject} from ${when(text(before, "scheduledAt"))} to ${when(text(after, "scheduledAt"))}`;
    case "post.cancel":
      return `${who} cancelled ${subject}`;
    case "post.edit": {
      const field = Object.keys(after)[0] ?? "text";
      return `${who} changed the ${field} of ${subject} from ${quote(text(before, field))} to ${quote(text(after, field))}`;
    }
    case "post.delete":
      return `${who} deleted ${subject}${headline(before)} from the channel`;
    case "posting.pause":
      return `${who} paused posting`;
    case "posting.resume":
      return `${who} resumed posting`;
    case "channel.rights_lost":
      return `Posting paused: the bot may no longer post in the channel (${text(after, "problem") ?? "its rights changed"})`;
    case "channel.rights_back":
      return "Posting resumed: the bot may post in the channel again";
    case "feed.add": {
      const topic = text(after, "defaultTopic");
      return `${who} added ${subject} ${text(after, "url") ?? ""}${topic ? ` with the topic ${topic}` : ""}`.trimEnd();
    }
    case "feed.remove":
      return `${who} removed ${subject} ${text(before, "url") ?? ""}`.trimEnd();
    case "feed.resume":
      return `${who} resumed ${subject}${text(before, "pausedReason") ? ` (paused because ${text(before, "pausedReason")})` : ""}`;
    case "feed.filter_add": {
      const { kind, phrase } = filterOf(after);
      return `${who} added the ${kind} filter ${phrase} to ${subject}`;
    }
    case "feed.filter_remove": {
      const { kind, phrase } = filterOf(before);
      return `${who} removed the ${kind} filter ${phrase} from ${subject}`;
    }
    case "feed.import": {
      const ids = Array.isArray(after.feeds) ? after.feeds.map((id) => `#${String(id)}`) : [];
      return `${who} imported ${plural(ids.length, "feed")}${ids.length > 0 ? ` (${ids.join(", ")})` : ""}`;
    }
    case "topic.create":
      return after.adopted === true ? `${who} made the topic ${topicName(after)} an editors' topic` : `${who} created the topic ${topicName(after)}`;
    case "topic.rename":
      return `${who} renamed the topic ${topicName(before)} to ${topicName(after)}`;
    case "topic.merge":
      return `${who} merged the topic ${topicName(before)} into ${text(after, "into") ?? "another topic"}`;
    case "topic.remove":
      return `${who} removed the topic ${topicName(before)}`;
    case "topic.keyword_add":
      return `${who} gave ${subject} the keyword ${quote(text(after, "phrase"))}`;
    default:
      // An action this list does not know yet still reads as who did what to what.
      return `${who} did ${entry.action.replace(/[._]/g, " ")}${subject ? ` on ${subject}` : ""}`;
  }
}

/** One line of /log, HTML: "Sun 6 Dec 18:31 · Eda rescheduled #6 from … to …"; every text escaped. */
export function auditLine(entry: AuditLineEntry, timezone: string, now: Date): string {
  return escapeHtml(`${formatWhen(entry.createdAt, timezone, now)} · ${auditSentence(entry, timezone, now)}`);
}
