-- CreateSchema
CREATE SCHEMA IF NOT EXISTS "public";

-- CreateEnum
CREATE TYPE "OblastKind" AS ENUM ('OBLAST', 'AUTONOMOUS_REPUBLIC', 'SPECIAL_STATUS_CITY');

-- CreateEnum
CREATE TYPE "HromadaKind" AS ENUM ('TERRITORIAL_COMMUNITY', 'SPECIAL_STATUS_CITY');

-- CreateEnum
CREATE TYPE "HostilityStatus" AS ENUM ('NONE', 'POSSIBLE_HOSTILITIES', 'ACTIVE_HOSTILITIES_WITH_STATE_SERVICES', 'ACTIVE_HOSTILITIES', 'TEMPORARILY_OCCUPIED');

-- CreateEnum
CREATE TYPE "HostilityScope" AS ENUM ('WHOLE', 'PARTIAL');

-- CreateEnum
CREATE TYPE "TerritoryLevel" AS ENUM ('OBLAST', 'RAION', 'HROMADA', 'SETTLEMENT');

-- CreateEnum
CREATE TYPE "JapanRegion" AS ENUM ('HOKKAIDO', 'TOHOKU', 'KANTO', 'CHUBU', 'KANSAI', 'CHUGOKU', 'SHIKOKU', 'KYUSHU_OKINAWA');

-- CreateEnum
CREATE TYPE "SectorCode" AS ENUM ('ENERGY', 'DEMINING', 'DEBRIS_REMOVAL', 'TRANSPORT', 'WATER_SANITATION', 'HEALTH', 'EDUCATION', 'HOUSING', 'AGRICULTURE', 'COMMUNICATIONS');

-- CreateEnum
CREATE TYPE "Capability" AS ENUM ('POWER_GENERATORS', 'GRID_EQUIPMENT', 'SOLAR_AND_STORAGE', 'HEATING_SYSTEMS', 'MINE_DETECTION', 'DEMINING_MACHINERY', 'ROBOTIC_AGRI_MACHINERY', 'DEMINING_TRAINING', 'DEBRIS_CLEARANCE', 'DEBRIS_RECYCLING', 'HAZARDOUS_MATERIAL_HANDLING', 'TEMPORARY_BRIDGES', 'BRIDGE_ENGINEERING', 'ROAD_CONSTRUCTION', 'RAIL_SYSTEMS', 'PUBLIC_TRANSPORT_VEHICLES', 'WATER_PURIFICATION', 'WATER_NETWORK_REPAIR', 'WASTEWATER_TREATMENT', 'MEDICAL_EQUIPMENT', 'MODULAR_CLINICS', 'TELEMEDICINE', 'MODULAR_BUILDINGS', 'SEISMIC_RETROFIT', 'ENERGY_EFFICIENT_CONSTRUCTION', 'SCHOOL_EQUIPMENT', 'EDUCATION_IT', 'AGRICULTURAL_MACHINERY', 'IRRIGATION', 'FOOD_PROCESSING', 'TELECOM_NETWORKS', 'SATELLITE_COMMUNICATIONS', 'ENGINEERING_DESIGN', 'PROJECT_MANAGEMENT');

-- CreateEnum
CREATE TYPE "Role" AS ENUM ('COMPANY_REP', 'MUNICIPALITY_REP', 'FACILITATOR', 'ADMIN');

-- CreateEnum
CREATE TYPE "Locale" AS ENUM ('ja', 'uk', 'en');

-- CreateEnum
CREATE TYPE "VerificationStatus" AS ENUM ('UNVERIFIED', 'VERIFIED', 'REJECTED');

-- CreateEnum
CREATE TYPE "SmeIndustry" AS ENUM ('MANUFACTURING_AND_OTHER', 'WHOLESALE', 'SERVICES', 'RETAIL');

-- CreateEnum
CREATE TYPE "RiskAppetite" AS ENUM ('AFTER_CEASEFIRE_ONLY', 'NO_HOSTILITIES', 'POSSIBLE_HOSTILITIES', 'ACTIVE_HOSTILITIES');

-- CreateEnum
CREATE TYPE "DeliveryMode" AS ENUM ('ON_SITE', 'SUPPLY_ONLY', 'REMOTE_SUPPORT', 'TRAINING_IN_JAPAN');

-- CreateEnum
CREATE TYPE "Stage" AS ENUM ('RAPID_RECOVERY', 'RECONSTRUCTION');

-- CreateEnum
CREATE TYPE "TenderRequirement" AS ENUM ('NONE', 'TRANSPARENT_TENDER', 'IFI_OR_DONOR_OVERSIGHT');

-- CreateEnum
CREATE TYPE "Urgency" AS ENUM ('LOW', 'MEDIUM', 'HIGH', 'CRITICAL');

-- CreateEnum
CREATE TYPE "Currency" AS ENUM ('UAH', 'EUR', 'USD', 'JPY');

-- CreateEnum
CREATE TYPE "FundingSource" AS ENUM ('MUNICIPAL_BUDGET', 'STATE_BUDGET', 'JICA', 'INTERNATIONAL_FINANCIAL_INSTITUTION', 'DONOR_GRANT', 'PRIVATE', 'NOT_YET_FUNDED');

-- CreateEnum
CREATE TYPE "ProcurementMethod" AS ENUM ('PROZORRO', 'DREAM', 'NONE');

-- CreateEnum
CREATE TYPE "NeedStatus" AS ENUM ('DRAFT', 'OPEN', 'CLOSED');

-- CreateEnum
CREATE TYPE "InterestDirection" AS ENUM ('COMPANY_INTEREST', 'MUNICIPALITY_INVITATION');

-- CreateEnum
CREATE TYPE "MatchStatus" AS ENUM ('SUGGESTED', 'SHORTLISTED', 'INTRODUCED', 'AGREED', 'DECLINED');

-- CreateEnum
CREATE TYPE "DecisionAction" AS ENUM ('SHORTLIST', 'INTRODUCE', 'DECLINE', 'AGREE', 'UNDO');

-- CreateTable
CREATE TABLE "Oblast" (
    "code" CHAR(19) NOT NULL,
    "kind" "OblastKind" NOT NULL,
    "nameUk" TEXT NOT NULL,
    "nameEn" TEXT NOT NULL,

    CONSTRAINT "Oblast_pkey" PRIMARY KEY ("code")
);

-- CreateTable
CREATE TABLE "Raion" (
    "code" CHAR(19) NOT NULL,
    "oblastCode" CHAR(19) NOT NULL,
    "nameUk" TEXT NOT NULL,
    "nameEn" TEXT NOT NULL,

    CONSTRAINT "Raion_pkey" PRIMARY KEY ("code")
);

-- CreateTable
CREATE TABLE "Hromada" (
    "code" CHAR(19) NOT NULL,
    "raionCode" CHAR(19),
    "oblastCode" CHAR(19) NOT NULL,
    "kind" "HromadaKind" NOT NULL,
    "nameUk" TEXT NOT NULL,
    "nameEn" TEXT NOT NULL,
    "latitude" DOUBLE PRECISION NOT NULL,
    "longitude" DOUBLE PRECISION NOT NULL,
    "hostilityStatus" "HostilityStatus" NOT NULL DEFAULT 'NONE',
    "hostilityScope" "HostilityScope",

    CONSTRAINT "Hromada_pkey" PRIMARY KEY ("code")
);

-- CreateTable
CREATE TABLE "HostilityPeriod" (
    "id" SERIAL NOT NULL,
    "hromadaCode" CHAR(19) NOT NULL,
    "territoryCode" CHAR(19) NOT NULL,
    "territoryLevel" "TerritoryLevel" NOT NULL,
    "territoryName" TEXT NOT NULL,
    "status" "HostilityStatus" NOT NULL,
    "startDate" DATE NOT NULL,
    "endDate" DATE,

    CONSTRAINT "HostilityPeriod_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Prefecture" (
    "code" CHAR(2) NOT NULL,
    "nameJa" TEXT NOT NULL,
    "nameEn" TEXT NOT NULL,
    "region" "JapanRegion" NOT NULL,

    CONSTRAINT "Prefecture_pkey" PRIMARY KEY ("code")
);

-- CreateTable
CREATE TABLE "SisterCityLink" (
    "id" SERIAL NOT NULL,
    "prefectureCode" CHAR(2) NOT NULL,
    "cityJa" TEXT NOT NULL,
    "cityEn" TEXT NOT NULL,
    "hromadaCode" CHAR(19) NOT NULL,
    "sinceYear" INTEGER NOT NULL,
    "source" TEXT NOT NULL,

    CONSTRAINT "SisterCityLink_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Sector" (
    "code" "SectorCode" NOT NULL,
    "dacCode" TEXT NOT NULL,
    "dacName" TEXT NOT NULL,

    CONSTRAINT "Sector_pkey" PRIMARY KEY ("code")
);

-- CreateTable
CREATE TABLE "User" (
    "id" UUID NOT NULL,
    "email" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "passwordHash" TEXT NOT NULL,
    "role" "Role" NOT NULL,
    "locale" "Locale" NOT NULL DEFAULT 'en',
    "companyId" UUID,
    "municipalityId" UUID,
    "sessionVersion" INTEGER NOT NULL DEFAULT 0,
    "disabledAt" TIMESTAMP(3),
    "lastSignInAt" TIMESTAMP(3),
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "User_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Company" (
    "id" UUID NOT NULL,
    "legalNameJa" TEXT NOT NULL,
    "legalNameEn" TEXT NOT NULL,
    "corporateNumber" CHAR(13) NOT NULL,
    "prefectureCode" CHAR(2) NOT NULL,
    "cityJa" TEXT NOT NULL,
    "cityEn" TEXT NOT NULL,
    "industry" "SmeIndustry" NOT NULL,
    "employees" INTEGER NOT NULL,
    "capitalJpy" BIGINT NOT NULL,
    "descriptionJa" TEXT NOT NULL DEFAULT '',
    "descriptionEn" TEXT NOT NULL DEFAULT '',
    "sectors" "SectorCode"[],
    "capabilities" "Capability"[],
    "riskAppetite" "RiskAppetite" NOT NULL,
    "deliveryModes" "DeliveryMode"[],
    "stages" "Stage"[],
    "tenderRequirement" "TenderRequirement" NOT NULL DEFAULT 'NONE',
    "maxProjectEur" INTEGER,
    "experienceCountries" TEXT[],
    "hasDisasterReconstructionExperience" BOOLEAN NOT NULL DEFAULT false,
    "languages" "Locale"[],
    "contactName" TEXT NOT NULL,
    "contactEmail" TEXT NOT NULL,
    "contactPhone" TEXT,
    "website" TEXT,
    "verificationStatus" "VerificationStatus" NOT NULL DEFAULT 'UNVERIFIED',
    "verifiedAt" TIMESTAMP(3),
    "isDemo" BOOLEAN NOT NULL DEFAULT false,
    "version" INTEGER NOT NULL DEFAULT 0,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "Company_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Municipality" (
    "id" UUID NOT NULL,
    "hromadaCode" CHAR(19) NOT NULL,
    "contactName" TEXT NOT NULL,
    "contactEmail" TEXT NOT NULL,
    "contactPhone" TEXT,
    "verificationStatus" "VerificationStatus" NOT NULL DEFAULT 'UNVERIFIED',
    "verifiedAt" TIMESTAMP(3),
    "isDemo" BOOLEAN NOT NULL DEFAULT false,
    "version" INTEGER NOT NULL DEFAULT 0,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "Municipality_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Need" (
    "id" UUID NOT NULL,
    "municipalityId" UUID NOT NULL,
    "hromadaCode" CHAR(19) NOT NULL,
    "sector" "SectorCode" NOT NULL,
    "title" TEXT NOT NULL,
    "description" TEXT NOT NULL,
    "stage" "Stage" NOT NULL,
    "urgency" "Urgency" NOT NULL,
    "budgetAmount" DECIMAL(16,2),
    "budgetCurrency" "Currency",
    "fundingSource" "FundingSource" NOT NULL,
    "procurementMethod" "ProcurementMethod" NOT NULL,
    "prozorroTenderId" TEXT,
    "dreamProjectId" TEXT,
    "requiredCapabilities" "Capability"[],
    "status" "NeedStatus" NOT NULL DEFAULT 'DRAFT',
    "isDemo" BOOLEAN NOT NULL DEFAULT false,
    "version" INTEGER NOT NULL DEFAULT 0,
    "publishedAt" TIMESTAMP(3),
    "closedAt" TIMESTAMP(3),
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "Need_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Interest" (
    "id" UUID NOT NULL,
    "companyId" UUID NOT NULL,
    "needId" UUID NOT NULL,
    "direction" "InterestDirection" NOT NULL,
    "note" TEXT NOT NULL DEFAULT '',
    "createdById" UUID,
    "withdrawnAt" TIMESTAMP(3),
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "Interest_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "MatchingPolicy" (
    "version" INTEGER NOT NULL,
    "weights" JSONB NOT NULL,
    "hardConstraints" JSONB NOT NULL,
    "note" TEXT NOT NULL DEFAULT '',
    "createdById" UUID,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "MatchingPolicy_pkey" PRIMARY KEY ("version")
);

-- CreateTable
CREATE TABLE "Match" (
    "id" UUID NOT NULL,
    "needId" UUID NOT NULL,
    "companyId" UUID NOT NULL,
    "score" INTEGER NOT NULL,
    "explanation" JSONB NOT NULL,
    "policyVersion" INTEGER NOT NULL,
    "status" "MatchStatus" NOT NULL DEFAULT 'SUGGESTED',
    "version" INTEGER NOT NULL DEFAULT 0,
    "computedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "Match_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "MatchDecision" (
    "id" UUID NOT NULL,
    "matchId" UUID NOT NULL,
    "actorId" UUID NOT NULL,
    "action" "DecisionAction" NOT NULL,
    "fromStatus" "MatchStatus" NOT NULL,
    "toStatus" "MatchStatus" NOT NULL,
    "reason" TEXT,
    "note" TEXT NOT NULL DEFAULT '',
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "MatchDecision_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Introduction" (
    "id" UUID NOT NULL,
    "matchId" UUID NOT NULL,
    "introducedById" UUID NOT NULL,
    "message" TEXT NOT NULL DEFAULT '',
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "Introduction_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "AuditLog" (
    "id" BIGSERIAL NOT NULL,
    "actorId" UUID,
    "actorRole" "Role",
    "organisationType" TEXT,
    "organisationId" TEXT,
    "action" TEXT NOT NULL,
    "entityType" TEXT NOT NULL,
    "entityId" TEXT,
    "before" JSONB,
    "after" JSONB,
    "ip" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "AuditLog_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "PasswordResetToken" (
    "tokenHash" TEXT NOT NULL,
    "userId" UUID NOT NULL,
    "expiresAt" TIMESTAMP(3) NOT NULL,
    "usedAt" TIMESTAMP(3),
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "PasswordResetToken_pkey" PRIMARY KEY ("tokenHash")
);

-- CreateTable
CREATE TABLE "RateLimitBucket" (
    "key" TEXT NOT NULL,
    "windowStart" TIMESTAMP(3) NOT NULL,
    "count" INTEGER NOT NULL,

    CONSTRAINT "RateLimitBucket_pkey" PRIMARY KEY ("key")
);

-- CreateTable
CREATE TABLE "OutboxEmail" (
    "id" UUID NOT NULL,
    "toAddress" TEXT NOT NULL,
    "subject" TEXT NOT NULL,
    "text" TEXT NOT NULL,
    "html" TEXT,
    "locale" "Locale" NOT NULL,
    "sentAt" TIMESTAMP(3),
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "OutboxEmail_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "Raion_oblastCode_idx" ON "Raion"("oblastCode");

-- CreateIndex
CREATE INDEX "Hromada_oblastCode_idx" ON "Hromada"("oblastCode");

-- CreateIndex
CREATE INDEX "Hromada_raionCode_idx" ON "Hromada"("raionCode");

-- CreateIndex
CREATE INDEX "Hromada_hostilityStatus_idx" ON "Hromada"("hostilityStatus");

-- CreateIndex
CREATE UNIQUE INDEX "HostilityPeriod_hromadaCode_territoryCode_status_startDate_key" ON "HostilityPeriod"("hromadaCode", "territoryCode", "status", "startDate");

-- CreateIndex
CREATE INDEX "SisterCityLink_hromadaCode_idx" ON "SisterCityLink"("hromadaCode");

-- CreateIndex
CREATE UNIQUE INDEX "SisterCityLink_prefectureCode_cityEn_hromadaCode_key" ON "SisterCityLink"("prefectureCode", "cityEn", "hromadaCode");

-- CreateIndex
CREATE UNIQUE INDEX "User_email_key" ON "User"("email");

-- CreateIndex
CREATE INDEX "User_companyId_idx" ON "User"("companyId");

-- CreateIndex
CREATE INDEX "User_municipalityId_idx" ON "User"("municipalityId");

-- CreateIndex
CREATE UNIQUE INDEX "Company_corporateNumber_key" ON "Company"("corporateNumber");

-- CreateIndex
CREATE INDEX "Company_sectors_idx" ON "Company" USING GIN ("sectors");

-- CreateIndex
CREATE INDEX "Company_prefectureCode_idx" ON "Company"("prefectureCode");

-- CreateIndex
CREATE UNIQUE INDEX "Municipality_hromadaCode_key" ON "Municipality"("hromadaCode");

-- CreateIndex
CREATE INDEX "Need_sector_status_idx" ON "Need"("sector", "status");

-- CreateIndex
CREATE INDEX "Need_hromadaCode_idx" ON "Need"("hromadaCode");

-- CreateIndex
CREATE INDEX "Need_municipalityId_idx" ON "Need"("municipalityId");

-- CreateIndex
CREATE INDEX "Interest_needId_idx" ON "Interest"("needId");

-- CreateIndex
CREATE UNIQUE INDEX "Interest_companyId_needId_direction_key" ON "Interest"("companyId", "needId", "direction");

-- CreateIndex
CREATE INDEX "Match_needId_score_idx" ON "Match"("needId", "score" DESC);

-- CreateIndex
CREATE INDEX "Match_companyId_score_idx" ON "Match"("companyId", "score" DESC);

-- CreateIndex
CREATE INDEX "Match_status_idx" ON "Match"("status");

-- CreateIndex
CREATE UNIQUE INDEX "Match_needId_companyId_key" ON "Match"("needId", "companyId");

-- CreateIndex
CREATE INDEX "MatchDecision_matchId_createdAt_idx" ON "MatchDecision"("matchId", "createdAt");

-- CreateIndex
CREATE UNIQUE INDEX "Introduction_matchId_key" ON "Introduction"("matchId");

-- CreateIndex
CREATE INDEX "AuditLog_entityType_entityId_idx" ON "AuditLog"("entityType", "entityId");

-- CreateIndex
CREATE INDEX "AuditLog_actorId_createdAt_idx" ON "AuditLog"("actorId", "createdAt");

-- CreateIndex
CREATE INDEX "AuditLog_createdAt_idx" ON "AuditLog"("createdAt");

-- CreateIndex
CREATE INDEX "PasswordResetToken_userId_idx" ON "PasswordResetToken"("userId");

-- CreateIndex
CREATE INDEX "OutboxEmail_toAddress_createdAt_idx" ON "OutboxEmail"("toAddress", "createdAt");

-- AddForeignKey
ALTER TABLE "Raion" ADD CONSTRAINT "Raion_oblastCode_fkey" FOREIGN KEY ("oblastCode") REFERENCES "Oblast"("code") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Hromada" ADD CONSTRAINT "Hromada_raionCode_fkey" FOREIGN KEY ("raionCode") REFERENCES "Raion"("code") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Hromada" ADD CONSTRAINT "Hromada_oblastCode_fkey" FOREIGN KEY ("oblastCode") REFERENCES "Oblast"("code") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "HostilityPeriod" ADD CONSTRAINT "HostilityPeriod_hromadaCode_fkey" FOREIGN KEY ("hromadaCode") REFERENCES "Hromada"("code") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "SisterCityLink" ADD CONSTRAINT "SisterCityLink_prefectureCode_fkey" FOREIGN KEY ("prefectureCode") REFERENCES "Prefecture"("code") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "SisterCityLink" ADD CONSTRAINT "SisterCityLink_hromadaCode_fkey" FOREIGN KEY ("hromadaCode") REFERENCES "Hromada"("code") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "User" ADD CONSTRAINT "User_companyId_fkey" FOREIGN KEY ("companyId") REFERENCES "Company"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "User" ADD CONSTRAINT "User_municipalityId_fkey" FOREIGN KEY ("municipalityId") REFERENCES "Municipality"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Company" ADD CONSTRAINT "Company_prefectureCode_fkey" FOREIGN KEY ("prefectureCode") REFERENCES "Prefecture"("code") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Municipality" ADD CONSTRAINT "Municipality_hromadaCode_fkey" FOREIGN KEY ("hromadaCode") REFERENCES "Hromada"("code") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Need" ADD CONSTRAINT "Need_municipalityId_fkey" FOREIGN KEY ("municipalityId") REFERENCES "Municipality"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Need" ADD CONSTRAINT "Need_hromadaCode_fkey" FOREIGN KEY ("hromadaCode") REFERENCES "Hromada"("code") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Need" ADD CONSTRAINT "Need_sector_fkey" FOREIGN KEY ("sector") REFERENCES "Sector"("code") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Interest" ADD CONSTRAINT "Interest_companyId_fkey" FOREIGN KEY ("companyId") REFERENCES "Company"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Interest" ADD CONSTRAINT "Interest_needId_fkey" FOREIGN KEY ("needId") REFERENCES "Need"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Interest" ADD CONSTRAINT "Interest_createdById_fkey" FOREIGN KEY ("createdById") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "MatchingPolicy" ADD CONSTRAINT "MatchingPolicy_createdById_fkey" FOREIGN KEY ("createdById") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Match" ADD CONSTRAINT "Match_needId_fkey" FOREIGN KEY ("needId") REFERENCES "Need"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Match" ADD CONSTRAINT "Match_companyId_fkey" FOREIGN KEY ("companyId") REFERENCES "Company"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Match" ADD CONSTRAINT "Match_policyVersion_fkey" FOREIGN KEY ("policyVersion") REFERENCES "MatchingPolicy"("version") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "MatchDecision" ADD CONSTRAINT "MatchDecision_matchId_fkey" FOREIGN KEY ("matchId") REFERENCES "Match"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "MatchDecision" ADD CONSTRAINT "MatchDecision_actorId_fkey" FOREIGN KEY ("actorId") REFERENCES "User"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Introduction" ADD CONSTRAINT "Introduction_matchId_fkey" FOREIGN KEY ("matchId") REFERENCES "Match"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "AuditLog" ADD CONSTRAINT "AuditLog_actorId_fkey" FOREIGN KEY ("actorId") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "PasswordResetToken" ADD CONSTRAINT "PasswordResetToken_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- ───── Invariants Prisma cannot express (added by hand to the generated migration) ─────

ALTER TABLE "Hromada" ADD CONSTRAINT "Hromada_coordinates_in_ukraine"
  CHECK (latitude BETWEEN 44 AND 53 AND longitude BETWEEN 22 AND 41);
ALTER TABLE "HostilityPeriod" ADD CONSTRAINT "HostilityPeriod_ends_after_start"
  CHECK ("endDate" IS NULL OR "endDate" >= "startDate");
ALTER TABLE "SisterCityLink" ADD CONSTRAINT "SisterCityLink_year"
  CHECK ("sinceYear" BETWEEN 1900 AND 2100);

ALTER TABLE "User" ADD CONSTRAINT "User_email_normalised" CHECK (email = lower(email));
-- A representative belongs to exactly their kind of organisation, staff to none.
ALTER TABLE "User" ADD CONSTRAINT "User_role_matches_organisation" CHECK (
  (role = 'COMPANY_REP' AND "companyId" IS NOT NULL AND "municipalityId" IS NULL) OR
  (role = 'MUNICIPALITY_REP' AND "municipalityId" IS NOT NULL AND "companyId" IS NULL) OR
  (role IN ('FACILITATOR', 'ADMIN') AND "companyId" IS NULL AND "municipalityId" IS NULL));

ALTER TABLE "Company" ADD CONSTRAINT "Company_corporate_number_digits" CHECK ("corporateNumber" ~ '^[0-9]{13}$');
ALTER TABLE "Company" ADD CONSTRAINT "Company_size_non_negative" CHECK (employees >= 0 AND "capitalJpy" >= 0);
ALTER TABLE "Company" ADD CONSTRAINT "Company_max_project_positive" CHECK ("maxProjectEur" IS NULL OR "maxProjectEur" > 0);
ALTER TABLE "Company" ADD CONSTRAINT "Company_version_non_negative" CHECK (version >= 0);
ALTER TABLE "Municipality" ADD CONSTRAINT "Municipality_version_non_negative" CHECK (version >= 0);

ALTER TABLE "Need" ADD CONSTRAINT "Need_budget_with_currency"
  CHECK (("budgetAmount" IS NULL) = ("budgetCurrency" IS NULL) AND ("budgetAmount" IS NULL OR "budgetAmount" >= 0));
-- A need that says how it is procured names the procedure, so anyone can look it up.
ALTER TABLE "Need" ADD CONSTRAINT "Need_prozorro_id"
  CHECK ("procurementMethod" <> 'PROZORRO' OR "prozorroTenderId" IS NOT NULL);
ALTER TABLE "Need" ADD CONSTRAINT "Need_prozorro_id_format"
  CHECK ("prozorroTenderId" IS NULL OR "prozorroTenderId" ~ '^UA-[0-9]{4}-[0-9]{2}-[0-9]{2}-[0-9]{6}-[a-z]$');
ALTER TABLE "Need" ADD CONSTRAINT "Need_dream_id"
  CHECK ("procurementMethod" <> 'DREAM' OR "dreamProjectId" IS NOT NULL);
ALTER TABLE "Need" ADD CONSTRAINT "Need_published_when_open"
  CHECK (status = 'DRAFT' OR "publishedAt" IS NOT NULL);
ALTER TABLE "Need" ADD CONSTRAINT "Need_closed_at_when_closed"
  CHECK (status <> 'CLOSED' OR "closedAt" IS NOT NULL);
ALTER TABLE "Need" ADD CONSTRAINT "Need_version_non_negative" CHECK (version >= 0);

ALTER TABLE "Match" ADD CONSTRAINT "Match_score_range" CHECK (score BETWEEN 0 AND 100);
ALTER TABLE "Match" ADD CONSTRAINT "Match_version_non_negative" CHECK (version >= 0);
ALTER TABLE "MatchingPolicy" ADD CONSTRAINT "MatchingPolicy_version_positive" CHECK (version >= 1);
ALTER TABLE "RateLimitBucket" ADD CONSTRAINT "RateLimitBucket_count_non_negative" CHECK (count >= 0);
