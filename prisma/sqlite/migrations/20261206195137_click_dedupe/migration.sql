-- CreateTable
CREATE TABLE "CountedClick" (
    "hash" TEXT NOT NULL PRIMARY KEY,
    "hour" INTEGER NOT NULL
);

-- CreateIndex
CREATE INDEX "CountedClick_hour_idx" ON "CountedClick"("hour");
