-- RedefineTables
PRAGMA defer_foreign_keys=ON;
PRAGMA foreign_keys=OFF;
CREATE TABLE "new_JobLease" (
    "name" TEXT NOT NULL PRIMARY KEY,
    "owner" TEXT NOT NULL,
    "leaseUntil" DATETIME NOT NULL,
    "acquiredAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL
);
INSERT INTO "new_JobLease" ("leaseUntil", "name", "owner", "updatedAt") SELECT "leaseUntil", "name", "owner", "updatedAt" FROM "JobLease";
DROP TABLE "JobLease";
ALTER TABLE "new_JobLease" RENAME TO "JobLease";
PRAGMA foreign_keys=ON;
PRAGMA defer_foreign_keys=OFF;
