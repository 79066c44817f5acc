/**
 * A full disk for SQLite tests: `PRAGMA max_page_count` stops the database file from growing
 * (SQLITE_FULL on the next write that needs a page). The pragma holds for one connection: pass
 * the client whose writes should fail (the app's).
 */
import type { Db } from "../../src/db/client.js";

/** Lets the database grow no more. */
export async function fillDisk(prisma: Db): Promise<void> {
  const rows = await prisma.$queryRawUnsafe<{ page_count: bigint }[]>("PRAGMA page_count");
  await prisma.$queryRawUnsafe(`PRAGMA max_page_count = ${Number(rows[0]!.page_count)}`);
}

/** Gives the room back (SQLite's default limit). */
export async function freeDisk(prisma: Db): Promise<void> {
  await prisma.$queryRawUnsafe("PRAGMA max_page_count = 1073741823");
}
