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
import {
  rekeyServiceAccountResponse,
  serviceAccountManagerResponse,
  type AddServiceAccountManagerRequest,
  type RekeyServiceAccountRequest,
} from "@/lib/api/service-account-rekey";
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
  rekey: (serviceAccountId: string, request: RekeyServiceAccountRequest) =>
    api(`${accountPath(serviceAccountId)}/rekey`, {
      json: request,
      schema: rekeyServiceAccountResponse,
    }),
  addManager: (serviceAccountId: string, request: AddServiceAccountManagerRequest) =>
    api(`${accountPath(serviceAccountId)}/managers`, {
      json: request,
      schema: serviceAccountManagerResponse,
    }),
  removeManager: (serviceAccountId: string, userId: string) =>
    api(`${accountPath(serviceAccountId)}/managers/${encodeURIComponent(userId)}`, {
      method: "DELETE",
      schema: serviceAccountManagerResponse,
    }),
  grantVault: (vaultId: string, request: GrantServiceAccountRequest) =>
    api(`/api/v1/vaults/${encodeURIComponent(vaultId)}/service-accounts`, { json: request }),
  ofVault: (vaultId: string) =>
    api(`/api/v1/vaults/${encodeURIComponent(vaultId)}/service-accounts`, {
      schema: vaultServiceAccountsResponse,
    }),
};
