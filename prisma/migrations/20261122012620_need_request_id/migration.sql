-- AlterTable
ALTER TABLE "Need" ADD COLUMN     "requestId" UUID;

-- CreateIndex
CREATE UNIQUE INDEX "Need_requestId_key" ON "Need"("requestId");
