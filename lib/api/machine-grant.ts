import { z } from "zod";
import { base64url } from "./common";

export const machineScope = z.enum(["read", "readwrite"]);
export type MachineScopeDto = z.infer<typeof machineScope>;

/** A vault key sealed to a service account, as the granting person signed it. */
export const machineGrantInput = z.object({
  keyVersion: z.number().int().positive(),
  scope: machineScope,
  boxPublicKey: base64url(32),
  sealedKey: base64url(80),
  signature: base64url(64),
});
export type MachineGrantInput = z.infer<typeof machineGrantInput>;
