-- AlterTable
ALTER TABLE "ChannelPost" ADD COLUMN     "sendStartedAt" TIMESTAMP(3);
