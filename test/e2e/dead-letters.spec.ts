import { expect, test } from '@playwright/test';
import { openSignedIn, screenshot } from './helpers.js';

test('a run\'s dead letters are filtered, inspected, fixed, replayed and discarded; runs and monitoring charts are shown', async ({ page }) => {
  await openSignedIn(page, '#/flows/orders-ndjson');
  await expect(page.locator('.react-flow__node').first()).toBeVisible();
  await page.getByRole('button', { name: 'Run once' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Run finished' })).toContainText('dead-lettered');
  await expect(page.getByTestId('dlq-depth')).toHaveText('2');
  await screenshot(page, '20-after-run');

  await page.getByRole('link', { name: 'Dead letters' }).click();
  const rows = page.locator('.flow-table tbody tr');
  await expect(rows.first()).toBeVisible();
  const before = await rows.count();
  expect(before).toBeGreaterThanOrEqual(1);
  await screenshot(page, '21-dead-letters');

  await page.getByLabel('Reason').selectOption('delivery');
  await expect(page.getByText('No waiting dead letters')).toBeVisible();
  await page.getByLabel('Reason').selectOption('validation');
  await expect(rows).toHaveCount(before);

  await rows.first().getByRole('button', { name: 'Inspect' }).click();
  const dialog = page.getByRole('dialog', { name: 'Dead letter' });
  await expect(dialog.getByLabel('Payload')).toBeVisible();
  await expect(dialog.getByTestId('runbook')).toContainText('The message broke the contract');
  // The flow's own note (runbooks.validation in flows/orders-ndjson.json) sits under the shipped runbook.
  await expect(dialog.getByTestId('runbook-flow-note')).toContainText('guest checkout from the old shop');
  await screenshot(page, '22-dead-letter-detail');
  await dialog.getByLabel('Note').fill('refund: handled by the refunds flow');
  await dialog.getByRole('button', { name: 'Discard' }).click();
  await expect(rows).toHaveCount(before - 1);
  await expect(page.getByTestId('dlq-depth')).toHaveText(String(before - 1));

  // The discarded one keeps its note in its history.
  await page.getByLabel('Status').selectOption('discarded');
  await rows.first().getByRole('button', { name: 'Inspect' }).click();
  await expect(dialog).toContainText('discarded by');
  await expect(dialog).toContainText('refund: handled by the refunds flow');
  await dialog.getByRole('button', { name: 'Close' }).click();
  await page.getByLabel('Status').selectOption('pending');

  // Fix the remaining one's payload and replay it through the current flow.
  await rows.first().getByRole('button', { name: 'Inspect' }).click();
  const payloadField = dialog.getByLabel('Payload');
  const broken = JSON.parse(await payloadField.inputValue()) as Record<string, unknown>;
  const fixed = { ...broken, customerId: broken.customerId ?? 'C-0001', itemCount: Math.max(1, Number(broken.itemCount ?? 1)), total: Math.abs(Number(broken.total ?? 1)) };
  await payloadField.fill(JSON.stringify(fixed, null, 2));
  await dialog.getByRole('button', { name: 'Replay' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Replayed: delivered' })).toBeVisible();
  await expect(page.getByText('No waiting dead letters')).toBeVisible();

  await page.getByRole('link', { name: 'Run history' }).click();
  const runOnce = page.locator('.flow-table tbody tr', { hasText: 'run-once' });
  await expect(runOnce).toContainText('completed');
  await runOnce.getByRole('button', { name: 'Messages' }).click();
  await expect(page.locator('.trace').first()).toBeVisible();
  await screenshot(page, '23-run-history');

  await page.getByRole('link', { name: 'Monitoring' }).click();
  await expect(page.getByTestId('charts')).toBeVisible();
  await expect(page.locator('.chart canvas').first()).toBeVisible();
  await screenshot(page, '24-monitoring');
});
