-- AlterTable
ALTER TABLE "ChannelPost" ADD COLUMN "sendStartedAt" DATETIME;
