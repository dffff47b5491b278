import { mkdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { Page } from '@playwright/test';
import { E2E_TOKEN } from './e2e-env.js';

const screenshots = resolve(import.meta.dirname, '..', 'screenshots');

/** Opens the app signed in, the way the server's one-time link does: the token arrives in the address fragment. */
export async function openSignedIn(page: Page, hash = '#/'): Promise<void> {
  await page.goto(`/#token=${encodeURIComponent(E2E_TOKEN)}`);
  await page.waitForFunction('!window.location.hash.includes("token=")');
  if (hash !== '#/') await page.goto(`/${hash}`);
}

/** Saves a full-window screenshot under test/screenshots/ (git-ignored) for review. */
export async function screenshot(page: Page, name: string): Promise<void> {
  mkdirSync(screenshots, { recursive: true });
  await page.screenshot({ path: join(screenshots, `${name}.png`) });
}

/** Collects console errors and failed requests so a test can assert the page stayed clean. */
export function watchConsole(page: Page): string[] {
  const errors: string[] = [];
  page.on('console', (m) => { if (m.type() === 'error') errors.push(m.text()); });
  page.on('pageerror', (e) => errors.push(e.message));
  return errors;
}
