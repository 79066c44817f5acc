/**
 * The channel's "Top stories" digests, each sent once like a channel post:
 * sending (claimed with a lease) → sent | failed (certainly not sent: its stories wait for
 * the next digest) | uncertain (Telegram may have it: never resent, and its stories count as covered).
 */
import type { Db } from "./client.js";

export type ChannelDigestStatus = "sending" | "sent" | "uncertain" | "failed";

export interface ChannelDigestRecord {
  id: number;
  status: ChannelDigestStatus;
  postIds: number[];
  since: Date;
  /** When it was claimed: it covers what went out up to then. */
  createdAt: Date;
  messageId: bigint | null;
  sentAt: Date | null;
  lastError: string | null;
}

function toRecord(row: {
  id: number;
  status: string;
  postIds: string;
  since: Date;
  createdAt: Date;
  messageId: bigint | null;
  sentAt: Date | null;
  lastError: string | null;
}): ChannelDigestRecord {
  const ids: unknown = JSON.parse(row.postIds);
  return { ...row, status: row.status as ChannelDigestStatus, postIds: Array.isArray(ids) ? ids.filter((id): id is number => typeof id === "number") : [] };
}

export type ChannelDigestsRepository = ReturnType<typeof createChannelDigestsRepository>;

export function createChannelDigestsRepository(prisma: Db) {
  return {
    /** The latest digest that is (or may be) in the channel, or being sent: the next one starts where it ended. */
    async latestCovering(): Promise<ChannelDigestRecord | null> {
      const row = await prisma.channelDigest.findFirst({ where: { status: { in: ["sending", "sent", "uncertain"] } }, orderBy: { id: "desc" } });
      return row ? toRecord(row) : null;
    },

    /**
     * Claims the sending of a new digest covering (since, now]: refused (null) while another digest
     * is being sent, so two runs never send two digests of the same stories.
     */
    async claim(input: { postIds: number[]; since: Date; owner: string; now: Date; leaseMs: number }): Promise<ChannelDigestRecord | null> {
      return prisma.$transaction(async (tx) => {
        if (await tx.channelDigest.findFirst({ where: { status: "sending" }, select: { id: true } })) return null;
        const row = await tx.channelDigest.create({
          data: {
            status: "sending",
            postIds: JSON.stringify(input.postIds),
            since: input.since,
            leaseOwner: input.owner,
            leaseUntil: new Date(input.now.getTime() + input.leaseMs),
            createdAt: input.now,
          },
        });
        return toRecord(row);
      });
    },

    /** Records the digest's message; also after its lease ran out (it went to uncertain), since now the outcome is known. */
    async markSent(id: number, owner: string, result: { messageId: number; now: Date }): Promise<boolean> {
      const { count } = await prisma.channelDigest.updateMany({
        where: { id, OR: [{ status: "sending", leaseOwner: owner }, { status: "uncertain" }] },
        data: { status: "sent", messageId: BigInt(result.messageId), sentAt: result.now, leaseOwner: null, leaseUntil: null, lastError: null },
      });
      return count === 1;
    },

    /** Ends a digest as failed (certainly not sent) or uncertain (Telegram may have it), with the reason. */
    async markUnsent(id: number, owner: string, outcome: { status: "failed" | "uncertain"; error: string }): Promise<void> {
      await prisma.channelDigest.updateMany({
        where: { id, status: "sending", leaseOwner: owner },
        data: { status: outcome.status, lastError: outcome.error, leaseOwner: null, leaseUntil: null },
      });
    },

    /** Digests left mid-send by a stopped process become uncertain: never resent blindly. Returns how many. */
    async expireLeases(now: Date): Promise<number> {
      const { count } = await prisma.channelDigest.updateMany({
        where: { status: "sending", leaseUntil: { lt: now } },
        data: { status: "uncertain", lastError: "the sending process stopped before Telegram answered", leaseOwner: null, leaseUntil: null },
      });
      return count;
    },

    list(): Promise<ChannelDigestRecord[]> {
      return prisma.channelDigest.findMany({ orderBy: { id: "asc" } }).then((rows) => rows.map(toRecord));
    },
  };
}
