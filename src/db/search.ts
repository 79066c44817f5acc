/**
 * Article search for readers: every word must appear in the headline or the
 * summary, case-insensitively, newest first; removed stories never match. Raw SQL because both providers need
 * LIKE ... ESCAPE (a reader's "%" is a percent sign, not a wildcard) and
 * PostgreSQL needs ILIKE to ignore case; SQLite's LIKE ignores ASCII case only, so there a
 * word in another script is also tried capitalised and in either case ("выборы" finds "Выборы").
 */
import { Prisma } from "../generated/sqlite/client.js";
import type { Provider } from "./schema-files.js";
import { NOT_REMOVED } from "./articles.js";
import type { Database } from "./client.js";
import { NO_READ_CACHE, type ReadCache } from "./read-cache.js";
import { LIKE_ESCAPE, likeContains } from "../readers/search-terms.js";

/** A search hit: what a link line or an inline result shows. */
export interface SearchHit {
  id: number;
  url: string;
  headline: string;
  summary: string;
  sortAt: Date;
}

export type SearchRepository = ReturnType<typeof createSearchRepository>;

/** SQLite's LIKE folds ASCII case only: other scripts' words are tried as typed, lower-case, capitalised and upper-case. */
function caseVariants(word: string): string[] {
  const lower = word.toLowerCase();
  return [...new Set([word, lower, lower.charAt(0).toUpperCase() + lower.slice(1), word.toUpperCase()])];
}

function wordCondition(provider: Provider, word: string): Prisma.Sql {
  if (provider === "postgresql") {
    const pattern = likeContains(word);
    return Prisma.sql`("headline" ILIKE ${pattern} ESCAPE ${LIKE_ESCAPE} OR "summary" ILIKE ${pattern} ESCAPE ${LIKE_ESCAPE})`;
  }
  const variants = caseVariants(word).map((variant) => {
    const pattern = likeContains(variant);
    return Prisma.sql`"headline" LIKE ${pattern} ESCAPE ${LIKE_ESCAPE} OR "summary" LIKE ${pattern} ESCAPE ${LIKE_ESCAPE}`;
  });
  return Prisma.sql`(${Prisma.join(variants, " OR ")})`;
}

/** Recent searches are answered from the database's read cache (none without one): the same words, the same hits. */
export function createSearchRepository(db: Pick<Database, "prisma" | "provider"> & { readCache?: ReadCache }) {
  const { prisma, provider } = db;
  const cache = db.readCache ?? NO_READ_CACHE;
  return {
    /** Articles matching every word, newest first; none for no words. */
    search(words: string[], limit: number): Promise<SearchHit[]> {
      if (words.length === 0 || limit <= 0) return Promise.resolve([]);
      return cache.get(`search:${limit}:${JSON.stringify(words)}`, () => searchNow(words, limit));
    },

    /** The newest articles (inline mode with an empty query). */
    latest(limit: number): Promise<SearchHit[]> {
      return cache.get(`search-latest:${limit}`, () =>
        prisma.article.findMany({
          where: NOT_REMOVED,
          orderBy: [{ sortAt: "desc" }, { id: "desc" }],
          take: limit,
          select: { id: true, url: true, headline: true, summary: true, sortAt: true },
        }),
      );
    },
  };

  async function searchNow(words: string[], limit: number): Promise<SearchHit[]> {
    const where = Prisma.join(
      words.map((word) => wordCondition(provider, word)),
      " AND ",
    );
    const matches = await prisma.$queryRaw<{ id: number | bigint }[]>`
      SELECT "id" FROM "Article" WHERE "removedAt" IS NULL AND ${where} ORDER BY "sortAt" DESC, "id" DESC LIMIT ${limit}`;
    const ids = matches.map((row) => Number(row.id));
    if (ids.length === 0) return [];
    const rows = await prisma.article.findMany({
      where: { id: { in: ids } },
      select: { id: true, url: true, headline: true, summary: true, sortAt: true },
    });
    const byId = new Map(rows.map((row) => [row.id, row]));
    return ids.flatMap((id) => byId.get(id) ?? []);
  }
}
