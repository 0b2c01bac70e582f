export interface EmergencyKitDetails {
  organizationName: string;
  email: string;
  secretKey: string;
  signInUrl: string;
}

/** The plain-text kit: everything needed to sign in on a new device, except the password. */
export function emergencyKitText(kit: EmergencyKitDetails, createdAt = new Date()): string {
  return [
    "COFFER EMERGENCY KIT",
    "====================",
    "",
    `Created:        ${createdAt.toISOString().slice(0, 10)}`,
    `Organisation:   ${kit.organizationName}`,
    `Sign-in URL:    ${kit.signInUrl}`,
    `Email:          ${kit.email}`,
    "",
    `Secret Key:     ${kit.secretKey}`,
    "",
    "Master password: ________________________________  (write it by hand, never type it here)",
    "",
    "You need your master password and this Secret Key to sign in on a new device.",
    "Coffer never receives either, so nobody can recover them for you.",
    "Keep this kit somewhere safe and private, e.g. printed in a locked drawer or in",
    "encrypted storage. Anyone with it and your master password can read your secrets.",
    "",
  ].join("\n");
}

export function downloadEmergencyKit(kit: EmergencyKitDetails): void {
  const blob = new Blob([emergencyKitText(kit)], { type: "text/plain;charset=utf-8" });
  const url = URL.createObjectURL(blob);
  const link = document.createElement("a");
  link.href = url;
  link.download = `Coffer Emergency Kit - ${kit.email}.txt`;
  document.body.append(link);
  link.click();
  link.remove();
  // Revoked after the click has been handled so the download can start.
  window.setTimeout(() => URL.revokeObjectURL(url), 1000);
}
