-- CreateTable
CREATE TABLE "HostilityRollForward" (
    "day" DATE NOT NULL,
    "rolledAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "statusChanges" INTEGER NOT NULL,
    "needsQueued" INTEGER NOT NULL,

    CONSTRAINT "HostilityRollForward_pkey" PRIMARY KEY ("day")
);
