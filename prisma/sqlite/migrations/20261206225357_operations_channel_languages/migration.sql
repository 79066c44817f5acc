-- AlterTable
ALTER TABLE "Article" ADD COLUMN "editorImage" TEXT;
ALTER TABLE "Article" ADD COLUMN "feedHeadline" TEXT;
ALTER TABLE "Article" ADD COLUMN "holdReason" TEXT;
ALTER TABLE "Article" ADD COLUMN "removedAt" DATETIME;
ALTER TABLE "Article" ADD COLUMN "removedReason" TEXT;
ALTER TABLE "Article" ADD COLUMN "sourceName" TEXT;

-- AlterTable
ALTER TABLE "Subscriber" ADD COLUMN "language" TEXT;

-- CreateTable
CREATE TABLE "CountedClick" (
    "hash" TEXT NOT NULL PRIMARY KEY,
    "hour" INTEGER NOT NULL
);

-- CreateTable
CREATE TABLE "PostCorrection" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "postId" INTEGER NOT NULL,
    "oldHeadline" TEXT NOT NULL,
    "newHeadline" TEXT NOT NULL,
    "status" TEXT NOT NULL DEFAULT 'pending',
    "cardChatId" TEXT,
    "cardMessageId" BIGINT,
    "decidedById" BIGINT,
    "decidedByName" TEXT,
    "decidedAt" DATETIME,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "PostCorrection_postId_fkey" FOREIGN KEY ("postId") REFERENCES "ChannelPost" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "ChannelDigest" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "status" TEXT NOT NULL,
    "postIds" TEXT NOT NULL,
    "since" DATETIME NOT NULL,
    "leaseOwner" TEXT,
    "leaseUntil" DATETIME,
    "messageId" BIGINT,
    "sentAt" DATETIME,
    "lastError" TEXT,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP
);

-- RedefineTables
PRAGMA defer_foreign_keys=ON;
PRAGMA foreign_keys=OFF;
CREATE TABLE "new_ChannelPost" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "articleId" INTEGER NOT NULL,
    "status" TEXT NOT NULL,
    "origin" TEXT NOT NULL DEFAULT 'auto',
    "breaking" BOOLEAN NOT NULL DEFAULT false,
    "media" TEXT,
    "cardChatId" TEXT,
    "cardMessageId" BIGINT,
    "decision" TEXT,
    "decidedById" BIGINT,
    "decidedByName" TEXT,
    "decidedAt" DATETIME,
    "scheduledAt" DATETIME,
    "queuedById" BIGINT,
    "queuedByName" TEXT,
    "leaseOwner" TEXT,
    "leaseUntil" DATETIME,
    "sendStartedAt" DATETIME,
    "attempts" INTEGER NOT NULL DEFAULT 0,
    "nextAttemptAt" DATETIME,
    "lastError" TEXT,
    "chatId" TEXT,
    "telegramMessageId" BIGINT,
    "sentAt" DATETIME,
    "reactionCount" INTEGER NOT NULL DEFAULT 0,
    "clickCount" INTEGER NOT NULL DEFAULT 0,
    "reportedAt" DATETIME,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL,
    CONSTRAINT "ChannelPost_articleId_fkey" FOREIGN KEY ("articleId") REFERENCES "Article" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);
INSERT INTO "new_ChannelPost" ("articleId", "attempts", "chatId", "clickCount", "createdAt", "id", "lastError", "leaseOwner", "leaseUntil", "nextAttemptAt", "origin", "queuedById", "queuedByName", "reactionCount", "reportedAt", "scheduledAt", "sentAt", "status", "telegramMessageId", "updatedAt") SELECT "articleId", "attempts", "chatId", "clickCount", "createdAt", "id", "lastError", "leaseOwner", "leaseUntil", "nextAttemptAt", "origin", "queuedById", "queuedByName", "reactionCount", "reportedAt", "scheduledAt", "sentAt", "status", "telegramMessageId", "updatedAt" FROM "ChannelPost";
DROP TABLE "ChannelPost";
ALTER TABLE "new_ChannelPost" RENAME TO "ChannelPost";
CREATE UNIQUE INDEX "ChannelPost_articleId_key" ON "ChannelPost"("articleId");
CREATE INDEX "ChannelPost_status_scheduledAt_idx" ON "ChannelPost"("status", "scheduledAt");
CREATE INDEX "ChannelPost_status_leaseUntil_idx" ON "ChannelPost"("status", "leaseUntil");
CREATE INDEX "ChannelPost_sentAt_idx" ON "ChannelPost"("sentAt");
CREATE INDEX "ChannelPost_chatId_telegramMessageId_idx" ON "ChannelPost"("chatId", "telegramMessageId");
CREATE TABLE "new_Feed" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "url" TEXT NOT NULL,
    "title" TEXT,
    "defaultTopic" TEXT,
    "fullPage" BOOLEAN NOT NULL DEFAULT false,
    "priority" INTEGER NOT NULL DEFAULT 3,
    "review" BOOLEAN NOT NULL DEFAULT false,
    "etag" TEXT,
    "lastModified" TEXT,
    "lastFetchedAt" DATETIME,
    "lastSuccessAt" DATETIME,
    "lastError" TEXT,
    "consecutiveFailures" INTEGER NOT NULL DEFAULT 0,
    "nextFetchAt" DATETIME,
    "primedAt" DATETIME,
    "pausedAt" DATETIME,
    "pausedReason" TEXT,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL
);
INSERT INTO "new_Feed" ("consecutiveFailures", "createdAt", "defaultTopic", "etag", "fullPage", "id", "lastError", "lastFetchedAt", "lastModified", "lastSuccessAt", "nextFetchAt", "pausedAt", "pausedReason", "primedAt", "title", "updatedAt", "url") SELECT "consecutiveFailures", "createdAt", "defaultTopic", "etag", "fullPage", "id", "lastError", "lastFetchedAt", "lastModified", "lastSuccessAt", "nextFetchAt", "pausedAt", "pausedReason", "primedAt", "title", "updatedAt", "url" FROM "Feed";
DROP TABLE "Feed";
ALTER TABLE "new_Feed" RENAME TO "Feed";
CREATE UNIQUE INDEX "Feed_url_key" ON "Feed"("url");
CREATE INDEX "Feed_pausedAt_nextFetchAt_idx" ON "Feed"("pausedAt", "nextFetchAt");
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

-- CreateIndex
CREATE INDEX "CountedClick_hour_idx" ON "CountedClick"("hour");

-- CreateIndex
CREATE INDEX "PostCorrection_postId_status_idx" ON "PostCorrection"("postId", "status");

-- CreateIndex
CREATE INDEX "ChannelDigest_status_sentAt_idx" ON "ChannelDigest"("status", "sentAt");

-- AlterTable
ALTER TABLE "Feed" ADD COLUMN "lastNewStoryAt" DATETIME;
