import { z } from "zod";
import {
  contactsResponse,
  directoryResponse,
  itemDto,
  itemHistoryResponse,
  rotateVaultResponse,
  vaultDetailResponse,
  vaultListResponse,
  type CreateItemRequest,
  type CreateVaultRequest,
  type GrantInput,
  type RotateVaultInput,
  type UpdateItemRequest,
  type UpdateVaultRequest,
} from "@/lib/api/vault";
import { api, toApiError, ApiError } from "@/lib/client/api";

// Every vault call in one place, each parsed with its lib/api contract.

const vaultPath = (vaultId: string) => `/api/v1/vaults/${encodeURIComponent(vaultId)}`;
const itemPath = (vaultId: string, itemId: string) =>
  `${vaultPath(vaultId)}/items/${encodeURIComponent(itemId)}`;

const revisionsResponse = z.object({
  revisions: z.array(
    z.object({
      itemId: z.string(),
      revision: z.number().int(),
      keyVersion: z.number().int(),
      ciphertext: z.string(),
    }),
  ),
});
export type VaultRevisionDto = z.infer<typeof revisionsResponse>["revisions"][number];

export const vaultApi = {
  list: () => api("/api/v1/vaults", { schema: vaultListResponse }),
  detail: (vaultId: string) => api(vaultPath(vaultId), { schema: vaultDetailResponse }),
  create: (request: CreateVaultRequest) => api("/api/v1/vaults", { json: request }),
  update: (vaultId: string, request: UpdateVaultRequest) => patch(vaultPath(vaultId), request),
  remove: (vaultId: string) => api(vaultPath(vaultId), { method: "DELETE" }),
  directory: () => api("/api/v1/directory", { schema: directoryResponse }),
  contacts: () => api("/api/v1/contacts", { schema: contactsResponse }),
  saveContacts: (encryptedContacts: string, baseRevision: number) =>
    api("/api/v1/contacts", {
      method: "PUT",
      json: { encryptedContacts, baseRevision },
      schema: contactsResponse,
    }),
  addMember: (vaultId: string, userId: string, grant: GrantInput) =>
    api(`${vaultPath(vaultId)}/members`, { json: { userId, grant } }),
  changeRole: (vaultId: string, userId: string, grant: GrantInput) =>
    api(`${vaultPath(vaultId)}/members/${encodeURIComponent(userId)}`, {
      method: "PUT",
      json: { grant },
    }),
  revisions: (vaultId: string) =>
    api(`${vaultPath(vaultId)}/revisions`, { schema: revisionsResponse }),
  rotate: (vaultId: string, batch: RotateVaultInput) =>
    api(`${vaultPath(vaultId)}/rotate`, { json: batch, schema: rotateVaultResponse }),
  createItem: (vaultId: string, request: CreateItemRequest) =>
    api(`${vaultPath(vaultId)}/items`, { json: request, schema: itemDto }),
  updateItem: (vaultId: string, itemId: string, request: UpdateItemRequest) =>
    api(itemPath(vaultId, itemId), { method: "PUT", json: request, schema: itemDto }),
  deleteItem: (vaultId: string, itemId: string) =>
    api(itemPath(vaultId, itemId), { method: "DELETE" }),
  history: (vaultId: string, itemId: string) =>
    api(`${itemPath(vaultId, itemId)}/history`, { schema: itemHistoryResponse }),
  event: (vaultId: string, itemId: string, action: "reveal" | "copy") =>
    api(`${itemPath(vaultId, itemId)}/events`, { json: { action } }),
};

/** The shared helper speaks GET/POST/PUT/DELETE only; renaming a vault is a PATCH. */
async function patch(path: string, json: unknown): Promise<void> {
  let response: Response;
  try {
    response = await fetch(path, {
      method: "PATCH",
      headers: { accept: "application/json", "content-type": "application/json" },
      credentials: "same-origin",
      cache: "no-store",
      body: JSON.stringify(json),
    });
  } catch {
    throw new ApiError(0, "network", "Cannot reach Coffer. Check your connection and try again.");
  }
  if (!response.ok) throw await toApiError(response);
}

/** Reports a reveal or copy for the audit log without holding up the person. */
export function reportItemEvent(vaultId: string, itemId: string, action: "reveal" | "copy") {
  void vaultApi.event(vaultId, itemId, action).catch(() => {});
}

export function isConflict(error: unknown): boolean {
  return error instanceof ApiError && error.status === 409;
}
