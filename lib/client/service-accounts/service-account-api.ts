import { z } from "zod";
import {
  machineTokenDto,
  machineTokenListResponse,
  serviceAccountDetailResponse,
  serviceAccountListResponse,
  type CreateMachineTokenRequest,
  type CreateServiceAccountRequest,
  type GrantServiceAccountRequest,
} from "@/lib/api/machine";
import { vaultServiceAccountsResponse } from "@/lib/api/vault-service-accounts";
import { api } from "@/lib/client/api";

// Every service-account call in one place, each parsed with its lib/api contract.

const accountPath = (serviceAccountId: string) =>
  `/api/v1/service-accounts/${encodeURIComponent(serviceAccountId)}`;

export const serviceAccountApi = {
  list: () => api("/api/v1/service-accounts", { schema: serviceAccountListResponse }),
  detail: (serviceAccountId: string) =>
    api(accountPath(serviceAccountId), { schema: serviceAccountDetailResponse }),
  create: (request: CreateServiceAccountRequest) =>
    api("/api/v1/service-accounts", { json: request, schema: z.object({ id: z.string() }) }),
  setStatus: (serviceAccountId: string, status: "active" | "disabled") =>
    api(`${accountPath(serviceAccountId)}/status`, { method: "PUT", json: { status } }),
  remove: (serviceAccountId: string) => api(accountPath(serviceAccountId), { method: "DELETE" }),
  tokens: (serviceAccountId: string) =>
    api(`${accountPath(serviceAccountId)}/tokens`, { schema: machineTokenListResponse }),
  createToken: (serviceAccountId: string, request: CreateMachineTokenRequest) =>
    api(`${accountPath(serviceAccountId)}/tokens`, { json: request, schema: machineTokenDto }),
  revokeToken: (serviceAccountId: string, tokenId: string) =>
    api(`${accountPath(serviceAccountId)}/tokens/${encodeURIComponent(tokenId)}`, {
      method: "DELETE",
    }),
  grantVault: (vaultId: string, request: GrantServiceAccountRequest) =>
    api(`/api/v1/vaults/${encodeURIComponent(vaultId)}/service-accounts`, { json: request }),
  ofVault: (vaultId: string) =>
    api(`/api/v1/vaults/${encodeURIComponent(vaultId)}/service-accounts`, {
      schema: vaultServiceAccountsResponse,
    }),
};
