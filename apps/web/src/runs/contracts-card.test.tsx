// @vitest-environment jsdom
import { afterEach, describe, expect, it, vi } from 'vitest';
import { act, cleanup, render, screen } from '@testing-library/react';
import type { FlowDocument } from '@seam/flow';
import { api } from '../api/api-client';
import type { ContractReport } from '../api/api-types';
import { EditorProvider } from '../editor/editor-context';
import { createEditorStore } from '../editor/editor-store';
import { ContractsCard } from './contracts-card';

afterEach(() => {
  cleanup();
  vi.restoreAllMocks();
});

const doc: FlowDocument = {
  formatVersion: 2, id: 'orders', name: 'Orders', description: '',
  nodes: [
    { id: 'in', type: 'webhook', label: 'Shop webhook', config: {} },
    { id: 'out', type: 'log', config: {} },
  ],
  edges: [{ from: 'in', to: 'out' }],
  contracts: { in: { schema: { type: 'object' }, examples: [{ id: 1 }] } },
  samples: {},
  layout: { nodes: {} },
};

const report = (etag: string, failures: ContractReport['failures'] = []): ContractReport => ({
  flowId: 'orders', etag, checkedAt: new Date().toISOString(), checked: 2, broken: failures.length > 0 ? 1 : 0, failures, notes: [],
});

describe('Contracts card', () => {
  it('checks the saved flow, and again when it is saved (a new etag), showing what broke', async () => {
    const contracts = vi.spyOn(api, 'contracts')
      .mockResolvedValueOnce(report('e1'))
      .mockResolvedValueOnce(report('e2', [{ nodeId: 'in', subject: 'example 1', message: 'its own contract refuses it: $.id: must be string' }]));
    const store = createEditorStore({ flowId: 'orders', document: doc, etag: 'e1' });
    render(<EditorProvider store={store}><ContractsCard flowId="orders" /></EditorProvider>);

    expect(await screen.findByText('✓ 2 messages checked · all pass')).toBeTruthy();
    expect(contracts).toHaveBeenCalledTimes(1);
    // No http sink with a contract: there is no Pact file to download, and the card says why.
    expect((screen.getByRole('button', { name: 'Download Pact files' }) as HTMLButtonElement).disabled).toBe(true);
    expect(screen.getByText(/No Pact files: Pact describes HTTP calls/)).toBeTruthy();

    await act(async () => { store.getState().markSaved(doc, 'e2'); });
    expect(await screen.findByText('✕ 1 of 2 messages checked breaks a contract')).toBeTruthy();
    expect(contracts).toHaveBeenCalledTimes(2);
    const row = screen.getByTestId('contract-failures').querySelector('tbody tr');
    expect(row?.textContent).toContain('Shop webhook');
    expect(row?.textContent).toContain('Contract example 1');
    expect(row?.textContent).toContain('$.id: must be string');
  });

  it('says when unsaved edits are not part of the check', async () => {
    vi.spyOn(api, 'contracts').mockResolvedValue(report('e1'));
    const store = createEditorStore({ flowId: 'orders', document: doc, etag: 'e1' });
    render(<EditorProvider store={store}><ContractsCard flowId="orders" /></EditorProvider>);
    await screen.findByText('✓ 2 messages checked · all pass');
    await act(async () => { store.getState().apply({ type: 'set-meta', name: 'Orders v2' }); });
    expect(screen.getByText(/your unsaved changes are not included until you save/)).toBeTruthy();
  });
});
