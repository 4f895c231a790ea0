-- CreateIndex
CREATE INDEX "CompanyMatchProfile_sectorMask_idx" ON "CompanyMatchProfile"("sectorMask");
