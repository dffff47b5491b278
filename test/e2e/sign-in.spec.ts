import { existsSync, readFileSync } from 'node:fs';
import { expect, test } from '@playwright/test';
import { E2E_LOGIN_LINKS, E2E_TOKEN } from './e2e-env.js';

const links = () => readFileSync(E2E_LOGIN_LINKS, 'utf8').trim().split('\n');

test('the one-time link signs in once; a spent link or a wrong token leads to the sign-in screen', async ({ browser }) => {
  // The server answers its health check a moment before it has written the links.
  await expect.poll(() => existsSync(E2E_LOGIN_LINKS)).toBe(true);
  const [link] = links();
  if (!link) throw new Error('the test server wrote no login link');

  const first = await browser.newContext();
  const page = await first.newPage();
  await page.goto(link);
  await expect(page.getByRole('heading', { name: 'Flows' })).toBeVisible();
  expect(page.url()).not.toContain('token=');
  await first.close();

  const second = await browser.newContext();
  const again = await second.newPage();
  await again.goto(link);
  await expect(again.getByLabel('Access token')).toBeVisible();
  await again.getByLabel('Access token').fill('not-the-token');
  await again.getByRole('button', { name: 'Sign in' }).click();
  await expect(again.getByRole('alert')).toContainText('not accepted');
  await again.getByLabel('Access token').fill(E2E_TOKEN);
  await again.getByRole('button', { name: 'Sign in' }).click();
  await expect(again.getByRole('heading', { name: 'Flows' })).toBeVisible();
  await second.close();
});
