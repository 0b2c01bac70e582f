-- CreateEnum
CREATE TYPE "ChecklistKind" AS ENUM ('onboarding', 'offboarding');

-- CreateEnum
CREATE TYPE "ChecklistStatus" AS ENUM ('open', 'done', 'cancelled');

-- CreateEnum
CREATE TYPE "StepKind" AS ENUM ('automatic', 'manual');

-- CreateEnum
CREATE TYPE "StepStatus" AS ENUM ('pending', 'done', 'skipped');

-- CreateEnum
CREATE TYPE "FlagSource" AS ENUM ('offboarding', 'interval', 'lockdown');

-- CreateEnum
CREATE TYPE "FlagPriority" AS ENUM ('high', 'medium');

-- AlterTable
ALTER TABLE "Invite" ADD COLUMN     "vaultGrants" JSONB NOT NULL DEFAULT '[]';

-- AlterTable
ALTER TABLE "Item" ADD COLUMN     "rotationIntervalDays" INTEGER,
ADD COLUMN     "secretsChangedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP;

-- AlterTable
ALTER TABLE "Organization" ADD COLUMN     "lockdownAt" TIMESTAMP(3),
ADD COLUMN     "lockdownById" TEXT,
ADD COLUMN     "rotationDueHighHours" INTEGER NOT NULL DEFAULT 24,
ADD COLUMN     "rotationDueMediumHours" INTEGER NOT NULL DEFAULT 72;

-- AlterTable
ALTER TABLE "Vault" ADD COLUMN     "rotationIntervalDays" INTEGER;

-- CreateTable
CREATE TABLE "ChecklistTemplate" (
    "id" TEXT NOT NULL,
    "orgId" TEXT NOT NULL,
    "kind" "ChecklistKind" NOT NULL,
    "name" TEXT NOT NULL,
    "steps" JSONB NOT NULL,
    "isDefault" BOOLEAN NOT NULL DEFAULT false,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "ChecklistTemplate_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ChecklistRun" (
    "id" TEXT NOT NULL,
    "orgId" TEXT NOT NULL,
    "kind" "ChecklistKind" NOT NULL,
    "subjectUserId" TEXT,
    "subjectEmail" TEXT NOT NULL,
    "inviteId" TEXT,
    "templateId" TEXT,
    "status" "ChecklistStatus" NOT NULL DEFAULT 'open',
    "startedById" TEXT NOT NULL,
    "startedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "completedAt" TIMESTAMP(3),
    "report" JSONB,

    CONSTRAINT "ChecklistRun_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ChecklistStep" (
    "id" TEXT NOT NULL,
    "runId" TEXT NOT NULL,
    "position" INTEGER NOT NULL,
    "kind" "StepKind" NOT NULL,
    "action" TEXT,
    "vaultId" TEXT,
    "vaultRole" "VaultRole",
    "title" TEXT NOT NULL,
    "description" TEXT,
    "link" TEXT,
    "assigneeRole" TEXT NOT NULL,
    "status" "StepStatus" NOT NULL DEFAULT 'pending',
    "actorId" TEXT,
    "completedAt" TIMESTAMP(3),

    CONSTRAINT "ChecklistStep_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ChecklistComment" (
    "id" TEXT NOT NULL,
    "stepId" TEXT NOT NULL,
    "authorId" TEXT NOT NULL,
    "body" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "ChecklistComment_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ItemFlag" (
    "id" TEXT NOT NULL,
    "itemId" TEXT NOT NULL,
    "vaultId" TEXT NOT NULL,
    "source" "FlagSource" NOT NULL,
    "personId" TEXT,
    "runId" TEXT,
    "reason" TEXT NOT NULL,
    "priority" "FlagPriority" NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "dueAt" TIMESTAMP(3) NOT NULL,
    "ownerId" TEXT,
    "clearedAt" TIMESTAMP(3),
    "clearedById" TEXT,
    "clearedHow" TEXT,
    "clearNote" TEXT,
    "dedupeKey" TEXT,

    CONSTRAINT "ItemFlag_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "ChecklistTemplate_orgId_kind_idx" ON "ChecklistTemplate"("orgId", "kind");

-- CreateIndex
CREATE UNIQUE INDEX "ChecklistRun_inviteId_key" ON "ChecklistRun"("inviteId");

-- CreateIndex
CREATE INDEX "ChecklistRun_subjectUserId_idx" ON "ChecklistRun"("subjectUserId");

-- CreateIndex
CREATE INDEX "ChecklistRun_status_kind_idx" ON "ChecklistRun"("status", "kind");

-- CreateIndex
CREATE INDEX "ChecklistStep_runId_position_idx" ON "ChecklistStep"("runId", "position");

-- CreateIndex
CREATE INDEX "ChecklistStep_vaultId_status_idx" ON "ChecklistStep"("vaultId", "status");

-- CreateIndex
CREATE INDEX "ChecklistComment_stepId_createdAt_idx" ON "ChecklistComment"("stepId", "createdAt");

-- CreateIndex
CREATE UNIQUE INDEX "ItemFlag_dedupeKey_key" ON "ItemFlag"("dedupeKey");

-- CreateIndex
CREATE INDEX "ItemFlag_clearedAt_dueAt_idx" ON "ItemFlag"("clearedAt", "dueAt");

-- CreateIndex
CREATE INDEX "ItemFlag_itemId_clearedAt_idx" ON "ItemFlag"("itemId", "clearedAt");

-- CreateIndex
CREATE INDEX "ItemFlag_vaultId_clearedAt_idx" ON "ItemFlag"("vaultId", "clearedAt");

-- AddForeignKey
ALTER TABLE "ChecklistRun" ADD CONSTRAINT "ChecklistRun_inviteId_fkey" FOREIGN KEY ("inviteId") REFERENCES "Invite"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ChecklistStep" ADD CONSTRAINT "ChecklistStep_runId_fkey" FOREIGN KEY ("runId") REFERENCES "ChecklistRun"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ChecklistComment" ADD CONSTRAINT "ChecklistComment_stepId_fkey" FOREIGN KEY ("stepId") REFERENCES "ChecklistStep"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ItemFlag" ADD CONSTRAINT "ItemFlag_itemId_fkey" FOREIGN KEY ("itemId") REFERENCES "Item"("id") ON DELETE CASCADE ON UPDATE CASCADE;
