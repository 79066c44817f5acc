/**
 * Headline corrections offered to editors: a feed changed the headline of a story after its
 * post went out. pending → applied | ignored (by an editor) | superseded (a newer change of the
 * same post came). Each decision is taken atomically, so one card gets exactly one.
 */
import type { Db } from "./client.js";

export type CorrectionStatus = "pending" | "applied" | "ignored" | "superseded";

/** A correction with who decided it. */
export interface CorrectionRecord {
  id: number;
  postId: number;
  oldHeadline: string;
  newHeadline: string;
  status: CorrectionStatus;
  decidedByName: string | null;
  decidedAt: Date | null;
}

const select = {
  id: true,
  postId: true,
  oldHeadline: true,
  newHeadline: true,
  status: true,
  decidedByName: true,
  decidedAt: true,
} as const;

export type PostCorrectionsRepository = ReturnType<typeof createPostCorrectionsRepository>;

export function createPostCorrectionsRepository(prisma: Db) {
  return {
    get(id: number): Promise<CorrectionRecord | null> {
      return prisma.postCorrection
        .findUnique({ where: { id }, select })
        .then((row) => (row ? { ...row, status: row.status as CorrectionStatus } : null));
    },

    /** Offers a new correction of a post; an older one still pending is superseded (only the latest change can be applied). */
    async offer(input: { postId: number; oldHeadline: string; newHeadline: string }): Promise<CorrectionRecord> {
      await prisma.postCorrection.updateMany({ where: { postId: input.postId, status: "pending" }, data: { status: "superseded" } });
      const row = await prisma.postCorrection.create({ data: input, select });
      return { ...row, status: row.status as CorrectionStatus };
    },

    /** Records an editor's decision on a pending correction: true for exactly one caller. */
    async decide(id: number, decision: { status: "applied" | "ignored"; byId: number; byName: string | null; at: Date }): Promise<boolean> {
      const updated = await prisma.postCorrection.updateMany({
        where: { id, status: "pending" },
        data: { status: decision.status, decidedById: BigInt(decision.byId), decidedByName: decision.byName, decidedAt: decision.at },
      });
      return updated.count === 1;
    },

    /** Hands a decision back (Telegram refused the edit): the card may be pressed again. */
    async reopen(id: number): Promise<void> {
      await prisma.postCorrection.updateMany({ where: { id }, data: { status: "pending", decidedById: null, decidedByName: null, decidedAt: null } });
    },
  };
}
