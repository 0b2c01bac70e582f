-- AlterTable
ALTER TABLE "AuditEvent" ADD COLUMN     "actorKind" TEXT NOT NULL DEFAULT 'user';
