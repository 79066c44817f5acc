/** Database failures in words an operator can act on, from the errors the real drivers raise. */
import { PrismaBetterSqlite3 } from "@prisma/adapter-better-sqlite3";
import Sqlite from "better-sqlite3";
import { describe, expect, it } from "vitest";

import { openDatabase } from "../../src/db/client.js";
import { parseDatabaseUrl } from "../../src/db/database-url.js";
import { PrismaClient } from "../../src/generated/sqlite/client.js";
import { databaseErrorReason } from "../../src/ops/database-error-reason.js";
import { failureReason } from "../../src/ops/error-reason.js";
import { createTestDatabase } from "../support/database.js";

const failureOf = async (work: () => Promise<unknown>): Promise<unknown> => {
  try {
    await work();
  } catch (error) {
    return error;
  }
  throw new Error("expected a failure");
};

describe("database failures in words", () => {
  it("names a SQLite database locked by another process", async () => {
    const database = await createTestDatabase("sqlite");
    await (await database.open()).close();
    const filePath = (parseDatabaseUrl(database.url) as { filePath: string }).filePath;
    const other = new Sqlite(filePath);
    other.exec("BEGIN IMMEDIATE");
    const impatient = new PrismaClient({ adapter: new PrismaBetterSqlite3({ url: filePath, timeout: 0 }) });
    try {
      const error = await failureOf(() => impatient.setting.create({ data: { key: "k", value: "v" } }));
      expect(databaseErrorReason(error)).toBe("the database is locked by another process (SQLITE_BUSY)");
    } finally {
      other.exec("ROLLBACK");
      other.close();
      await impatient.$disconnect();
      await database.drop();
    }
  });

  it("names a PostgreSQL server that does not answer", async () => {
    const db = await openDatabase(parseDatabaseUrl("postgresql://postgres@127.0.0.1:1/newsdesk"), { migrate: false });
    try {
      const error = await failureOf(() => db.prisma.setting.findMany());
      expect(databaseErrorReason(error)).toBe("the database server at 127.0.0.1:1 does not answer");
    } finally {
      await db.close();
    }
  });

  it("leaves other failures to their own words, one line of them", () => {
    expect(databaseErrorReason(new Error("Bad Request: chat not found"))).toBeNull();
    expect(failureReason(new Error("first line\nsecond line"))).toBe("first line");
    expect(failureReason("a thrown string")).toBe("a thrown string");
  });
});
