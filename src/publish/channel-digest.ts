/**
 * CHANNEL_DIGEST_CRON: one silent channel post, "Top stories", listing the best stories since
 * the last digest — the channel's posts ranked by engagement (reactions and counted clicks),
 * then by the selection score, and the stories that aged out of the auto-post window unposted.
 * Never a removed story; nothing when there is nothing new. Sent once, like a channel post:
 * claimed with a lease, its message id recorded, "uncertain" (never resent) when Telegram's
 * answer was lost.
 */
import type { ChannelDigestsRepository } from "../db/channel-digests.js";
import { outboxReasonText } from "../editorial/outbox-reason-text.js";
import { storeReason } from "../i18n/stored-reason.js";
import { describeError } from "../ops/describe-error.js";
import { postLink } from "./format-post.js";
import type { OutboxDeps } from "./outbox.js";
import { AUTO_POST_MAX_AGE_MS } from "./posting-policy.js";
import { sendFailureInEnglish } from "./outbox-reason.js";
import { decideSendFailure } from "./send-failure-policy.js";
import { storyScore, type ScoredStory } from "./story-score.js";
import { escapeHtml, fitLines } from "./telegram-html.js";

/** At most this many stories in one digest. */
export const CHANNEL_DIGEST_SIZE = 10;
/** The first digest looks back this far. */
export const FIRST_DIGEST_LOOKBACK_MS = 24 * 3_600_000;
const DIGEST_LEASE_MS = 90_000;

/** What the outbox has (the digest is sent like a post), with the digests' table and the title. */
export type ChannelDigestDeps = Pick<
  OutboxDeps,
  "posts" | "articles" | "api" | "budget" | "channelId" | "admin" | "logger" | "instanceId" | "now" | "style"
> & {
  digests: ChannelDigestsRepository;
  /** The digest's title in CHANNEL_LANGUAGE ("Top stories"). */
  title: string;
};

export type ChannelDigestOutcome =
  | { kind: "sent"; digestId: number; messageId: number; stories: number }
  | { kind: "nothing-new" }
  | { kind: "busy" }
  | { kind: "not-sent"; digestId: number; status: "failed" | "uncertain"; reason: string };

/** A story the digest may list. */
export interface DigestItem extends ScoredStory {
  postId: number | null;
  link: string;
  headline: string;
  engagement: number;
}

/** The best `size` items: engagement first, then the selection score, then the older story. */
export function rankDigestItems(items: readonly DigestItem[], now: Date, size = CHANNEL_DIGEST_SIZE): DigestItem[] {
  return items
    .map((item) => ({ item, score: storyScore(item, now) }))
    .sort((a, b) => b.item.engagement - a.item.engagement || b.score - a.score || a.item.sortAt.getTime() - b.item.sortAt.getTime())
    .slice(0, size)
    .map(({ item }) => item);
}

/** The digest's HTML: the bold title, then one numbered link per story. */
export function formatChannelDigest(title: string, items: readonly DigestItem[]): string {
  return fitLines([
    `<b>${escapeHtml(title)}</b>`,
    "",
    ...items.map((item, i) => `${i + 1}. <a href="${escapeHtml(item.link)}">${escapeHtml(item.headline)}</a>`),
  ]);
}

/** Sends the channel digest if there is anything new since the last one. */
export async function sendChannelDigest(deps: ChannelDigestDeps): Promise<ChannelDigestOutcome> {
  const now = deps.now();
  const log = deps.logger;
  const expired = await deps.digests.expireLeases(now);
  if (expired > 0) {
    log.error({ count: expired }, "a channel digest was left mid-send by a stopped process; marked uncertain");
    await deps.admin.notify((t) => escapeHtml(t("notice-digest-interrupted")));
  }
  const last = await deps.digests.latestCovering();
  if (last?.status === "sending") return { kind: "busy" };
  const since = last?.createdAt ?? new Date(now.getTime() - FIRST_DIGEST_LOOKBACK_MS);
  const items = rankDigestItems(await gatherItems(deps, since, now), now);
  if (items.length === 0) return { kind: "nothing-new" };

  const postIds = items.flatMap((item) => (item.postId === null ? [] : [item.postId]));
  const digest = await deps.digests.claim({ postIds, since, owner: deps.instanceId, now, leaseMs: DIGEST_LEASE_MS });
  if (!digest) return { kind: "busy" };
  const text = formatChannelDigest(deps.title, items);
  let messageId: number;
  try {
    await deps.budget.take(deps.channelId, "channel", AbortSignal.timeout(DIGEST_LEASE_MS - 30_000));
  } catch {
    const reason = "Telegram asked the bot to slow down and the wait outlasted this run; the stories wait for the next digest";
    await deps.digests.markUnsent(digest.id, deps.instanceId, { status: "failed", error: reason });
    return { kind: "not-sent", digestId: digest.id, status: "failed", reason };
  }
  try {
    const message = await deps.api.sendMessage(deps.channelId, text, {
      parse_mode: "HTML",
      disable_notification: true,
      link_preview_options: { is_disabled: true },
    });
    messageId = message.message_id;
  } catch (error) {
    const action = decideSendFailure(error, 1, deps.now());
    // Certainly not sent: its stories wait for the next digest. Otherwise it may be in the channel: never twice.
    const status = action.kind === "uncertain" ? "uncertain" : "failed";
    const { failure } = action;
    await deps.digests.markUnsent(digest.id, deps.instanceId, { status, error: storeReason(failure) });
    log.warn({ ...describeError(error), status }, "channel digest not sent");
    if (status === "uncertain") {
      await deps.admin.notify((t) => t("notice-digest-uncertain", { reason: escapeHtml(outboxReasonText(t, failure)) }));
    }
    return { kind: "not-sent", digestId: digest.id, status, reason: sendFailureInEnglish(failure) };
  }
  log.info({ messageId, stories: items.length }, "channel digest sent");
  await deps.digests.markSent(digest.id, deps.instanceId, { messageId, now: deps.now() });
  return { kind: "sent", digestId: digest.id, messageId, stories: items.length };
}

/** The channel's posts since `since`, and the stories that aged out unposted meanwhile. */
async function gatherItems(deps: ChannelDigestDeps, since: Date, now: Date): Promise<DigestItem[]> {
  const [posts, notPosted] = await Promise.all([
    deps.posts.listForDigest(since, now),
    deps.articles.listNotPosted(new Date(since.getTime() - AUTO_POST_MAX_AGE_MS), new Date(now.getTime() - AUTO_POST_MAX_AGE_MS)),
  ]);
  return [
    ...posts.map((p) => ({ ...p, link: postLink(p.postId, p.url, deps.style.publicUrl) })),
    ...notPosted.map((a) => ({ ...a, postId: null, link: a.url, engagement: 0 })),
  ];
}
