"use client";

import { IntentLink } from "@/components/ui/intent-link";
import { usePathname } from "next/navigation";
import { isCurrent, type MainLink } from "./main-links";

const looks = {
  // One row in the header on wide screens.
  bar: {
    list: "flex items-center gap-1",
    link: "px-2.5 py-1.5 text-sm whitespace-nowrap",
  },
  // A column in the phone menu, with targets a thumb can hit.
  menu: {
    list: "grid gap-1",
    link: "block px-3 py-2.5 text-base",
  },
};

export function NavList({ links, look }: { links: MainLink[]; look: keyof typeof looks }) {
  const pathname = usePathname();
  return (
    <ul className={looks[look].list}>
      {links.map((link) => {
        const current = isCurrent(link, pathname);
        return (
          <li key={link.href}>
            <IntentLink
              href={link.href}
              aria-current={current ? "page" : undefined}
              className={`rounded-md font-medium transition-colors focus-visible:outline-2 focus-visible:outline-stone-900 ${looks[look].link} ${
                current
                  ? "bg-stone-900 text-white"
                  : "text-stone-600 hover:bg-stone-100 hover:text-stone-900"
              }`}
            >
              {link.label}
            </IntentLink>
          </li>
        );
      })}
    </ul>
  );
}
