import type { ItemPlaintext } from "@/lib/crypto";

/**
 * A vault as the commands see it once it is decrypted, whoever opened it: a machine token's
 * MachineClient.readAll() returns this shape, and so can a person's session.
 */
export interface OpenVault {
  id: string;
  name: string;
  environment: string | null;
  items: Array<{ id: string; plaintext: ItemPlaintext }>;
}
