// The vault protocol for any program: open with pinning and revision guards, share, save items,
// rotate. Browser, CLI and tests differ only in the ports they hand a VaultSession.
export * from "./contacts";
export * from "./errors";
export * from "./grants";
export * from "./ids";
export * from "./items";
export * from "./offboarding-rekey";
export * from "./open-vault";
export * from "./revision-ledger";
export * from "./rotate";
export * from "./rotation-grants";
export * from "./service-account-pins";
export * from "./vault-api";
export * from "./vault-session";
