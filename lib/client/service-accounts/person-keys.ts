import type { Keyring } from "@/lib/client/keyring";
import type { PersonKeys } from "@/lib/sdk/service-accounts";

/** The SDK's view of the unlocked keyring: the same buffers, never copies that outlive a lock. */
export function personKeys(keyring: Keyring): PersonKeys {
  return {
    userId: keyring.userId,
    boxKeyPair: keyring.boxKeyPair,
    signKeyPair: keyring.signKeyPair,
  };
}
