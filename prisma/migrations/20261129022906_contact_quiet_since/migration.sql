-- AlterTable
ALTER TABLE "Contact" ADD COLUMN "quietSince" DATETIME;
