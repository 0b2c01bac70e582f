-- CreateEnum
CREATE TYPE "ServiceAccountStatus" AS ENUM ('active', 'disabled');

-- CreateEnum
CREATE TYPE "MachineScope" AS ENUM ('read', 'readwrite');

-- CreateEnum
CREATE TYPE "MachineTokenKind" AS ENUM ('sa', 'bt', 'mt');

-- CreateTable
CREATE TABLE "ServiceAccount" (
    "id" TEXT NOT NULL,
    "orgId" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "description" TEXT NOT NULL DEFAULT '',
    "status" "ServiceAccountStatus" NOT NULL DEFAULT 'active',
    "maxTokenTtlSeconds" INTEGER NOT NULL,
    "boxPublicKey" TEXT NOT NULL,
    "signPublicKey" TEXT NOT NULL,
    "bundleSignature" TEXT NOT NULL,
    "wrappedBoxPrivateKey" TEXT NOT NULL,
    "wrappedSignPrivateKey" TEXT NOT NULL,
    "trustedGranters" TEXT NOT NULL,
    "trustedGrantersRevision" INTEGER NOT NULL DEFAULT 1,
    "flaggedAt" TIMESTAMP(3),
    "flagReason" TEXT,
    "createdById" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "ServiceAccount_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ServiceAccountManager" (
    "serviceAccountId" TEXT NOT NULL,
    "userId" TEXT NOT NULL,
    "sealedSaKey" TEXT NOT NULL,
    "addedById" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "ServiceAccountManager_pkey" PRIMARY KEY ("serviceAccountId","userId")
);

-- CreateTable
CREATE TABLE "ServiceAccountGrant" (
    "vaultId" TEXT NOT NULL,
    "serviceAccountId" TEXT NOT NULL,
    "keyVersion" INTEGER NOT NULL,
    "scope" "MachineScope" NOT NULL,
    "boxPublicKey" TEXT NOT NULL,
    "sealedKey" TEXT NOT NULL,
    "signature" TEXT NOT NULL,
    "granterId" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "ServiceAccountGrant_pkey" PRIMARY KEY ("vaultId","serviceAccountId","keyVersion")
);

-- CreateTable
CREATE TABLE "MachineToken" (
    "id" TEXT NOT NULL,
    "serviceAccountId" TEXT NOT NULL,
    "kind" "MachineTokenKind" NOT NULL,
    "name" TEXT NOT NULL DEFAULT '',
    "authSecretHash" TEXT NOT NULL,
    "wrappedSaKey" TEXT NOT NULL,
    "expiresAt" TIMESTAMP(3) NOT NULL,
    "usesLeft" INTEGER,
    "maxUses" INTEGER,
    "allowedCidrs" TEXT[],
    "vaultIds" TEXT[],
    "readOnly" BOOLEAN NOT NULL DEFAULT false,
    "createdById" TEXT,
    "parentTokenId" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "revokedAt" TIMESTAMP(3),
    "revokedReason" TEXT,
    "suspendedAt" TIMESTAMP(3),
    "exchangedAt" TIMESTAMP(3),
    "lastUsedAt" TIMESTAMP(3),
    "lastUsedAddress" TEXT,

    CONSTRAINT "MachineToken_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "ServiceAccount_orgId_name_key" ON "ServiceAccount"("orgId", "name");

-- CreateIndex
CREATE INDEX "ServiceAccountManager_userId_idx" ON "ServiceAccountManager"("userId");

-- CreateIndex
CREATE INDEX "ServiceAccountGrant_serviceAccountId_idx" ON "ServiceAccountGrant"("serviceAccountId");

-- CreateIndex
CREATE INDEX "MachineToken_serviceAccountId_idx" ON "MachineToken"("serviceAccountId");

-- CreateIndex
CREATE INDEX "MachineToken_createdById_idx" ON "MachineToken"("createdById");

-- AddForeignKey
ALTER TABLE "ServiceAccountManager" ADD CONSTRAINT "ServiceAccountManager_serviceAccountId_fkey" FOREIGN KEY ("serviceAccountId") REFERENCES "ServiceAccount"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ServiceAccountGrant" ADD CONSTRAINT "ServiceAccountGrant_vaultId_fkey" FOREIGN KEY ("vaultId") REFERENCES "Vault"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ServiceAccountGrant" ADD CONSTRAINT "ServiceAccountGrant_serviceAccountId_fkey" FOREIGN KEY ("serviceAccountId") REFERENCES "ServiceAccount"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "MachineToken" ADD CONSTRAINT "MachineToken_serviceAccountId_fkey" FOREIGN KEY ("serviceAccountId") REFERENCES "ServiceAccount"("id") ON DELETE CASCADE ON UPDATE CASCADE;
