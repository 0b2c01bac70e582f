"use client";

import { useCallback } from "react";
import type { MachineTokenDto, ServiceAccountDetailResponse } from "@/lib/api/machine";
import { loadAccountTrust, type AccountTrust } from "@/lib/client/service-accounts/pins";
import { serviceAccountApi } from "@/lib/client/service-accounts/service-account-api";
import { getSodium } from "@/lib/crypto";
import { useKeyring } from "@/components/keyring-provider";
import { useResource } from "@/components/ui/use-resource";

export type LoadedAccount = {
  detail: ServiceAccountDetailResponse;
  trust: AccountTrust;
  /** Only managers may list tokens. */
  tokens: MachineTokenDto[] | null;
};

/** One service account with this person's pin decision and, for managers, its tokens. */
export function useServiceAccount(serviceAccountId: string) {
  const keyring = useKeyring();
  const load = useCallback(async (): Promise<LoadedAccount> => {
    if (!keyring) throw new Error("Unlock Coffer first.");
    await getSodium();
    const detail = await serviceAccountApi.detail(serviceAccountId);
    const [trust, tokens] = await Promise.all([
      loadAccountTrust(keyring, detail.serviceAccount),
      detail.serviceAccount.manages
        ? serviceAccountApi.tokens(serviceAccountId).then((list) => list.tokens)
        : Promise.resolve(null),
    ]);
    return { detail, trust, tokens };
  }, [keyring, serviceAccountId]);
  return useResource(keyring ? load : null);
}
