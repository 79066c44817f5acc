-- AlterTable
ALTER TABLE "Article" ADD COLUMN     "editorImage" TEXT,
ADD COLUMN     "feedHeadline" TEXT,
ADD COLUMN     "holdReason" TEXT,
ADD COLUMN     "removedAt" TIMESTAMP(3),
ADD COLUMN     "removedReason" TEXT,
ADD COLUMN     "sourceName" TEXT;

-- AlterTable
ALTER TABLE "ChannelPost" ADD COLUMN     "breaking" BOOLEAN NOT NULL DEFAULT false,
ADD COLUMN     "cardChatId" TEXT,
ADD COLUMN     "cardMessageId" BIGINT,
ADD COLUMN     "decidedAt" TIMESTAMP(3),
ADD COLUMN     "decidedById" BIGINT,
ADD COLUMN     "decidedByName" TEXT,
ADD COLUMN     "decision" TEXT,
ADD COLUMN     "media" TEXT,
ADD COLUMN     "sendStartedAt" TIMESTAMP(3);

-- AlterTable
ALTER TABLE "Feed" ADD COLUMN     "priority" INTEGER NOT NULL DEFAULT 3,
ADD COLUMN     "review" BOOLEAN NOT NULL DEFAULT false;

-- AlterTable
ALTER TABLE "JobLease" ADD COLUMN     "acquiredAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP;

-- AlterTable
ALTER TABLE "Subscriber" ADD COLUMN     "language" TEXT;

-- CreateTable
CREATE TABLE "CountedClick" (
    "hash" TEXT NOT NULL,
    "hour" INTEGER NOT NULL,

    CONSTRAINT "CountedClick_pkey" PRIMARY KEY ("hash")
);

-- CreateTable
CREATE TABLE "PostCorrection" (
    "id" SERIAL NOT NULL,
    "postId" INTEGER NOT NULL,
    "oldHeadline" TEXT NOT NULL,
    "newHeadline" TEXT NOT NULL,
    "status" TEXT NOT NULL DEFAULT 'pending',
    "cardChatId" TEXT,
    "cardMessageId" BIGINT,
    "decidedById" BIGINT,
    "decidedByName" TEXT,
    "decidedAt" TIMESTAMP(3),
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "PostCorrection_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ChannelDigest" (
    "id" SERIAL NOT NULL,
    "status" TEXT NOT NULL,
    "postIds" TEXT NOT NULL,
    "since" TIMESTAMP(3) NOT NULL,
    "leaseOwner" TEXT,
    "leaseUntil" TIMESTAMP(3),
    "messageId" BIGINT,
    "sentAt" TIMESTAMP(3),
    "lastError" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "ChannelDigest_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "CountedClick_hour_idx" ON "CountedClick"("hour");

-- CreateIndex
CREATE INDEX "PostCorrection_postId_status_idx" ON "PostCorrection"("postId", "status");

-- CreateIndex
CREATE INDEX "ChannelDigest_status_sentAt_idx" ON "ChannelDigest"("status", "sentAt");

-- AddForeignKey
ALTER TABLE "PostCorrection" ADD CONSTRAINT "PostCorrection_postId_fkey" FOREIGN KEY ("postId") REFERENCES "ChannelPost"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AlterTable
ALTER TABLE "Feed" ADD COLUMN     "lastNewStoryAt" TIMESTAMP(3);
