import type { Metadata } from "next";
import { RevealView } from "@/components/share-links/reveal-view";

// The page holds no data: the link's key is in the fragment, which only the browser sees.
// It must not be indexed, and its address must not travel as a Referer (the root layout and
// next.config.js send no-referrer).
export const metadata: Metadata = {
  title: "A shared secret · Coffer",
  robots: { index: false, follow: false },
};

export default function SharedSecretPage() {
  return <RevealView />;
}
