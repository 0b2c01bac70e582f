-- CreateEnum
CREATE TYPE "VaultRole" AS ENUM ('manage', 'edit', 'view');

-- CreateEnum
CREATE TYPE "VaultEnvironment" AS ENUM ('development', 'staging', 'production', 'other');

-- AlterTable
ALTER TABLE "User" ADD COLUMN     "contactsRevision" INTEGER NOT NULL DEFAULT 0,
ADD COLUMN     "encryptedContacts" TEXT;

-- CreateTable
CREATE TABLE "Vault" (
    "id" TEXT NOT NULL,
    "orgId" TEXT NOT NULL,
    "encryptedName" TEXT NOT NULL,
    "environment" "VaultEnvironment",
    "keyVersion" INTEGER NOT NULL DEFAULT 1,
    "createdById" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "Vault_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "VaultMember" (
    "vaultId" TEXT NOT NULL,
    "userId" TEXT NOT NULL,
    "role" "VaultRole" NOT NULL,
    "addedById" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "VaultMember_pkey" PRIMARY KEY ("vaultId","userId")
);

-- CreateTable
CREATE TABLE "VaultKeyGrant" (
    "vaultId" TEXT NOT NULL,
    "userId" TEXT NOT NULL,
    "keyVersion" INTEGER NOT NULL,
    "role" "VaultRole" NOT NULL,
    "memberBoxPublicKey" TEXT NOT NULL,
    "sealedKey" TEXT NOT NULL,
    "signature" TEXT NOT NULL,
    "granterId" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "VaultKeyGrant_pkey" PRIMARY KEY ("vaultId","userId","keyVersion")
);

-- CreateTable
CREATE TABLE "KeyGrantHistory" (
    "vaultId" TEXT NOT NULL,
    "userId" TEXT NOT NULL,
    "keyVersion" INTEGER NOT NULL,
    "grantedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "revokedAt" TIMESTAMP(3),

    CONSTRAINT "KeyGrantHistory_pkey" PRIMARY KEY ("vaultId","userId","keyVersion")
);

-- CreateTable
CREATE TABLE "Item" (
    "id" TEXT NOT NULL,
    "vaultId" TEXT NOT NULL,
    "keyVersion" INTEGER NOT NULL,
    "revision" INTEGER NOT NULL,
    "ciphertext" TEXT NOT NULL,
    "createdById" TEXT NOT NULL,
    "updatedById" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "Item_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ItemRevision" (
    "itemId" TEXT NOT NULL,
    "revision" INTEGER NOT NULL,
    "keyVersion" INTEGER NOT NULL,
    "ciphertext" TEXT NOT NULL,
    "authorId" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "ItemRevision_pkey" PRIMARY KEY ("itemId","revision")
);

-- CreateIndex
CREATE INDEX "VaultMember_userId_idx" ON "VaultMember"("userId");

-- CreateIndex
CREATE INDEX "VaultKeyGrant_userId_idx" ON "VaultKeyGrant"("userId");

-- CreateIndex
CREATE INDEX "KeyGrantHistory_userId_idx" ON "KeyGrantHistory"("userId");

-- CreateIndex
CREATE INDEX "Item_vaultId_idx" ON "Item"("vaultId");

-- AddForeignKey
ALTER TABLE "VaultMember" ADD CONSTRAINT "VaultMember_vaultId_fkey" FOREIGN KEY ("vaultId") REFERENCES "Vault"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "VaultKeyGrant" ADD CONSTRAINT "VaultKeyGrant_vaultId_fkey" FOREIGN KEY ("vaultId") REFERENCES "Vault"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Item" ADD CONSTRAINT "Item_vaultId_fkey" FOREIGN KEY ("vaultId") REFERENCES "Vault"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ItemRevision" ADD CONSTRAINT "ItemRevision_itemId_fkey" FOREIGN KEY ("itemId") REFERENCES "Item"("id") ON DELETE CASCADE ON UPDATE CASCADE;
