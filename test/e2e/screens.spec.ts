import { expect, test } from '@playwright/test';
import { openSignedIn, screenshot, watchConsole } from './helpers.js';

test('the main screens render without errors', async ({ page }) => {
  const errors = watchConsole(page);
  await page.goto('/');
  await expect(page.getByLabel('Access token')).toBeVisible();
  await screenshot(page, '01-login');

  await openSignedIn(page);
  await expect(page.getByRole('heading', { name: 'Flows' })).toBeVisible();
  await expect(page.locator('tr[data-flow-id]').first()).toBeVisible();
  await screenshot(page, '02-flow-list');

  await page.locator('tr[data-flow-id="crm-to-billing"] a.flow-name').click();
  await expect(page.locator('.react-flow__node').first()).toBeVisible();
  await page.waitForTimeout(500);
  await screenshot(page, '03-editor');

  await page.locator('.react-flow__node', { hasText: 'JSONata' }).first().click();
  await expect(page.getByTestId('jsonata-result')).toBeVisible();
  // The shipped mapping runs as generated JavaScript, and the inspector says so.
  await expect(page.getByTestId('jsonata-engine')).toContainText('compiled');
  await page.waitForTimeout(500);
  await screenshot(page, '04-jsonata-inspector');

  await page.locator('.react-flow__node', { hasText: 'JSON Schema' }).first().click();
  await expect(page.getByTestId('schema-check')).toBeVisible();
  await page.waitForTimeout(300);
  await screenshot(page, '05-schema-inspector');

  await page.locator('.react-flow__node', { hasText: 'Retry' }).first().click();
  await screenshot(page, '06-retry-inspector');
  await page.getByRole('button', { name: '▷ Test run' }).click();
  await expect(page.getByTestId('test-output-map-invoice')).toBeVisible();
  await page.locator('.react-flow__pane').click({ position: { x: 10, y: 10 } });
  await screenshot(page, '07-test-run');

  // After a test run the previews can use the messages that really reached the node.
  await page.locator('.react-flow__node', { hasText: 'JSONata' }).first().click();
  await page.getByRole('button', { name: 'Last test run' }).click();
  await expect(page.getByTestId('jsonata-result')).toContainText('invoiceNumber');
  await screenshot(page, '07b-preview-from-test-run');

  await page.locator('.react-flow__node', { hasText: 'HTTP request' }).first().click();
  await expect(page.locator('.secret-chip').first()).toHaveText('secret BILLING_TOKEN');
  await screenshot(page, '08-http-sink-inspector');
  const contract = page.getByTestId('contract');
  await contract.scrollIntoViewIfNeeded();
  await expect(contract).toContainText('Example 1 matches the schema');
  await screenshot(page, '09-sink-contract');

  // Nothing selected: the flow's own runbook notes, edited like any other part of the flow (unsaved until saved).
  await page.locator('.react-flow__pane').click({ position: { x: 10, y: 10 } });
  const notes = page.getByTestId('runbook-notes');
  await notes.getByText('The receiving system refused or could not be reached').click();
  await notes.getByLabel('Runbook note: delivery').fill('Billing API: billing team, #billing-oncall. A 401 means BILLING_TOKEN expired: renew it in the vault, then replay all.');
  await notes.scrollIntoViewIfNeeded();
  await expect(notes).toContainText('has a note');
  await expect(page.getByTestId('save-state')).toHaveText('● Unsaved');
  await screenshot(page, '09b-runbook-notes');
  expect(errors).toEqual([]);
});
