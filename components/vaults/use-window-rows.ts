"use client";

import { useCallback, useEffect, useLayoutEffect, useMemo, useRef, useState } from "react";

// A list virtualised against the page's own scroll, in the few lines this app needs: rows of an
// estimated height until they are painted and measured, the ones in the window (and `overscan`
// more either side) rendered, the rest only counted in the list's height. A general-purpose
// virtualiser costs the vault page more script than the rest of its list.

export interface WindowRow {
  index: number;
  key: string;
  /** Offset from the top of the list, in pixels. */
  start: number;
}

interface Options {
  count: number;
  keyOf: (index: number) => string;
  /** A row's height before it is measured. */
  estimate: number;
  overscan: number;
}

/** The first index whose start is past `offset` (binary search over the row starts). */
function indexAt(starts: Float64Array, count: number, offset: number): number {
  let low = 0;
  let high = count;
  while (low < high) {
    const middle = (low + high) >> 1;
    if (starts[middle + 1]! <= offset) low = middle + 1;
    else high = middle;
  }
  return low;
}

export function useWindowRows<List extends HTMLElement>({
  count,
  keyOf,
  estimate,
  overscan,
}: Options) {
  const listRef = useRef<List>(null);
  const [heights, setHeights] = useState<ReadonlyMap<string, number>>(() => new Map());
  // The window's top and height, relative to the list's top edge.
  const [view, setView] = useState({ top: 0, height: 0 });

  const starts = useMemo(() => {
    const result = new Float64Array(count + 1);
    for (let index = 0; index < count; index++) {
      result[index + 1] = result[index]! + (heights.get(keyOf(index)) ?? estimate);
    }
    return result;
  }, [count, keyOf, estimate, heights]);

  const readView = useCallback(() => {
    const list = listRef.current;
    if (!list) return;
    const top = -list.getBoundingClientRect().top;
    const height = window.innerHeight;
    setView((previous) =>
      previous.top === top && previous.height === height ? previous : { top, height },
    );
  }, []);

  useLayoutEffect(() => {
    readView();
    let frame = 0;
    const schedule = () => {
      cancelAnimationFrame(frame);
      frame = requestAnimationFrame(readView);
    };
    window.addEventListener("scroll", schedule, { passive: true });
    window.addEventListener("resize", schedule);
    // Content above the list (a warning, a progress line) moves it without a scroll.
    const resizes = new ResizeObserver(schedule);
    if (listRef.current) resizes.observe(listRef.current);
    return () => {
      cancelAnimationFrame(frame);
      window.removeEventListener("scroll", schedule);
      window.removeEventListener("resize", schedule);
      resizes.disconnect();
    };
  }, [readView]);

  const [sizes] = useState(() =>
    typeof ResizeObserver === "undefined"
      ? null
      : new ResizeObserver((entries) => {
          const measured: [string, number][] = [];
          for (const entry of entries) {
            const key = (entry.target as HTMLElement).dataset.key;
            const height = entry.borderBoxSize[0]?.blockSize ?? entry.contentRect.height;
            if (key !== undefined && height > 0) measured.push([key, height]);
          }
          setHeights((previous) => {
            if (measured.every(([key, height]) => previous.get(key) === height)) return previous;
            return new Map([...previous, ...measured]);
          });
        }),
  );
  useEffect(() => () => sizes?.disconnect(), [sizes]);

  /** The ref of each rendered row (with `data-key`): measured while it is in the page. */
  const measure = useCallback(
    (element: HTMLElement | null) => {
      if (!element || !sizes) return;
      sizes.observe(element);
      return () => sizes.unobserve(element);
    },
    [sizes],
  );

  const first = Math.max(0, indexAt(starts, count, view.top) - overscan);
  const last = Math.min(count, indexAt(starts, count, view.top + view.height) + 1 + overscan);
  const rows: WindowRow[] = [];
  for (let index = first; index < last; index++) {
    rows.push({ index, key: keyOf(index), start: starts[index]! });
  }
  return { listRef, rows, totalHeight: starts[count]!, measure };
}
