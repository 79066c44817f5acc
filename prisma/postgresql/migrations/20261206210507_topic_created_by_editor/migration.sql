-- AlterTable
ALTER TABLE "Topic" ADD COLUMN     "createdByEditor" BOOLEAN NOT NULL DEFAULT false;

-- Topics editors gave keyword rules to are theirs.
UPDATE "Topic" SET "createdByEditor" = true WHERE "id" IN (SELECT "topicId" FROM "TopicKeyword");
