/**
 * Breaking news goes out one way, whoever asks for it (/breaking, a preview's button, a review
 * card or a draft): the post, already marked breaking (so it carries BREAKING_MARKER and is sent
 * with notification), is sent now, ahead of the queue, through the once-only outbox, and readers
 * following its topics are alerted at once, even those who chose a digest.
 */
import type { PublishOutcome } from "../publish/outbox.js";

export interface BreakingNewsDeps {
  /** Sends one post through the outbox now. */
  publish: (postId: number) => Promise<PublishOutcome>;
  /** Told when breaking news went out, so readers' alerts go at once rather than at the next tick. */
  breakingSent?: (postId: number) => void;
}

/** Sends a post marked breaking now, then has its readers alerted at once. */
export type SendBreaking = (postId: number) => Promise<PublishOutcome>;

export function createSendBreaking(deps: BreakingNewsDeps): SendBreaking {
  return async (postId) => {
    const outcome = await deps.publish(postId);
    if (outcome.kind === "sent") deps.breakingSent?.(postId);
    return outcome;
  };
}
