-- CreateTable
CREATE TABLE "MachineGlossary" (
    "provider" TEXT NOT NULL,
    "digest" CHAR(64) NOT NULL,
    "glossaryId" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "MachineGlossary_pkey" PRIMARY KEY ("provider","digest")
);
