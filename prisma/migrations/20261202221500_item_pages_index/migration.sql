-- Item pages are read in id order within a vault: with the id in the index a page is an
-- ordered index range, not a sort of every item in the vault.
-- DropIndex
DROP INDEX "Item_vaultId_idx";

-- CreateIndex
CREATE INDEX "Item_vaultId_id_idx" ON "Item"("vaultId", "id");
