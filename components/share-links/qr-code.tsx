"use client";

import { create } from "qrcode";
import { useMemo } from "react";

/**
 * A QR code drawn as one SVG path in the page itself. Not an <img>: the page's CSP allows
 * images only from our own origin (no data: URLs), and an inline <svg> is markup, not a load.
 * Computed on this device, so the link never leaves it to be drawn.
 */
export function QrCode({
  text,
  label,
  size = 192,
}: {
  text: string;
  label: string;
  size?: number;
}) {
  const { path, modules } = useMemo(() => {
    const matrix = create(text, { errorCorrectionLevel: "M" }).modules;
    const parts: string[] = [];
    for (let row = 0; row < matrix.size; row++) {
      for (let column = 0; column < matrix.size; column++) {
        if (matrix.get(row, column)) parts.push(`M${column} ${row}h1v1h-1z`);
      }
    }
    return { path: parts.join(""), modules: matrix.size };
  }, [text]);
  // Four modules of quiet zone on every side, as scanners expect.
  const quiet = 4;
  const extent = modules + quiet * 2;
  return (
    <svg
      role="img"
      aria-label={label}
      width={size}
      height={size}
      viewBox={`${-quiet} ${-quiet} ${extent} ${extent}`}
      shapeRendering="crispEdges"
      className="rounded-lg border border-stone-200 bg-white"
    >
      <rect x={-quiet} y={-quiet} width={extent} height={extent} fill="#fff" />
      <path d={path} fill="#1c1917" />
    </svg>
  );
}
