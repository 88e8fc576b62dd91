/** The in-page sidebar's width limits: the host clamps a remembered width at start-up and on every resize. */

export const MIN_WIDTH = 260;
export const MAX_WIDTH = 720;

export function clampWidth(width: number, viewportWidth: number): number {
  return Math.round(Math.max(MIN_WIDTH, Math.min(MAX_WIDTH, width, Math.max(MIN_WIDTH, viewportWidth - 40))));
}
