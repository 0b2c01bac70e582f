import type { Metadata } from "next";
import { JoinForm } from "@/components/account-creation/join-form";

export const metadata: Metadata = { title: "Join · Coffer" };

// Static on purpose: the invite token is in the fragment, which only the browser sees.
export default function JoinPage() {
  return <JoinForm />;
}
