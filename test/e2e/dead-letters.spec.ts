import { readFileSync } from 'node:fs';
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
  // Contract-test status of the flow as saved: the same check as `seam test`.
  const contracts = page.getByTestId('contracts');
  await expect(contracts.getByTestId('contracts-status')).toHaveText('✓ 2 messages checked · all pass');
  // Its sink is a SQLite table: Pact describes HTTP calls, so there is nothing to download.
  await expect(contracts.getByRole('button', { name: 'Download Pact files' })).toBeDisabled();
  await screenshot(page, '24-monitoring');

  // Tighten the table's contract in the designer: its own example and the mapped order no longer pass. Saving
  // (here, from the Monitoring tab) checks again.
  await page.getByRole('link', { name: 'Design' }).click();
  await page.locator('.react-flow__node', { hasText: 'orders table' }).click();
  const schemaField = page.getByLabel('Contract schema');
  const original = await schemaField.inputValue();
  const tightened = JSON.parse(original) as { required?: string[] };
  await schemaField.fill(JSON.stringify({ ...tightened, required: [...(tightened.required ?? []), 'amountDue'] }, null, 2));
  await page.getByRole('link', { name: 'Monitoring' }).click();
  await expect(contracts).toContainText('your unsaved changes are not included until you save');
  await expect(contracts.getByTestId('contracts-status')).toHaveText('✓ 2 messages checked · all pass');
  await page.getByRole('button', { name: 'Save', exact: true }).click();
  await expect(contracts.getByTestId('contracts-status')).toHaveText('✕ 2 of 2 messages checked break a contract');
  const failures = contracts.getByTestId('contract-failures').locator('tbody tr');
  await expect(failures).toHaveCount(2);
  await expect(failures.filter({ hasText: 'Nightly order export' })).toContainText('the flow sends "orders-table" what its contract refuses: $.amountDue: is missing (required)');
  await expect(failures.filter({ hasText: 'orders table' })).toContainText('Contract example 1');
  await contracts.scrollIntoViewIfNeeded();
  await screenshot(page, '25-monitoring-contract-broken');

  // Put the contract back (the card links to the designer): all pass again.
  await contracts.getByRole('link', { name: 'Design' }).click();
  await page.locator('.react-flow__node', { hasText: 'orders table' }).click();
  await page.getByLabel('Contract schema').fill(original);
  await page.getByRole('button', { name: 'Save', exact: true }).click();
  await expect(page.getByTestId('save-state')).toHaveText('Saved');
  await page.getByRole('link', { name: 'Monitoring' }).click();
  await expect(contracts.getByTestId('contracts-status')).toHaveText('✓ 2 messages checked · all pass');

  // A flow with an HTTP sink contract: its Pact file downloads as seam test --pact writes it.
  await openSignedIn(page, '#/flows/crm-to-billing/monitoring');
  await expect(contracts.getByTestId('contracts-status')).toHaveText('✓ 3 messages checked · all pass');
  const [download] = await Promise.all([page.waitForEvent('download'), contracts.getByRole('button', { name: 'Download Pact files' }).click()]);
  expect(download.suggestedFilename()).toBe('crm-to-billing-billing-api.json');
  const pact = JSON.parse(readFileSync(await download.path(), 'utf8')) as { consumer: { name: string }; interactions: unknown[]; metadata: unknown };
  expect(pact.consumer.name).toBe('crm-to-billing');
  expect(pact.interactions.length).toBeGreaterThan(0);
  expect(pact.metadata).toEqual({ pactSpecification: { version: '3.0.0' } });
  await screenshot(page, '26-monitoring-contracts-pass');
});
