import type { ReactNode } from "react";
import { KeyringProvider } from "@/components/keyring-provider";
import { StepUpProvider } from "@/components/mfa/step-up-provider";

// No authorisation here: every page under (app) calls pageSession() itself.
export default function AuthenticatedLayout({ children }: { children: ReactNode }) {
  return (
    <KeyringProvider>
      <StepUpProvider>{children}</StepUpProvider>
    </KeyringProvider>
  );
}
