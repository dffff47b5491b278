import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect, test } from '@playwright/test';
import { E2E_FLOWS_DIR } from './e2e-env.js';
import { openSignedIn, screenshot } from './helpers.js';

test('a deployed flow shows live counts on its nodes, and stops', async ({ page, request }) => {
  await openSignedIn(page, '#/flows/crm-to-billing');
  await expect(page.locator('.react-flow__node').first()).toBeVisible();
  await page.getByRole('button', { name: 'Deploy' }).click();
  await expect(page.getByRole('button', { name: /Stop/ })).toBeVisible();

  const flow = JSON.parse(readFileSync(join(E2E_FLOWS_DIR, 'crm-to-billing.json'), 'utf8')) as { samples: Record<string, unknown[]> };
  const sample = flow.samples['crm-webhook']?.[0];
  const answer = await request.post('/hooks/crm-to-billing/crm-webhook', { data: sample });
  expect(answer.status()).toBe(202);

  await expect(page.getByTestId('live-map-invoice')).toContainText('in 1', { timeout: 15_000 });
  await screenshot(page, '18-deployed-live-counts');
  await page.getByRole('button', { name: /Stop/ }).click();
  await expect(page.getByRole('button', { name: 'Deploy' })).toBeVisible();
});
