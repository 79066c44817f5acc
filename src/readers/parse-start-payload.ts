/** Deep links: t.me/<bot>?start=<payload> arrives as "/start <payload>". */
import { slugifyTopic } from "../ingest/topics/slugify-topic.js";

export type StartPayload = { kind: "none" } | { kind: "topic"; slug: string; asTyped: string } | { kind: "unknown"; payload: string };

/**
 * Reads a /start payload. "topic_asia" subscribes to "asia"; deep-link payloads may
 * only hold A-Z a-z 0-9 _ -, so "topic_north_korea" and "topic_north-korea" both
 * mean "north-korea" (the slugifier turns "_" into "-").
 */
export function parseStartPayload(payload: string): StartPayload {
  const text = payload.trim();
  if (text === "") return { kind: "none" };
  const match = /^topic[_-](.+)$/i.exec(text);
  if (match?.[1]) {
    const slug = slugifyTopic(match[1]);
    if (slug) return { kind: "topic", slug, asTyped: match[1] };
  }
  return { kind: "unknown", payload: text };
}

/** The deep link that subscribes a reader to a topic (for editors to share). */
export function topicDeepLink(botUsername: string, slug: string): string {
  return `https://t.me/${botUsername}?start=topic_${slug.replace(/[^A-Za-z0-9_-]/g, "_")}`;
}
