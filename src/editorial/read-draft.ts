/** Checks of each answer of /compose, and the draft they make up. Pure. */
import type { Translate } from "../i18n/translate.js";
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
export function readHeadline(t: Translate, text: string): Answer<string> {
  const headline = text.replace(/\s+/g, " ").trim();
  if (!headline) return { ok: false, error: t("draft-headline-empty") };
  if (headline.length > MAX_EDIT_HEADLINE) return { ok: false, error: t("draft-headline-too-long", { max: MAX_EDIT_HEADLINE, length: headline.length }) };
  return { ok: true, value: headline };
}

/** A summary, or "-" for none. */
export function readSummary(t: Translate, text: string): Answer<string> {
  const summary = text.trim();
  if (summary === "-") return { ok: true, value: "" };
  if (summary.length > MAX_EDIT_SUMMARY) return { ok: false, error: t("draft-summary-too-long", { max: MAX_EDIT_SUMMARY, length: summary.length }) };
  return { ok: true, value: summary };
}

/** An http(s) link, normalised as ingestion stores URLs. */
export function readLink(t: Translate, text: string): Answer<string> {
  const url = /^https?:\/\//i.test(text) ? normaliseUrl(text) : null;
  if (!url) return { ok: false, error: t("draft-not-a-link", { text }) };
  return { ok: true, value: url };
}

/** Comma-separated topic names as slugs, or "-" for none. */
export function readTopics(t: Translate, text: string): Answer<string[]> {
  if (text === "-") return { ok: true, value: [] };
  const slugs: string[] = [];
  for (const name of text.split(",").map((s) => s.trim()).filter(Boolean)) {
    const slug = slugifyTopic(name);
    if (!slug) return { ok: false, error: t("draft-topic-invalid", { name }) };
    if (!slugs.includes(slug)) slugs.push(slug);
  }
  if (slugs.length === 0) return { ok: false, error: t("draft-topics-none") };
  if (slugs.length > MAX_TOPICS) return { ok: false, error: t("draft-topics-too-many", { max: MAX_TOPICS }) };
  return { ok: true, value: slugs };
}

/** "now" (send on confirmation), "next" (the next free slot), or a time parseWhen reads. */
export function readWhen(t: Translate, text: string, now: Date, timezone: string): Answer<Draft["when"]> {
  const word = text.trim().toLowerCase();
  if (word === "now") return { ok: true, value: "now" };
  if (word === "next" || word === "-") return { ok: true, value: null };
  const parsed = parseWhen(t, text, now, timezone);
  return parsed.ok ? { ok: true, value: parsed.date.getTime() } : parsed;
}

/** The answer to the photo question in text: "skip" (or "-", "no") for none; a photo itself is read by the bot. */
export function readPhotoSkip(t: Translate, text: string): Answer<null> {
  return /^(skip|-|no|none)$/i.test(text.trim()) ? { ok: true, value: null } : { ok: false, error: t("draft-photo-or-skip") };
}
