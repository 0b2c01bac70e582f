-- AlterTable
ALTER TABLE "Organization" ADD COLUMN     "shareLinkMaxExpirySeconds" INTEGER NOT NULL DEFAULT 2592000,
ADD COLUMN     "shareLinkPassphraseRequired" BOOLEAN NOT NULL DEFAULT false,
ADD COLUMN     "shareLinksAllowed" BOOLEAN NOT NULL DEFAULT true;

-- CreateTable
CREATE TABLE "ShareLink" (
    "id" TEXT NOT NULL,
    "orgId" TEXT NOT NULL,
    "creatorId" TEXT NOT NULL,
    "ciphertext" TEXT NOT NULL,
    "proofHash" TEXT NOT NULL,
    "passphraseKdf" JSONB,
    "expiresAt" TIMESTAMP(3) NOT NULL,
    "maxViews" INTEGER NOT NULL,
    "viewsLeft" INTEGER NOT NULL,
    "failedAttempts" INTEGER NOT NULL DEFAULT 0,
    "sourceVaultId" TEXT,
    "sourceItemId" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "lastViewedAt" TIMESTAMP(3),
    "revokedAt" TIMESTAMP(3),
    "revokedReason" TEXT,
    "frozenAt" TIMESTAMP(3),
    "expiryRecordedAt" TIMESTAMP(3),

    CONSTRAINT "ShareLink_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "ShareLink_creatorId_createdAt_idx" ON "ShareLink"("creatorId", "createdAt");

-- CreateIndex
CREATE INDEX "ShareLink_orgId_createdAt_idx" ON "ShareLink"("orgId", "createdAt");

-- CreateIndex
CREATE INDEX "ShareLink_sourceItemId_idx" ON "ShareLink"("sourceItemId");

-- AddForeignKey
ALTER TABLE "ShareLink" ADD CONSTRAINT "ShareLink_orgId_fkey" FOREIGN KEY ("orgId") REFERENCES "Organization"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ShareLink" ADD CONSTRAINT "ShareLink_creatorId_fkey" FOREIGN KEY ("creatorId") REFERENCES "User"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
