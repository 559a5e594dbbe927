-- AlterTable
ALTER TABLE "Contact" ADD COLUMN "unsubscribedAt" DATETIME;
