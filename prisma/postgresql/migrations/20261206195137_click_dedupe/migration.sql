-- CreateTable
CREATE TABLE "CountedClick" (
    "hash" TEXT NOT NULL,
    "hour" INTEGER NOT NULL,

    CONSTRAINT "CountedClick_pkey" PRIMARY KEY ("hash")
);

-- CreateIndex
CREATE INDEX "CountedClick_hour_idx" ON "CountedClick"("hour");
