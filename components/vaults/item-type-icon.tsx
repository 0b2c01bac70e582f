import type { ItemType } from "@/lib/crypto";

const glyphs: Record<ItemType, string> = {
  login: "M7 9V6.5a3 3 0 1 1 6 0V9M5 9h10v8H5z",
  api_key: "M12 8a3 3 0 1 1-2.8 4H4v2H2v-4h7.2A3 3 0 0 1 12 8z",
  ssh_key: "M3 5h14v10H3zM6 9l2 1.5L6 12M10 12h4",
  database:
    "M4 5c0-1.5 12-1.5 12 0v10c0 1.5-12 1.5-12 0zM4 5c0 1.5 12 1.5 12 0M4 10c0 1.5 12 1.5 12 0",
  env_file: "M5 3h7l3 3v11H5zM8 9h4M8 12h4M8 15h2",
  note: "M5 3h10v14H5zM8 7h4M8 10h4M8 13h3",
};

export function ItemTypeIcon({ type }: { type: ItemType }) {
  return (
    <span className="flex size-9 shrink-0 items-center justify-center rounded-lg bg-stone-100 text-stone-600">
      <svg viewBox="0 0 20 20" className="size-5" fill="none" aria-hidden="true">
        <path d={glyphs[type]} stroke="currentColor" strokeWidth="1.5" strokeLinejoin="round" />
      </svg>
    </span>
  );
}
