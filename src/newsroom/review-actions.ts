/**
 * Review before posting: stories that wait for an editor's decision (a review feed's new
 * stories, dead links, editors' drafts) and the cards that show them in the admin chat.
 * Decisions are race-safe (the post's status decides who wins), audited, and edit every
 * card of the story in place so no card keeps buttons after the story was decided.
 */
import type { AuditLogRepository } from "../db/audit-log.js";
import type { AuditAction } from "../editorial/audit-line.js";
import type { Translate } from "../i18n/translate.js";
import type { SettingsRepository } from "../db/settings.js";
import { PENDING, type CardRecord, type ChannelPostsRepository, type PostDecision, type PostStatus } from "../db/channel-posts.js";
import { reviewCardLines, withCardLines } from "../editorial/review-card-text.js";
import type { PublishOutcome } from "../publish/outbox.js";
import type { OutboxReason } from "../publish/outbox-reason.js";
import { planPostMessage, planTextMessage, type PostMessage, type PostStyle, type TextPostMessage } from "../publish/post-message.js";
import { visibleLength } from "../publish/telegram-html.js";
import type { Actor } from "./actor.js";
import type { SendBreaking } from "./breaking-news.js";

/** Which buttons a card carries: a review story's, a draft's, or none (decided). */
export type CardButtons = "review" | "draft" | null;

/** A card as the admin chat shows it: the post as it would appear, with the card's lines under it. */
export interface CardView {
  postId: number;
  /** The card as sent: a photo with the post's caption, or a text with the post's link preview setting. */
  message: PostMessage;
  /** The card without its picture (a /review page, or when Telegram refuses the picture): the post as a preview. */
  withoutPicture: TextPostMessage;
  buttons: CardButtons;
}

export interface CardRef {
  chatId: string;
  messageId: number;
}

/** The admin chat's cards (Telegram in production). */
export interface ReviewCards {
  /** Sends a card to the admin chat (without its picture when Telegram refuses it); null when there is none or it could not be reached. */
  send(card: CardView): Promise<CardRef | null>;
  /** Edits a card in place (its caption or text, and its buttons). */
  edit(at: CardRef, card: CardView): Promise<void>;
}

export interface ReviewActionsDeps {
  posts: ChannelPostsRepository;
  audit: AuditLogRepository;
  /** Holds how far stories for review were offered (REVIEW_CARDS_OFFERED). */
  settings: Pick<SettingsRepository, "get" | "swap">;
  cards: ReviewCards;
  /** Sends one post through the outbox. */
  publish: (postId: number) => Promise<PublishOutcome>;
  /** Sends a post marked breaking: the one way breaking news goes out (alerts at once included). */
  sendBreaking: SendBreaking;
  /** How posts look (the outbox's own): a card shows its post exactly as it would go out. */
  style: () => PostStyle;
  /** The admin chat's words (ADMIN_LANGUAGE): a card is the whole chat's, whoever decides it. */
  translate: () => Translate;
  now: () => Date;
  timezone: string;
  /** REVIEW_CARDS_PER_RUN. */
  cardsPerRun: number;
  /** Logs a card that could not be edited (the decision stands). */
  onCardError?: (postId: number, error: unknown) => void;
}

/** What an editor can decide on a draft or review story. */
export type DecisionAction = "post" | "breaking" | "schedule" | "skip";

export type DecisionOutcome =
  | { kind: "posted"; postId: number; messageId: number; breaking: boolean }
  /** Decided, but the outbox did not send it now (paused rights, Telegram refused…): it stays queued. */
  | { kind: "approved"; postId: number; breaking: boolean; reason: OutboxReason }
  | { kind: "scheduled"; postId: number; when: Date }
  | { kind: "skipped"; postId: number; status: "skipped" | "cancelled" }
  | { kind: "already-decided"; postId: number; decision: PostDecision; byName: string | null }
  | { kind: "not-pending"; postId: number; status: PostStatus }
  | { kind: "not-found"; postId: number };

/** One /review page: the card of the `index`-th story waiting for review. */
export type ReviewPage = { kind: "empty" } | { kind: "page"; index: number; total: number; card: CardView };

const STATUS_OF: Record<DecisionAction, { decision: PostDecision; status: PostStatus }> = {
  post: { decision: "posted", status: "queued" },
  breaking: { decision: "breaking", status: "queued" },
  schedule: { decision: "scheduled", status: "scheduled" },
  skip: { decision: "skipped", status: "skipped" },
};

/** How the audit log names each decision (/log has a sentence for each). */
const AUDITED_AS: Record<PostDecision, AuditAction> = {
  posted: "post.approve",
  breaking: "post.breaking",
  scheduled: "post.scheduled",
  skipped: "post.skipped",
  cancelled: "post.cancelled",
};

/** The setting holding the newest post id whose story for review was offered (its card sent, or left under /review). */
export const REVIEW_CARDS_OFFERED = "review.cards-offered-through";

export type ReviewActions = ReturnType<typeof createReviewActions>;

export function createReviewActions(deps: ReviewActionsDeps) {
  const { posts } = deps;

  /** The card of a post as it stands; `kind` says whether it is a draft's (an editor's /queue) or a review story's. */
  const viewOf = (record: CardRecord, kind: "draft" | "review"): CardView => {
    const { post } = record;
    const lines = reviewCardLines(
      deps.translate(),
      {
        kind,
        postId: post.id,
        status: post.status,
        url: post.article.url,
        sourceName: record.sourceName,
        time: record.publishedAt ?? record.sortAt,
        holdReason: record.holdReason,
        queuedByName: post.queuedByName,
        scheduledAt: post.scheduledAt,
        lastError: post.lastError,
        decision: record.decision,
      },
      deps.timezone,
      deps.now(),
    );
    // The post is planned leaving room for the lines: only its summary is shortened to fit.
    const reserve = visibleLength(`\n\n${lines}`);
    const style = deps.style();
    const message = withCardLines(planPostMessage(post, style, style.media, reserve), lines);
    const withoutPicture = message.media === "photo" ? withCardLines(planTextMessage(post, style, reserve), lines) : message;
    const pending = PENDING.includes(post.status);
    return { postId: post.id, message, withoutPicture, buttons: pending ? kind : null };
  };

  /** A waiting post's card kind (decided cards are drawn by the decision, which knows what it was). */
  const kindOf = (record: CardRecord): "draft" | "review" => (record.post.status === "draft" ? "draft" : "review");

  /** Edits the story's card and the card pressed (when another message) to show it as it stands now. */
  const refreshCards = async (postId: number, pressed: CardRef | null, kind?: "draft" | "review"): Promise<void> => {
    const record = await posts.getCard(postId);
    if (!record) return;
    const view = viewOf(record, kind ?? kindOf(record));
    const refs = [record.card, pressed].filter((r): r is CardRef => r !== null);
    const unique = refs.filter((r, i) => refs.findIndex((o) => o.chatId === r.chatId && o.messageId === r.messageId) === i);
    for (const ref of unique) {
      try {
        await deps.cards.edit(ref, view);
      } catch (error) {
        deps.onCardError?.(postId, error);
      }
    }
  };

  const decide = async (input: { postId: number; action: DecisionAction; when?: Date | null; actor: Actor; pressed?: CardRef | null }): Promise<DecisionOutcome> => {
    const { postId, action, actor } = input;
    const record = await posts.getCard(postId);
    if (!record) return { kind: "not-found", postId };
    const before = record.post;
    if (!PENDING.includes(before.status)) {
      return record.decision
        ? { kind: "already-decided", postId, decision: record.decision.kind, byName: record.decision.byName }
        : { kind: "not-pending", postId, status: before.status };
    }
    const kind = before.status === "draft" ? "draft" : "review";
    const target = STATUS_OF[action];
    const skipped = action === "skip" && kind === "draft" ? ({ decision: "cancelled", status: "cancelled" } as const) : target;
    const when = action === "schedule" ? (input.when ?? null) : null;
    const won = await posts.decide(postId, {
      from: PENDING,
      status: action === "schedule" && !when ? "queued" : skipped.status,
      decision: skipped.decision,
      by: { id: BigInt(actor.id), name: actor.name },
      at: deps.now(),
      scheduledAt: action === "skip" ? undefined : when,
      breaking: action === "breaking",
    });
    if (!won) {
      // Another editor decided first: theirs stands.
      const now = await posts.getCard(postId);
      if (now?.decision) return { kind: "already-decided", postId, decision: now.decision.kind, byName: now.decision.byName };
      return { kind: "not-pending", postId, status: now?.post.status ?? before.status };
    }
    await deps.audit.record({
      actorId: actor.id,
      actorName: actor.name,
      action: AUDITED_AS[skipped.decision],
      subject: `post #${postId}`,
      before: { status: before.status },
      after: { status: skipped.status, ...(when ? { scheduledAt: when.toISOString() } : {}), ...(action === "breaking" ? { breaking: true } : {}) },
    });
    let outcome: DecisionOutcome;
    if (action === "post" || action === "breaking") {
      const breaking = action === "breaking";
      const published = await (breaking ? deps.sendBreaking : deps.publish)(postId);
      outcome =
        published.kind === "sent"
          ? { kind: "posted", postId, messageId: published.messageId, breaking }
          : { kind: "approved", postId, breaking, reason: published.reason };
    } else if (action === "schedule") {
      outcome = when ? { kind: "scheduled", postId, when } : { kind: "approved", postId, breaking: false, reason: { code: "queued-for-slot" } };
    } else {
      outcome = { kind: "skipped", postId, status: skipped.status as "skipped" | "cancelled" };
    }
    await refreshCards(postId, input.pressed ?? null, kind);
    return outcome;
  };

  /** The card of the `index`-th story waiting for review (clamped), or empty. */
  const page = async (index: number): Promise<ReviewPage> => {
    const first = await posts.listPending(["review"], { skip: Math.max(0, index), take: 1 });
    if (first.total === 0) return { kind: "empty" };
    const at = Math.min(Math.max(0, index), first.total - 1);
    const list = at === index ? first : await posts.listPending(["review"], { skip: at, take: 1 });
    const post = list.posts[0];
    const record = post ? await posts.getCard(post.id) : null;
    if (!record) return { kind: "empty" };
    return { kind: "page", index: at, total: list.total, card: viewOf(record, "review") };
  };

  return {
    decide,

    /**
     * Offers the stories for review that arrived since the last offer (the bot's ingest run, or
     * `cli ingest` in another process): sends the cards of at most REVIEW_CARDS_PER_RUN of them;
     * the rest wait under /review. Each arrival is offered once, by one instance: the first to
     * move the "offered through" mark sends its cards. Returns how many cards went.
     */
    async sendNewCards(): Promise<number> {
      const offered = await deps.settings.get(REVIEW_CARDS_OFFERED);
      const after = offered === null ? 0 : Number(offered);
      const through = await posts.lastId();
      if (through <= after || !(await deps.settings.swap(REVIEW_CARDS_OFFERED, offered, String(through)))) return 0;
      const ids = await posts.reviewWithoutCard({ after, through }, deps.cardsPerRun);
      let sent = 0;
      for (const id of ids) {
        const record = await posts.getCard(id);
        if (!record || record.post.status !== "review") continue;
        const ref = await deps.cards.send(viewOf(record, "review"));
        if (!ref) break;
        await posts.setCard(id, ref);
        sent++;
      }
      return sent;
    },

    /** Why a story takes no decision now (decided, gone, never pending), or null while it waits for one. */
    async whyNotPending(postId: number): Promise<Extract<DecisionOutcome, { kind: "already-decided" | "not-pending" | "not-found" }> | null> {
      const record = await posts.getCard(postId);
      if (!record) return { kind: "not-found", postId };
      if (PENDING.includes(record.post.status)) return null;
      return record.decision
        ? { kind: "already-decided", postId, decision: record.decision.kind, byName: record.decision.byName }
        : { kind: "not-pending", postId, status: record.post.status };
    },

    /** One /review page. */
    page,

    /** Records that `at` now shows the story's card (a /review page or a /queue preview), forgetting what it showed before. */
    async attachCard(postId: number, at: CardRef): Promise<void> {
      await posts.clearCardAt(at);
      await posts.setCard(postId, at);
    },

    /** The card of a draft (the /queue preview). */
    async draftCard(postId: number): Promise<CardView | null> {
      const record = await posts.getCard(postId);
      return record ? viewOf(record, "draft") : null;
    },

    /** Shows a changed story (an edit) on its card; decided cards are left as they are. */
    async refreshCard(postId: number): Promise<void> {
      const record = await posts.getCard(postId);
      if (record && PENDING.includes(record.post.status)) await refreshCards(postId, null);
    },

    /** How many stories wait for review and how many drafts wait for Post now or Schedule. */
    async counts(): Promise<{ review: number; drafts: number }> {
      const [review, drafts] = await Promise.all([
        posts.listPending(["review"], { skip: 0, take: 0 }),
        posts.listPending(["draft"], { skip: 0, take: 0 }),
      ]);
      return { review: review.total, drafts: drafts.total };
    },
  };
}
