/**
 * Vitest setup for jsdom files: Preact's hooks schedule their after-paint work with a 100 ms fallback timer that calls
 * `cancelAnimationFrame`; a timer left from a file's last render must fire while jsdom's window is still there.
 */
import { afterAll } from 'vitest';

afterAll(async () => {
  if (typeof window === 'undefined' || typeof window.cancelAnimationFrame !== 'function') return;
  await new Promise((resolve) => setTimeout(resolve, 150));
});
