import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect, test, type Page } from '@playwright/test';
import { E2E_FLOWS_DIR } from './e2e-env.js';
import { openSignedIn, screenshot, watchConsole } from './helpers.js';

const FLOW_ID = 'e2e-customer-sync';

/** Drags a node type from the palette onto the canvas at a point relative to the canvas' top-left corner. */
async function dropFromPalette(page: Page, type: string, x: number, y: number): Promise<void> {
  await page.locator(`.palette [data-node-type="${type}"]`).dragTo(page.locator('.react-flow__pane'), { targetPosition: { x, y } });
}

/** Drags from one node's output handle to another node's input handle. */
async function connect(page: Page, from: string, to: string): Promise<void> {
  await page.locator(`.react-flow__node[data-id="${from}"] .react-flow__handle.source`).dragTo(
    page.locator(`.react-flow__node[data-id="${to}"] .react-flow__handle.target`),
  );
}

/** Replaces the text of a CodeMirror editor, the way a paste would. */
async function setCode(page: Page, label: string, text: string): Promise<void> {
  const editor = page.locator(`.cm-content[aria-label="${label}"]`);
  await editor.click();
  await page.keyboard.press('ControlOrMeta+A');
  await page.keyboard.insertText(text);
}

const selectNode = (page: Page, id: string) => page.locator(`.react-flow__node[data-id="${id}"]`).click();

test('an analyst builds, checks, saves, reloads and exports a flow', async ({ page }) => {
  const errors = watchConsole(page);
  await openSignedIn(page);
  await page.getByRole('button', { name: 'New flow' }).click();
  await page.getByLabel('Flow name').fill('E2E customer sync');
  await expect(page.getByLabel('Flow id')).toHaveValue(FLOW_ID);
  await page.getByRole('button', { name: 'Create flow' }).click();
  await expect(page.getByText('An empty flow')).toBeVisible();
  await screenshot(page, '10-empty-flow');

  // source → transform → validate → retry → sink, dragged from the palette.
  await dropFromPalette(page, 'inline', 150, 60);
  await dropFromPalette(page, 'jsonata', 150, 170);
  await dropFromPalette(page, 'json-schema', 150, 280);
  await dropFromPalette(page, 'retry', 150, 390);
  await dropFromPalette(page, 'log', 150, 500);
  await expect(page.locator('.react-flow__node')).toHaveCount(5);

  await connect(page, 'inline', 'jsonata');
  await connect(page, 'jsonata', 'json-schema');
  await connect(page, 'json-schema', 'retry');
  await connect(page, 'retry', 'log');
  await expect(page.locator('.react-flow__edge')).toHaveCount(4);

  // A refused connection says why.
  await page.locator('.react-flow__node[data-id="retry"] .react-flow__handle.source').dragTo(page.locator('.react-flow__node[data-id="inline"]'));
  await expect(page.getByRole('alert').filter({ hasText: 'Cannot connect: Inline messages is a source' })).toBeVisible();
  await expect(page.locator('.react-flow__edge')).toHaveCount(4);

  // Make room, then let the layout line the nodes up left to right.
  await page.getByRole('button', { name: 'Hide the node palette' }).click();
  await page.getByRole('button', { name: 'Layout' }).click();

  // The source's sample messages feed the previews.
  await selectNode(page, 'inline');
  await page.getByLabel('Messages', { exact: true }).fill(JSON.stringify([{ first: 'Ada', last: 'Lovelace', mail: 'ada@example.com' }]));

  // JSONata: the preview follows the expression as it changes; a broken one shows where it breaks.
  await selectNode(page, 'jsonata');
  const result = page.getByTestId('jsonata-result');
  await expect(result).toContainText('"first": "Ada"');
  await setCode(page, 'JSONata expression', '{"name": first & " " & ');
  await expect(page.getByTestId('jsonata-error')).toContainText('at character');
  await setCode(page, 'JSONata expression', '{"name": first & " " & last}');
  await expect(result).toContainText('"name": "Ada Lovelace"');
  await page.keyboard.press('End');
  await page.keyboard.press('ArrowLeft');
  await page.keyboard.type(', "email": mail');
  await expect(result).toContainText('"email": "ada@example.com"');
  await expect(page.getByTestId('jsonata-error')).toHaveCount(0);
  await screenshot(page, '11-jsonata-preview');

  // Validate: the sample is checked live; a violation shows with its path until the schema is fixed.
  await selectNode(page, 'json-schema');
  await setCode(page, 'JSON Schema', JSON.stringify({
    type: 'object', required: ['name', 'email', 'phone'],
    properties: { name: { type: 'string' }, email: { type: 'string', format: 'email' }, phone: { type: 'string' } },
  }, null, 2));
  const check = page.getByTestId('schema-check');
  await expect(check).toContainText('1 violation');
  await expect(check).toContainText('must have the field "phone"');
  await screenshot(page, '12-schema-violation');
  await setCode(page, 'JSON Schema', JSON.stringify({
    type: 'object', required: ['name', 'email'],
    properties: { name: { type: 'string' }, email: { type: 'string', format: 'email' } },
  }, null, 2));
  await expect(check).toContainText('Sample 1 is valid');

  await selectNode(page, 'retry');
  await page.getByLabel('Attempts', { exact: true }).fill('5');

  // Nothing left to fix: the same checks as the server's.
  await page.locator('.react-flow__pane').click({ position: { x: 20, y: 20 } });
  await expect(page.getByText('No problems: this flow can be deployed.')).toBeVisible();
  await screenshot(page, '13-flow-built');

  await page.keyboard.press('ControlOrMeta+S');
  await expect(page.getByTestId('save-state')).toHaveText('Saved');
  const saved = readFileSync(join(E2E_FLOWS_DIR, `${FLOW_ID}.json`), 'utf8');
  expect(JSON.parse(saved).nodes.map((n: { id: string }) => n.id)).toEqual(['inline', 'jsonata', 'json-schema', 'retry', 'log']);

  // Reload: the same flow comes back.
  await page.reload();
  await expect(page.locator('.react-flow__node')).toHaveCount(5);
  await expect(page.locator('.react-flow__edge')).toHaveCount(4);
  await selectNode(page, 'jsonata');
  await expect(page.getByTestId('jsonata-result')).toContainText('"name": "Ada Lovelace"');
  await selectNode(page, 'retry');
  await expect(page.getByLabel('Attempts', { exact: true })).toHaveValue('5');
  expect(readFileSync(join(E2E_FLOWS_DIR, `${FLOW_ID}.json`), 'utf8')).toBe(saved);

  // Export: byte for byte the file on disk.
  await page.getByRole('link', { name: 'Flows' }).first().click();
  const row = page.locator(`tr[data-flow-id="${FLOW_ID}"]`);
  await expect(row).toContainText('Valid');
  const downloading = page.waitForEvent('download');
  await row.getByRole('button', { name: 'Export' }).click();
  const download = await downloading;
  expect(download.suggestedFilename()).toBe(`${FLOW_ID}.json`);
  const exported = readFileSync(await download.path(), 'utf8');
  expect(exported).toBe(readFileSync(join(E2E_FLOWS_DIR, `${FLOW_ID}.json`), 'utf8'));
  await screenshot(page, '14-flow-list-with-new-flow');
  expect(errors).toEqual([]);
});

test('a save over someone else\'s newer version asks what to keep', async ({ page, context }) => {
  await openSignedIn(page, '#/flows/crm-to-billing');
  await expect(page.locator('.react-flow__node').first()).toBeVisible();
  await selectNode(page, 'map-invoice');
  await page.getByLabel('Label').fill('Mine: CRM order → invoice');

  const other = await context.newPage();
  await other.goto('/#/flows/crm-to-billing');
  await expect(other.locator('.react-flow__node').first()).toBeVisible();
  await selectNode(other, 'map-invoice');
  await other.getByLabel('Label').fill('Theirs: CRM order → invoice');
  await other.getByRole('button', { name: 'Save' }).click();
  await expect(other.getByTestId('save-state')).toHaveText('Saved');
  await other.close();

  await page.getByRole('button', { name: 'Save' }).click();
  const dialog = page.getByRole('dialog', { name: 'This flow was changed elsewhere' });
  await expect(dialog).toBeVisible();
  await screenshot(page, '15-conflict');
  await dialog.getByRole('button', { name: 'Keep mine as a copy' }).click();
  await expect(page).toHaveURL(/#\/flows\/crm-to-billing-copy$/);
  await expect(page.locator('.react-flow__node[data-id="map-invoice"]')).toContainText('Mine: CRM order → invoice');
  const theirs = JSON.parse(readFileSync(join(E2E_FLOWS_DIR, 'crm-to-billing.json'), 'utf8')) as { nodes: { id: string; label?: string }[] };
  expect(theirs.nodes.find((n) => n.id === 'map-invoice')?.label).toBe('Theirs: CRM order → invoice');
});

test('keyboard and selection: copy, paste, delete, undo, redo, select several, search, fit', async ({ page }) => {
  await openSignedIn(page, '#/flows/orders-ndjson');
  const nodes = page.locator('.react-flow__node');
  await expect(nodes.first()).toBeVisible();
  const count = await nodes.count();
  await nodes.first().click();
  await page.keyboard.press('ControlOrMeta+C');
  await page.keyboard.press('ControlOrMeta+V');
  await expect(nodes).toHaveCount(count + 1);
  await page.keyboard.press('Delete');
  await expect(nodes).toHaveCount(count);
  await page.keyboard.press('ControlOrMeta+Z');
  await expect(nodes).toHaveCount(count + 1);
  await page.keyboard.press('ControlOrMeta+Y');
  await expect(nodes).toHaveCount(count);
  await page.keyboard.press('ControlOrMeta+Z');
  await page.keyboard.press('ControlOrMeta+Z');
  await expect(nodes).toHaveCount(count);
  await expect(page.getByTestId('save-state')).toHaveText('Saved');
  // Several nodes at once: Ctrl/Shift-click, Ctrl+A, and search.
  await nodes.nth(0).click();
  await nodes.nth(1).click({ modifiers: ['Shift'] });
  await expect(page.getByRole('heading', { name: '2 nodes selected' })).toBeVisible();
  await page.keyboard.press('ControlOrMeta+A');
  await expect(page.getByRole('heading', { name: `${count} nodes selected` })).toBeVisible();
  await page.getByLabel('Search nodes').fill('sqlite');
  await page.getByLabel('Search nodes').press('Enter');
  await expect(page.getByText('1 found')).toBeVisible();
  await expect(page.locator('.react-flow__node.selected')).toHaveCount(1);
  await page.locator('.react-flow__pane').click({ position: { x: 10, y: 10 } });
  await page.keyboard.press('f'); // fit the whole flow back into view
  await expect(nodes.first()).toBeInViewport();

  await page.keyboard.press('?');
  await expect(page.getByRole('dialog', { name: 'Keyboard shortcuts' })).toBeVisible();
  await screenshot(page, '16-shortcuts');
  await page.keyboard.press('Escape');

  // Copied nodes paste into another flow, where their ids are free.
  const copied = await nodes.first().getAttribute('data-id');
  await nodes.first().click();
  await page.keyboard.press('ControlOrMeta+C');
  await page.goto('/#/flows/poll-with-cursor');
  await expect(nodes.first()).toBeVisible();
  const other = await nodes.count();
  await page.locator('.react-flow__pane').click({ position: { x: 10, y: 10 } });
  await page.keyboard.press('ControlOrMeta+V');
  await expect(nodes).toHaveCount(other + 1);
  await expect(page.locator(`.react-flow__node[data-id="${copied}"]`)).toBeVisible();
  await expect(page.getByTestId('save-state')).toHaveText('● Unsaved');
});
