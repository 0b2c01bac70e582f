-- CreateTable
CREATE TABLE "DeviceLogin" (
    "id" TEXT NOT NULL,
    "publicKey" TEXT NOT NULL,
    "code" TEXT NOT NULL,
    "clientName" TEXT NOT NULL,
    "pollTokenHash" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "expiresAt" TIMESTAMP(3) NOT NULL,
    "ipAddress" TEXT,
    "approvedById" TEXT,
    "approvedAt" TIMESTAMP(3),
    "deniedAt" TIMESTAMP(3),
    "sealedUserKey" TEXT,
    "redeemedAt" TIMESTAMP(3),
    "sessionId" TEXT,

    CONSTRAINT "DeviceLogin_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "DeviceLogin_publicKey_key" ON "DeviceLogin"("publicKey");

-- CreateIndex
CREATE UNIQUE INDEX "DeviceLogin_pollTokenHash_key" ON "DeviceLogin"("pollTokenHash");

-- CreateIndex
CREATE UNIQUE INDEX "DeviceLogin_sessionId_key" ON "DeviceLogin"("sessionId");

-- CreateIndex
CREATE INDEX "DeviceLogin_code_idx" ON "DeviceLogin"("code");

-- AddForeignKey
ALTER TABLE "DeviceLogin" ADD CONSTRAINT "DeviceLogin_approvedById_fkey" FOREIGN KEY ("approvedById") REFERENCES "User"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "DeviceLogin" ADD CONSTRAINT "DeviceLogin_sessionId_fkey" FOREIGN KEY ("sessionId") REFERENCES "Session"("id") ON DELETE SET NULL ON UPDATE CASCADE;
