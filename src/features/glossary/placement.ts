/** Pure placement of the tooltip next to a term, kept inside the viewport. */

export interface Box {
  left: number;
  top: number;
  width: number;
  height: number;
}

export interface Placement {
  left: number;
  top: number;
  side: 'below' | 'above';
}

/**
 * Below the anchor when it fits, else above when that fits better; then clamped so the whole tooltip stays at least
 * `margin` px inside the viewport (a tooltip wider or taller than the viewport is pinned to the top-left margin).
 */
export function placeTooltip(
  anchor: Box,
  size: { width: number; height: number },
  viewport: { width: number; height: number },
  gap = 6,
  margin = 8,
): Placement {
  const below = anchor.top + anchor.height + gap;
  const above = anchor.top - gap - size.height;
  const fitsBelow = below + size.height <= viewport.height - margin;
  const fitsAbove = above >= margin;
  const side = !fitsBelow && (fitsAbove || anchor.top > viewport.height - anchor.top - anchor.height) ? 'above' : 'below';
  const clamp = (value: number, max: number) => Math.max(margin, Math.min(value, max));
  return {
    side,
    left: clamp(anchor.left, viewport.width - margin - size.width),
    top: clamp(side === 'below' ? below : above, viewport.height - margin - size.height),
  };
}
