import { z } from "zod";
import { checklistDto } from "@/lib/api/checklist";
import { serviceAccountDetailResponse } from "@/lib/api/machine";
import {
  contactsResponse,
  createVaultResponse,
  directoryResponse,
  itemDto,
  itemHistoryResponse,
  rotateVaultResponse,
  vaultDetailResponse,
  vaultListResponse,
  vaultRevisionsResponse,
  type CreateItemRequest,
  type CreateVaultRequest,
  type GrantInput,
  type RotateVaultInput,
  type UpdateItemRequest,
  type UpdateVaultRequest,
} from "@/lib/api/vault";
import { itemBatchResponse, type ItemBatchInput } from "@/lib/api/item-batch";
import { checkItemPage, ITEM_STREAM_TYPE } from "@/lib/api/item-page";
import { vaultServiceAccountsResponse } from "@/lib/api/vault-service-accounts";
import { SdkError, type HttpPort } from "../http-port";

// Every vault call the protocol makes, each answer parsed with its lib/api contract: a server
// that sends something else is refused here, before any key is touched.

type Method = "GET" | "POST" | "PUT" | "PATCH" | "DELETE";

const vaultPath = (vaultId: string) => `/api/v1/vaults/${encodeURIComponent(vaultId)}`;
const itemPath = (vaultId: string, itemId: string) =>
  `${vaultPath(vaultId)}/items/${encodeURIComponent(itemId)}`;

export type VaultRevisionDto = z.infer<typeof vaultRevisionsResponse>["revisions"][number];

export function vaultApi(http: HttpPort) {
  const lines = http.lines?.bind(http);
  async function call<Schema extends z.ZodType>(
    method: Method,
    path: string,
    schema: Schema,
    body?: unknown,
  ): Promise<z.infer<Schema>> {
    const parsed = schema.safeParse(await http.request({ method, path, body }));
    if (!parsed.success) {
      throw new SdkError("bad_response", "The server sent an unexpected answer.");
    }
    return parsed.data;
  }
  async function send(method: Method, path: string, body?: unknown): Promise<void> {
    await http.request({ method, path, body });
  }

  return {
    list: () => call("GET", "/api/v1/vaults", vaultListResponse),
    detail: (vaultId: string) => call("GET", vaultPath(vaultId), vaultDetailResponse),
    /** The vault, its members and its item count, without the items: they come by `itemPage`. */
    head: (vaultId: string) => call("GET", `${vaultPath(vaultId)}?items=none`, vaultDetailResponse),
    /** One page of items in id order, starting after the item id `after`. */
    itemPage: async (vaultId: string, after: string | null, limit: number) => {
      const query = new URLSearchParams({ limit: String(limit), ...(after ? { after } : {}) });
      // Checked by hand, not by zod: a large vault is read a page at a time on the main thread.
      const page = checkItemPage(
        await http.request({ method: "GET", path: `${vaultPath(vaultId)}/items?${query}` }),
      );
      if (!page) throw new SdkError("bad_response", "The server sent an unexpected answer.");
      return page;
    },
    /**
     * Every page from the start in one answer, the first of `limit` items (ITEM_STREAM_TYPE),
     * each value unchecked (itemPages checks them); null when the transport cannot stream.
     */
    itemStream: lines
      ? (vaultId: string, limit: number): AsyncIterable<unknown> =>
          lines({
            path: `${vaultPath(vaultId)}/items?limit=${limit}`,
            headers: { accept: ITEM_STREAM_TYPE },
          })
      : null,
    create: (request: CreateVaultRequest) =>
      call("POST", "/api/v1/vaults", createVaultResponse, request),
    update: (vaultId: string, request: UpdateVaultRequest) =>
      send("PATCH", vaultPath(vaultId), request),
    remove: (vaultId: string) => send("DELETE", vaultPath(vaultId)),
    directory: () => call("GET", "/api/v1/directory", directoryResponse),
    contacts: () => call("GET", "/api/v1/contacts", contactsResponse),
    saveContacts: (encryptedContacts: string, baseRevision: number) =>
      call("PUT", "/api/v1/contacts", contactsResponse, { encryptedContacts, baseRevision }),
    addMember: (vaultId: string, userId: string, grant: GrantInput) =>
      send("POST", `${vaultPath(vaultId)}/members`, { userId, grant }),
    changeRole: (vaultId: string, userId: string, grant: GrantInput) =>
      send("PUT", `${vaultPath(vaultId)}/members/${encodeURIComponent(userId)}`, { grant }),
    revisions: (vaultId: string) =>
      call("GET", `${vaultPath(vaultId)}/revisions`, vaultRevisionsResponse),
    rotate: (vaultId: string, batch: RotateVaultInput) =>
      call("POST", `${vaultPath(vaultId)}/rotate`, rotateVaultResponse, batch),
    createItem: (vaultId: string, request: CreateItemRequest) =>
      call("POST", `${vaultPath(vaultId)}/items`, itemDto, request),
    /** Many new items in one request (an import): all of them are written, or none. */
    createItems: (vaultId: string, request: ItemBatchInput) =>
      call("POST", `${vaultPath(vaultId)}/items/batch`, itemBatchResponse, request),
    updateItem: (vaultId: string, itemId: string, request: UpdateItemRequest) =>
      call("PUT", itemPath(vaultId, itemId), itemDto, request),
    deleteItem: (vaultId: string, itemId: string) => send("DELETE", itemPath(vaultId, itemId)),
    history: (vaultId: string, itemId: string) =>
      call("GET", `${itemPath(vaultId, itemId)}/history`, itemHistoryResponse),
    event: (vaultId: string, itemId: string, action: "reveal" | "copy") =>
      send("POST", `${itemPath(vaultId, itemId)}/events`, { action }),
    /** The service accounts that read a vault: a rotation re-grants each of them. */
    serviceAccountsOf: (vaultId: string) =>
      call("GET", `${vaultPath(vaultId)}/service-accounts`, vaultServiceAccountsResponse),
    serviceAccountDetail: (serviceAccountId: string) =>
      call(
        "GET",
        `/api/v1/service-accounts/${encodeURIComponent(serviceAccountId)}`,
        serviceAccountDetailResponse,
      ),
    checklist: (checklistId: string) =>
      call("GET", `/api/v1/checklists/${encodeURIComponent(checklistId)}`, checklistDto),
  };
}

export type VaultApi = ReturnType<typeof vaultApi>;
