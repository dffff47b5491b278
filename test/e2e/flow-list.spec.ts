import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { expect, test } from '@playwright/test';
import { E2E_FLOWS_DIR } from './e2e-env.js';
import { openSignedIn, screenshot } from './helpers.js';

const repoFlows = resolve(import.meta.dirname, '..', '..', 'flows');

test('flows are imported, duplicated, renamed and deleted from the list', async ({ page }) => {
  await openSignedIn(page);
  const source = JSON.parse(readFileSync(join(repoFlows, 'poll-with-cursor.json'), 'utf8')) as { id: string; name: string };
  await page.getByLabel('Import a flow file').setInputFiles({
    name: 'imported.json',
    mimeType: 'application/json',
    buffer: Buffer.from(JSON.stringify({ ...source, id: 'imported-helpdesk', name: 'Imported helpdesk' })),
  });
  await expect(page.locator('tr[data-flow-id="imported-helpdesk"]')).toContainText('Imported helpdesk');
  expect(existsSync(join(E2E_FLOWS_DIR, 'imported-helpdesk.json'))).toBe(true);

  await page.locator('tr[data-flow-id="imported-helpdesk"]').getByRole('button', { name: 'Duplicate' }).click();
  const copy = page.locator('tr[data-flow-id="imported-helpdesk-copy"]');
  await expect(copy).toContainText('Imported helpdesk (copy)');

  await copy.getByRole('button', { name: 'Rename' }).click();
  const rename = page.getByRole('dialog');
  await rename.getByLabel('Flow name').fill('Helpdesk, second try');
  await rename.getByLabel('Flow id').fill('helpdesk-second');
  await rename.getByRole('button', { name: 'Rename' }).click();
  await expect(page.locator('tr[data-flow-id="helpdesk-second"]')).toContainText('Helpdesk, second try');
  await expect(copy).toHaveCount(0);

  await page.locator('tr[data-flow-id="helpdesk-second"]').getByRole('button', { name: 'Delete' }).click();
  const confirm = page.getByRole('dialog', { name: /Delete/ });
  await expect(confirm).toContainText('helpdesk-second.json');
  await screenshot(page, '17-delete-confirmation');
  await confirm.getByRole('button', { name: 'Delete flow' }).click();
  await expect(page.locator('tr[data-flow-id="helpdesk-second"]')).toHaveCount(0);
  expect(existsSync(join(E2E_FLOWS_DIR, 'helpdesk-second.json'))).toBe(false);
});

test('leaving a flow with unsaved changes asks first', async ({ page }) => {
  await openSignedIn(page, '#/flows/poll-with-cursor');
  await page.locator('.react-flow__node').first().click();
  await page.getByLabel('Label').fill('Not saved yet');
  page.once('dialog', (d) => void d.dismiss());
  await page.getByRole('link', { name: 'Flows', exact: true }).click();
  await expect(page.getByLabel('Label')).toHaveValue('Not saved yet');
  page.once('dialog', (d) => void d.accept());
  await page.getByRole('link', { name: 'Flows', exact: true }).click();
  await expect(page.getByRole('heading', { name: 'Flows' })).toBeVisible();
});

test('an open flow follows its file when it is edited on disk', async ({ page }) => {
  await openSignedIn(page, '#/flows/orders-ndjson');
  await expect(page.locator('.react-flow__node').first()).toBeVisible();
  const file = join(E2E_FLOWS_DIR, 'orders-ndjson.json');
  const doc = JSON.parse(readFileSync(file, 'utf8')) as { name: string };
  writeFileSync(file, `${JSON.stringify({ ...doc, name: 'Orders, edited in a text editor' }, null, 2)}\n`);
  await expect(page.getByLabel('Flow name')).toHaveValue('Orders, edited in a text editor', { timeout: 15_000 });
  await expect(page.getByTestId('save-state')).toHaveText('Saved');
});
