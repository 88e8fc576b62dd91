/** The in-page sidebar's width limits, kept out of the sidebar chunk: the content script clamps a remembered width at start-up. */

export const MIN_WIDTH = 260;
export const MAX_WIDTH = 720;

export function clampWidth(width: number, viewportWidth: number): number {
  return Math.round(Math.max(MIN_WIDTH, Math.min(MAX_WIDTH, width, Math.max(MIN_WIDTH, viewportWidth - 40))));
}
