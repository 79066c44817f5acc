/**
 * The editors' card for a draft or a review story: the post exactly as it would appear (its
 * photo and caption, or its text and link preview), then where it comes from and what waits
 * (or what an editor decided, once decided). Pure.
 */
import { DateTime } from "luxon";

import type { PostDecision, PostStatus } from "../db/channel-posts.js";
import type { Translate } from "../i18n/translate.js";
import { holdReasonText, readHoldReason } from "../ingest/hold-reason.js";
import { readSendFailure } from "../publish/outbox-reason.js";
import type { PostMessage } from "../publish/post-message.js";
import { escapeHtml } from "../publish/telegram-html.js";
import { formatWhen } from "./format-when.js";
import { outboxReasonText } from "./outbox-reason-text.js";

export interface CardFacts {
  /** An editor's draft (/queue without a time) or a story offered for review. */
  kind: "draft" | "review";
  postId: number;
  status: PostStatus;
  url: string;
  sourceName: string | null;
  /** When the story was published (or first seen). */
  time: Date;
  holdReason: string | null;
  queuedByName: string | null;
  scheduledAt: Date | null;
  lastError: string | null;
  decision: { kind: PostDecision; byName: string | null; at: Date | null } | null;
}

/** The source as a reader would name it: the stored name, else the link's host. */
function sourceOf(facts: Pick<CardFacts, "sourceName" | "url">): string {
  if (facts.sourceName) return facts.sourceName;
  try {
    return new URL(facts.url).hostname.replace(/^www\./, "");
  } catch {
    return facts.url;
  }
}

/** "12:00" in the newsroom's time zone. */
function clock(date: Date, timezone: string): string {
  return DateTime.fromJSDate(date, { zone: timezone }).toFormat("HH:mm");
}

/** "✅ Posted by Eda at 12:00 as #15", or what else the decision was; null while undecided. */
export function decisionLine(t: Translate, facts: CardFacts, timezone: string, now: Date): string | null {
  const { decision } = facts;
  if (!decision) return null;
  const by = decision.byName ?? t("card-an-editor");
  const texts = { by, id: facts.postId, at: decision.at ? clock(decision.at, timezone) : "none" };
  switch (decision.kind) {
    case "posted":
    case "breaking": {
      const how = decision.kind === "breaking" ? "breaking" : "post";
      if (facts.status === "sent") return t(`card-posted-${how}`, texts);
      const failure = readSendFailure(facts.lastError);
      return t(`card-approved-${how}`, { ...texts, why: failure ? outboxReasonText(t, failure) : "none" });
    }
    case "scheduled":
      return t("card-scheduled", { ...texts, when: facts.scheduledAt ? formatWhen(facts.scheduledAt, timezone, now, t.language) : t("card-next-slot") });
    case "skipped":
      return t("card-skipped", texts);
    case "cancelled":
      return t("card-cancelled", texts);
  }
}

/** The card's own lines under the post (escaped HTML): the facts, and the decision once made. */
export function reviewCardLines(t: Translate, facts: CardFacts, timezone: string, now: Date): string {
  const lines: string[] = [];
  const from = `${sourceOf(facts)} · ${formatWhen(facts.time, timezone, now, t.language)}`;
  if (facts.kind === "draft") {
    lines.push(t("card-draft", { id: facts.postId, by: facts.queuedByName ?? "none", from }));
  } else {
    lines.push(t("card-review", { id: facts.postId, from }));
  }
  const held = readHoldReason(facts.holdReason);
  if (held) lines.push(t("card-held", { reason: holdReasonText(t, held) }));
  const decided = decisionLine(t, facts, timezone, now);
  if (decided) lines.push(decided);
  else if (facts.kind === "draft") lines.push(t("card-draft-waits"));
  return lines.map(escapeHtml).join("\n");
}

/**
 * The card as a message: the post's own (a photo with its caption, or a text with its preview
 * setting), a blank line, then the card's lines. The post was planned leaving room for them.
 */
export function withCardLines<M extends PostMessage>(post: M, lines: string): M {
  if (post.media === "photo") return { ...post, caption: `${post.caption}\n\n${lines}` };
  return { ...post, text: `${post.text}\n\n${lines}` };
}
