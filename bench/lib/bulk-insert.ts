/**
 * Loading benchmark data fast: a seeded random generator (the same data on every run
 * and provider) and multi-row INSERTs of literal values.
 */
import type { Database } from "../../src/db/client.js";

/** mulberry32: a fixed seed gives the same sequence on every run. */
export function prng(seed: number): () => number {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export type Value = string | number | boolean | bigint | Date | null;

const CHUNK = 1_000;

/**
 * Inserts rows with multi-row INSERT statements of literal values, in chunks of
 * `chunk` rows: the ORM's createMany takes minutes for a few hundred thousand rows.
 * Dates are written the way Prisma's adapters store them.
 */
export async function insertRows(db: Database, table: string, rows: Record<string, Value>[], chunk = CHUNK): Promise<void> {
  const columns = Object.keys(rows[0] ?? {});
  const literal = (value: Value): string => {
    if (value === null) return "NULL";
    if (value instanceof Date) {
      const iso = value.toISOString();
      return db.provider === "sqlite" ? `'${iso.replace("Z", "+00:00")}'` : `'${iso.replace("T", " ").replace("Z", "")}'`;
    }
    if (typeof value === "boolean") return db.provider === "sqlite" ? (value ? "1" : "0") : String(value);
    if (typeof value === "string") return `'${value.replace(/'/g, "''")}'`;
    return String(value);
  };
  for (let i = 0; i < rows.length; i += chunk) {
    const values = rows
      .slice(i, i + chunk)
      .map((row) => `(${columns.map((c) => literal(row[c] ?? null)).join(",")})`)
      .join(",");
    await db.prisma.$executeRawUnsafe(`INSERT INTO "${table}" (${columns.map((c) => `"${c}"`).join(",")}) VALUES ${values}`);
  }
}
