/** Prisma's error for a row that would break a unique constraint (a row with that key exists). */
export function isUniqueViolation(error: unknown): boolean {
  return (error as { code?: string } | null)?.code === "P2002";
}
