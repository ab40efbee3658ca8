/**
 * The Electron window tests (test/electron/*.spec.ts), kept apart from the browser e2e suite:
 * they need Electron's program, a display and a build (`npm run build`), and skip with a printed
 * reason where any is missing.
 */
import { defineConfig } from '@playwright/test';

export default defineConfig({
  testDir: 'test/electron',
  testMatch: '*.spec.ts',
  outputDir: 'test-results/electron',
  fullyParallel: false,
  workers: 1,
  timeout: 60_000,
  forbidOnly: !!process.env.CI,
  reporter: [['list']],
});
