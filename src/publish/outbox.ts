/**
 * The outbox worker: sends channel posts one at a time, never twice, never losing
 * one silently. Each send is claimed with a lease before the Telegram call and
 * marked sent with the message id after it; a claim whose lease ran out without a
 * result becomes "uncertain" and is reported to the editors, naming the headline.
 */
import type { Translate } from "../i18n/translate.js";
import type { Api } from "grammy";
import type { InlineKeyboardMarkup } from "grammy/types";

import type { AdminNotifier } from "../ops/admin-notifier.js";
import type { ChatRef } from "../config.js";
import type { ArticlesRepository } from "../db/articles.js";
import type { ChannelPostsRepository, PostRecord } from "../db/channel-posts.js";
import type { SettingsRepository } from "../db/settings.js";
import { maybeInChannelText } from "../editorial/maybe-in-channel-text.js";
import { outboxReasonText } from "../editorial/outbox-reason-text.js";
import { storeReason } from "../i18n/stored-reason.js";
import type { Logger } from "../logger.js";
import { describeError } from "../ops/describe-error.js";
import type { Metrics } from "../ops/metrics.js";
import { AUTO_POST_MAX_AGE_MS, autoPostingBlock, type PostingRules } from "./posting-policy.js";
import { slotToServe } from "./post-slots.js";
import { readSendFailure, sendFailureInEnglish, type OutboxWait, type SendFailure } from "./outbox-reason.js";
import type { SendBudget } from "./send-budget.js";
import type { SendConfirmations } from "./send-confirmations.js";
import { planPostMessage, type PostMessage, type PostStyle } from "./post-message.js";
import { postingForbiddenText, storePostingForbidden, type PostingForbidden } from "./posting-forbidden.js";
import { classifySendFailure, decideSendFailure, isPictureRefused } from "./send-failure-policy.js";
import { pickBestStory } from "./story-score.js";
import { escapeHtml } from "./telegram-html.js";

/** Longer than the longest send (the outbox's API calls time out after 20 s). */
export const SEND_LEASE_MS = 90_000;
/**
 * How long a claimed post may wait for the send budget (which a flood wait can hold): well inside
 * the lease, so a post that was certainly not sent is never reported as "uncertain".
 */
export const BUDGET_WAIT_MS = SEND_LEASE_MS - 30_000;
/** How often a post's lease is renewed while its send (or the recording of its message id) is in flight. */
export const LEASE_RENEW_MS = SEND_LEASE_MS / 3;

/** Settings keys the outbox reads. */
export const OUTBOX_PAUSED = "outbox.paused";
export const OUTBOX_FORBIDDEN = "outbox.forbidden";

export interface OutboxDeps {
  posts: ChannelPostsRepository;
  articles: ArticlesRepository;
  settings: SettingsRepository;
  /** An Api without auto-retry: the outbox applies its own retry policy. */
  api: Pick<Api, "sendMessage" | "sendPhoto">;
  /** Shared with readers' alerts; channel posts take priority. */
  budget: SendBudget;
  channelId: ChatRef;
  admin: AdminNotifier;
  logger: Logger;
  instanceId: string;
  now: () => Date;
  /** How posts look and sound (POST_MEDIA, SILENT_POSTS, the format, PUBLIC_URL). */
  style: PostStyle;
  rules: PostingRules;
  /** POST_SLOTS; null or absent: every run may post (POST_CRON). */
  slots?: SlotRules | null;
  /** Defaults to {@link BUDGET_WAIT_MS}. */
  budgetWaitMs?: number;
  /** Counts posts sent and failed sends; optional (nothing is counted without it). */
  metrics?: Pick<Metrics, "postsSent" | "postsFailed" | "photosRefused">;
  /** Message ids Telegram returned that are still being recorded (shared by every send of this process). */
  confirmations: SendConfirmations;
  /** The buttons under the editors' notice of an uncertain post (Send anyway · Mark as sent). */
  uncertainKeyboard?: (postId: number, t: Translate) => InlineKeyboardMarkup;
  /** Calls `tick` every `ms` until the returned function is called (tests drive it by hand). */
  repeat?: (ms: number, tick: () => Promise<void>) => () => void;
}

export type PublishOutcome =
  | { kind: "sent"; postId: number; messageId: number }
  | { kind: "idle"; reason: OutboxWait }
  | { kind: "not-sent"; postId: number; action: string; reason: SendFailure };

/**
 * Sends a post's message to the channel. Channel posts never carry an inline keyboard: it
 * would hide the channel's comments button.
 */
async function sendToChannel(deps: OutboxDeps, message: PostMessage): Promise<number> {
  const common = { parse_mode: "HTML" as const, disable_notification: message.disableNotification };
  if (message.media === "photo") {
    return (await deps.api.sendPhoto(deps.channelId, message.photo, { ...common, caption: message.caption })).message_id;
  }
  return (await deps.api.sendMessage(deps.channelId, message.text, { ...common, link_preview_options: message.linkPreview })).message_id;
}

/** POST_SLOTS, as the outbox needs them. */
export interface SlotRules {
  /** Minutes after midnight, in the rules' time zone, sorted. */
  minutes: number[];
  /** A slot missed by more than this (the bot was down) is let pass. */
  graceMs: number;
}

/** Settings key: the latest POST_SLOTS slot served (ISO time). */
export const LAST_SLOT_SERVED = "outbox.lastSlot";
/** A slot the outbox did not see within this long after it passed is let pass. */
export const SLOT_GRACE_MS = 30 * 60_000;

/**
 * Picks the post due now and sends it: breaking news, then editors' posts, then the best
 * waiting story by the selection score (src/publish/story-score.ts) — not the oldest. With
 * POST_SLOTS, posts an editor gave a time go at that time; everything else waits for a slot,
 * and each slot takes one post.
 */
export async function publishNextPost(deps: OutboxDeps, options: { postId?: number } = {}): Promise<PublishOutcome> {
  const now = deps.now();
  await recoverOutbox(deps);
  if (await deps.settings.get(OUTBOX_FORBIDDEN)) {
    return { kind: "idle", reason: { code: "posting-forbidden" } };
  }
  let post: PostRecord | null;
  if (options.postId !== undefined) {
    post = await deps.posts.get(options.postId);
    if (!post) return { kind: "idle", reason: { code: "no-such-post", postId: options.postId } };
  } else if (deps.slots) {
    post = await deps.posts.nextDue(now, ["editor"], { timedOnly: true });
    if (!post) {
      const slot = slotToServe({ now, slots: deps.slots.minutes, timezone: deps.rules.timezone, lastServed: await lastSlotServed(deps), graceMs: deps.slots.graceMs });
      if (!slot) return { kind: "idle", reason: { code: "waiting-for-slot" } };
      await deps.settings.set(LAST_SLOT_SERVED, slot.toISOString());
      const picked = await pickPost(deps, now);
      if ("kind" in picked) return picked;
      post = picked.post;
    }
  } else {
    const picked = await pickPost(deps, now);
    if ("kind" in picked) return picked;
    post = picked.post;
  }
  return sendPost(deps, post);
}

async function lastSlotServed(deps: OutboxDeps): Promise<Date | null> {
  const value = await deps.settings.get(LAST_SLOT_SERVED);
  return value ? new Date(value) : null;
}

/** The post to send now: an editor's, else (when automatic posting may) a waiting automatic one or the best story. */
async function pickPost(deps: OutboxDeps, now: Date): Promise<{ post: PostRecord } | PublishOutcome> {
  const editors = await deps.posts.nextDue(now, ["editor"]);
  if (editors) return { post: editors };
  const block = autoPostingBlock(now, deps.rules, {
    paused: (await deps.settings.get(OUTBOX_PAUSED)) !== null,
    sentInLastHour: deps.rules.maxPostsPerHour === null ? 0 : await deps.posts.countSentSince(new Date(now.getTime() - 3_600_000)),
  });
  if (block) return { kind: "idle", reason: { code: "auto-held", block } };
  const retry = await deps.posts.nextDue(now, ["auto"]);
  if (retry) return { post: retry };
  const best = pickBestStory(await deps.articles.candidatesToPost(new Date(now.getTime() - AUTO_POST_MAX_AGE_MS)), now);
  if (!best) return { kind: "idle", reason: { code: "nothing-new" } };
  const created = await deps.posts.create({ articleId: best.id, origin: "auto" });
  if (!created) return { kind: "idle", reason: { code: "taken-elsewhere" } };
  return { post: created };
}

function repeatEvery(ms: number, tick: () => Promise<void>): () => void {
  const timer = setInterval(() => void tick(), ms);
  timer.unref();
  return () => clearInterval(timer);
}

/**
 * Renews a claimed post's lease while its send is in flight, so a slow send or a stalled
 * event loop never makes the watchdog call it uncertain. Returns the idempotent stop.
 */
function keepLeaseWhileSending(deps: OutboxDeps, postId: number, log: Logger): () => void {
  const renew = async (): Promise<void> => {
    try {
      const kept = await deps.posts.renewLease(postId, deps.instanceId, new Date(deps.now().getTime() + SEND_LEASE_MS));
      if (!kept) log.debug("the post is no longer sending under this instance's lease");
    } catch (error) {
      log.warn({ err: error }, "could not renew the post's sending lease; trying again");
    }
  };
  const stop = (deps.repeat ?? repeatEvery)(LEASE_RENEW_MS, renew);
  let stopped = false;
  return () => {
    if (!stopped) stop();
    stopped = true;
  };
}

async function sendPost(deps: OutboxDeps, post: PostRecord): Promise<PublishOutcome> {
  const log = deps.logger.child({ postId: post.id, articleId: post.articleId });
  const claimedAt = deps.now();
  if (!(await deps.posts.claim(post.id, deps.instanceId, claimedAt, SEND_LEASE_MS))) {
    return { kind: "idle", reason: { code: "not-waiting", postId: post.id } };
  }
  const stopRenewing = keepLeaseWhileSending(deps, post.id, log);
  // When sent, the renewal goes on until the message id is recorded (see confirmations).
  const outcome = await sendClaimedPost(deps, post, log, stopRenewing).catch((error: unknown) => {
    stopRenewing();
    throw error;
  });
  if (outcome.kind !== "sent") stopRenewing();
  return outcome;
}

async function sendClaimedPost(deps: OutboxDeps, post: PostRecord, log: Logger, stopRenewing: () => void): Promise<PublishOutcome> {
  let message = planPostMessage(post, deps.style);
  let messageId: number | null = null;
  // At most two sends within this claim: the post as planned and, when Telegram refused its
  // picture (a 400: certainly not sent), the same post once as a preview.
  while (messageId === null) {
    try {
      await deps.budget.take(deps.channelId, "channel", AbortSignal.timeout(deps.budgetWaitMs ?? BUDGET_WAIT_MS));
    } catch {
      const reason: SendFailure = { code: "budget-wait" };
      await deps.posts.release(post.id, deps.instanceId, { error: storeReason(reason), nextAttemptAt: deps.now() });
      deps.metrics?.postsFailed.inc("flood_wait");
      log.warn("channel post not sent: the send budget stayed paused");
      return { kind: "not-sent", postId: post.id, action: "retry", reason };
    }
    try {
      messageId = await sendToChannel(deps, message);
    } catch (error) {
      if (message.media === "photo" && isPictureRefused(error)) {
        deps.metrics?.photosRefused.inc();
        log.warn({ ...describeError(error), photo: message.photo }, "Telegram refused the post's picture; sending it as a preview instead");
        message = planPostMessage(post, deps.style, "preview");
        continue;
      }
      return handleSendFailure(deps, post, log, error);
    }
  }
  // Logged before anything else can fail: with this line an operator can always record the post by hand.
  deps.metrics?.postsSent.inc();
  log.info({ messageId, media: message.media }, "channel post sent");
  const chatId = String(deps.channelId);
  await deps.confirmations.confirm({
    postId: post.id,
    messageId,
    chatId,
    // A write that reached the database but whose answer was lost shows up as already recorded.
    record: async () =>
      (await deps.posts.markSent(post.id, deps.instanceId, { chatId, messageId, now: deps.now(), media: message.media })) ||
      (await deps.posts.get(post.id))?.telegramMessageId === BigInt(messageId),
    settled: stopRenewing,
  });
  return { kind: "sent", postId: post.id, messageId };
}

/** A send Telegram did not take: retried, paused for lost rights, or ended and reported, as the policy says. */
async function handleSendFailure(deps: OutboxDeps, post: PostRecord, log: Logger, error: unknown): Promise<PublishOutcome> {
  const attempt = post.attempts + 1;
  const action = decideSendFailure(error, attempt, deps.now());
  deps.metrics?.postsFailed.inc(classifySendFailure(error));
  if (action.kind === "retry" && action.floodWaitMs !== null) deps.budget.pause(action.floodWaitMs);
  log.warn({ ...describeError(error), action: action.kind }, "channel post not sent");
  const stored = storeReason(action.failure);
  if (action.kind === "retry") {
    await deps.posts.release(post.id, deps.instanceId, { error: stored, nextAttemptAt: action.retryAt });
  } else if (action.kind === "forbidden") {
    await deps.posts.release(post.id, deps.instanceId, { error: stored, nextAttemptAt: deps.now() });
    await pauseForLostRights(deps, action.failure.description);
  } else {
    await deps.posts.markUnsent(post.id, deps.instanceId, { status: action.kind === "fail" ? "failed" : "uncertain", error: stored });
    await reportProblemPosts(deps);
  }
  return { kind: "not-sent", postId: post.id, action: action.kind, reason: action.failure };
}

async function pauseForLostRights(deps: OutboxDeps, reason: string): Promise<void> {
  if (await deps.settings.get(OUTBOX_FORBIDDEN)) return;
  const forbidden: PostingForbidden = { code: "telegram-refused", description: reason };
  await deps.settings.set(OUTBOX_FORBIDDEN, storePostingForbidden(forbidden));
  deps.logger.error({ reason }, "the bot may not post in the channel: posting is paused until its rights return");
  await deps.admin.notify((t) => t("notice-posting-lost", { reason: escapeHtml(postingForbiddenText(t, forbidden)) }));
}

/**
 * Turns expired sending leases into uncertain posts and tells the editors about
 * every failed or uncertain post they have not heard of. Runs every tick and on a
 * short watchdog timer, so a crash mid-send is reported within a couple of minutes.
 */
export async function recoverOutbox(deps: ProblemReportDeps): Promise<void> {
  const expired = await deps.posts.expireLeases(deps.now(), deps.confirmations.pendingPostIds());
  if (expired > 0) {
    deps.metrics?.postsFailed.inc("uncertain", expired);
    deps.logger.error({ count: expired }, "posts were left mid-send by a stopped process; marked uncertain");
  }
  await reportProblemPosts(deps);
}

type ProblemReportDeps = Pick<OutboxDeps, "posts" | "admin" | "logger" | "now" | "confirmations" | "uncertainKeyboard" | "metrics"> & {
  rules: Pick<PostingRules, "timezone">;
};

async function reportProblemPosts(deps: ProblemReportDeps): Promise<void> {
  const problems = await deps.posts.unreported();
  for (const post of problems) {
    if (!(await deps.posts.claimReport(post.id, deps.now()))) continue;
    const uncertain = post.status === "uncertain";
    const failure = readSendFailure(post.lastError);
    const text = (t: Translate): string => {
      const reason = failure && outboxReasonText(t, failure);
      return uncertain
        ? `⚠️ ${escapeHtml(maybeInChannelText(t, { postId: post.id, headline: post.article.headline, interruptedAt: post.sendStartedAt, reason }, deps.now(), deps.rules.timezone))}`
        : t("notice-post-failed", { id: post.id, headline: escapeHtml(post.article.headline), reason: escapeHtml(reason ?? t("notice-unknown-error")) });
    };
    deps.logger.error({ postId: post.id, status: post.status, reason: failure && sendFailureInEnglish(failure) }, "reporting a post that did not go out cleanly");
    const buttons = uncertain ? deps.uncertainKeyboard : undefined;
    const told = await deps.admin.notify(text, buttons ? { keyboard: (t) => buttons(post.id, t) } : {});
    // Without a reachable admin chat the log line above is the report; try the chat again next time.
    if (!told) await deps.posts.unclaimReport(post.id);
  }
}
