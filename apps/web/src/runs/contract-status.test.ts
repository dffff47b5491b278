import { describe, expect, it } from 'vitest';
import type { FlowDocument } from '@seam/flow';
import type { ContractReport } from '../api/api-types';
import { brokenMessages, contractHeadline, describeSubject, hasPactSinks } from './contract-status';

const report = (checked: number, broken: number): ContractReport => ({ flowId: 'f', etag: 'e', checkedAt: '2026-11-25T15:00:00.000Z', checked, broken, failures: [], notes: [] });

describe('contract status', () => {
  it('leads with how many messages were checked, and how many of them break a contract', () => {
    expect(contractHeadline(report(3, 0))).toEqual({ tone: 'ok', text: '3 messages checked · all pass' });
    expect(contractHeadline(report(1, 0))).toEqual({ tone: 'ok', text: '1 message checked · all pass' });
    expect(contractHeadline(report(3, 1))).toEqual({ tone: 'broken', text: '1 of 3 messages checked breaks a contract' });
    expect(contractHeadline(report(3, 2))).toEqual({ tone: 'broken', text: '2 of 3 messages checked break a contract' });
    expect(contractHeadline(report(0, 0)).tone).toBe('none');
  });

  it('shows a message with several faults as one row listing them all, in the order reported', () => {
    const rows = brokenMessages([
      { nodeId: 'crm', subject: 'example 1', message: 'a' },
      { nodeId: 'crm', subject: 'example 2', message: 'b' },
      { nodeId: 'crm', subject: 'example 1', message: 'c' },
      { nodeId: 'billing', subject: 'example 1', message: 'd' },
    ]);
    expect(rows).toEqual([
      { nodeId: 'crm', subject: 'example 1', problems: ['a', 'c'] },
      { nodeId: 'crm', subject: 'example 2', problems: ['b'] },
      { nodeId: 'billing', subject: 'example 1', problems: ['d'] },
    ]);
  });

  it('says where in the flow each checked message lives', () => {
    expect(describeSubject('example 2')).toBe('Contract example 2');
    expect(describeSubject('reject 1')).toBe('Contract reject 1 (must be dead-lettered)');
    expect(describeSubject('sample 3')).toBe('Sample 3');
    expect(describeSubject('message 1')).toBe('Inline message 1');
  });

  it('offers Pact files only for a flow with an http sink that has a contract', () => {
    const doc = (contracts: FlowDocument['contracts']) => ({
      nodes: [{ id: 'in', type: 'webhook', config: {} }, { id: 'out', type: 'http', config: { url: 'https://x.example.com' } }, { id: 'rows', type: 'sqlite', config: {} }],
      contracts,
    }) as unknown as FlowDocument;
    const contract = { schema: {}, examples: [] };
    expect(hasPactSinks(doc({ out: contract }))).toBe(true);
    expect(hasPactSinks(doc({ in: contract, rows: contract }))).toBe(false);
  });
});
