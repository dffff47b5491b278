import { defineConfig } from '@playwright/test';
import { E2E_URL } from './test/e2e/e2e-env.js';

// End-to-end: Debian's Chromium (never a downloaded browser) against the real server on a temp copy of flows/,
// serving the built web app (`npm run test:e2e` builds it first).
export default defineConfig({
  testDir: 'test/e2e',
  timeout: 60_000,
  expect: { timeout: 10_000 },
  fullyParallel: false,
  workers: 1,
  reporter: process.env.CI ? 'line' : 'list',
  use: {
    baseURL: E2E_URL,
    viewport: { width: 1280, height: 800 },
    acceptDownloads: true,
    trace: 'retain-on-failure',
    launchOptions: {
      executablePath: '/usr/bin/chromium',
      args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'],
    },
  },
  webServer: {
    command: 'npx tsx test/e2e/serve-for-tests.ts',
    url: `${E2E_URL}/api/health`,
    reuseExistingServer: !process.env.CI,
    timeout: 60_000,
    stdout: 'ignore',
    stderr: 'pipe',
    env: { SEAM_LOG_LEVEL: 'warn' },
  },
});
