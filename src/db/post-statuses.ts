/** Every status a channel post can have (a module of its own so the CLI's help loads no database code). */
export const POST_STATUSES = ["draft", "review", "queued", "scheduled", "sending", "sent", "failed", "cancelled", "uncertain", "deleted", "skipped"] as const;
export type PostStatus = (typeof POST_STATUSES)[number];
