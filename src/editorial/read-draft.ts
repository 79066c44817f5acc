/** Checks of each answer of /compose, and the draft they make up. Pure. */
import { normaliseUrl } from "../ingest/identity/normalise-url.js";
import { slugifyTopic } from "../ingest/topics/slugify-topic.js";
import { MAX_EDIT_HEADLINE, MAX_EDIT_SUMMARY } from "./parse-edit-command.js";
import { parseWhen } from "./parse-when.js";

const MAX_TOPICS = 10;

export type Answer<T> = { ok: true; value: T } | { ok: false; error: string };

/** What the editor wrote, as JSON (the conversation log stores it). */
export interface Draft {
  headline: string;
  summary: string;
  url: string;
  topics: string[];
  /** Epoch ms; null: the next slot; "now": send on confirmation. */
  when: number | null | "now";
  /** A photo the editor attached (a Telegram file_id), or null/absent for none. */
  photo?: string | null;
}

/** A headline: one line, not empty, at most 300 characters. */
export function readHeadline(text: string): Answer<string> {
  const headline = text.replace(/\s+/g, " ").trim();
  if (!headline) return { ok: false, error: "The headline cannot be empty." };
  if (headline.length > MAX_EDIT_HEADLINE) return { ok: false, error: `A headline may be at most ${MAX_EDIT_HEADLINE} characters; this one has ${headline.length}.` };
  return { ok: true, value: headline };
}

/** A summary, or "-" for none. */
export function readSummary(text: string): Answer<string> {
  const summary = text.trim();
  if (summary === "-") return { ok: true, value: "" };
  if (summary.length > MAX_EDIT_SUMMARY) return { ok: false, error: `A summary may be at most ${MAX_EDIT_SUMMARY} characters; this one has ${summary.length}.` };
  return { ok: true, value: summary };
}

/** An http(s) link, normalised as ingestion stores URLs. */
export function readLink(text: string): Answer<string> {
  const url = /^https?:\/\//i.test(text) ? normaliseUrl(text) : null;
  if (!url) return { ok: false, error: `“${text}” is not a web link: send the full address, starting with https://.` };
  return { ok: true, value: url };
}

/** Comma-separated topic names as slugs, or "-" for none. */
export function readTopics(text: string): Answer<string[]> {
  if (text === "-") return { ok: true, value: [] };
  const slugs: string[] = [];
  for (const name of text.split(",").map((s) => s.trim()).filter(Boolean)) {
    const slug = slugifyTopic(name);
    if (!slug) return { ok: false, error: `“${name}” is not a usable topic name: use letters or digits, e.g. asia or north-korea.` };
    if (!slugs.includes(slug)) slugs.push(slug);
  }
  if (slugs.length === 0) return { ok: false, error: "Give at least one topic, or - for none." };
  if (slugs.length > MAX_TOPICS) return { ok: false, error: `At most ${MAX_TOPICS} topics, please.` };
  return { ok: true, value: slugs };
}

/** "now" (send on confirmation), "next" (the next free slot), or a time parseWhen reads. */
export function readWhen(text: string, now: Date, timezone: string): Answer<Draft["when"]> {
  const word = text.trim().toLowerCase();
  if (word === "now") return { ok: true, value: "now" };
  if (word === "next" || word === "-") return { ok: true, value: null };
  const parsed = parseWhen(text, now, timezone);
  return parsed.ok ? { ok: true, value: parsed.date.getTime() } : parsed;
}

/** The answer to the photo question in text: "skip" (or "-", "no") for none; a photo itself is read by the bot. */
export function readPhotoSkip(text: string): Answer<null> {
  return /^(skip|-|no|none)$/i.test(text.trim()) ? { ok: true, value: null } : { ok: false, error: "Send a photo, or skip." };
}
