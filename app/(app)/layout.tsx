import type { ReactNode } from "react";
import { KeyringProvider } from "@/components/keyring-provider";

// No authorisation here: every page under (app) calls pageSession() itself.
export default function AuthenticatedLayout({ children }: { children: ReactNode }) {
  return <KeyringProvider>{children}</KeyringProvider>;
}
