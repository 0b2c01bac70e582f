-- AlterTable
ALTER TABLE "Organization" ADD COLUMN     "lockdownAdminIds" TEXT[] DEFAULT ARRAY[]::TEXT[];
