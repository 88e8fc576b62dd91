/** Unit tests only (tests/unit); the browser suites under tests/e2e run with Playwright. */
import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['tests/unit/**/*.test.ts', 'tests/unit/**/*.test.tsx'],
    setupFiles: ['tests/unit/support/i18n-setup.ts', 'tests/unit/support/frame-timers-setup.ts'],
    testTimeout: 30_000,
    hookTimeout: 30_000,
  },
});
