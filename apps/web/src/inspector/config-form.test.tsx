// @vitest-environment jsdom
import { afterEach, describe, expect, it, vi } from 'vitest';
import { cleanup, fireEvent, render, screen } from '@testing-library/react';
import { nodeDefinition, type NodeDefinition } from '@seam/flow';
import { ConfigForm } from './config-form';
import { configFields } from './schema-fields';

afterEach(cleanup);

const http = nodeDefinition('http') as NodeDefinition;

describe('generated config form', () => {
  it('renders one input per field, with inline errors at their path and secrets shown by name', () => {
    const errors = new Map([['$.url', ['must be an http:// or https:// URL']]]);
    render(
      <ConfigForm
        fields={configFields(http)}
        value={{ url: 'ftp://x', headers: { Authorization: 'Bearer {{secret.BILLING_TOKEN}}' } }}
        path={[]}
        ctx={{ errors }}
        onChange={() => undefined}
      />,
    );
    expect(screen.getByLabelText('URL')).toHaveProperty('value', 'ftp://x');
    expect(screen.getByRole('alert').textContent).toBe('must be an http:// or https:// URL');
    expect(screen.getByLabelText('Method')).toHaveProperty('value', '');
    expect(screen.getByTitle(/secret reference/).textContent).toBe('secret BILLING_TOKEN');
  });

  it('writes numbers as numbers and drops emptied optional fields so defaults apply', () => {
    const onChange = vi.fn();
    render(<ConfigForm fields={configFields(http)} value={{ url: 'https://a', timeoutMs: 5000 }} path={[]} ctx={{ errors: new Map() }} onChange={onChange} />);
    fireEvent.change(screen.getByLabelText('Timeout (ms)'), { target: { value: '2500' } });
    expect(onChange).toHaveBeenLastCalledWith({ url: 'https://a', timeoutMs: 2500 });
    fireEvent.change(screen.getByLabelText('Timeout (ms)'), { target: { value: '' } });
    expect(onChange).toHaveBeenLastCalledWith({ url: 'https://a' });
    fireEvent.change(screen.getByLabelText('Method'), { target: { value: 'PUT' } });
    expect(onChange).toHaveBeenLastCalledWith({ url: 'https://a', timeoutMs: 5000, method: 'PUT' });
  });

  it('edits a nested object and an enum list of the retry policy', () => {
    const retry = nodeDefinition('retry') as NodeDefinition;
    const onChange = vi.fn();
    render(<ConfigForm fields={configFields(retry)} value={{ retryOn: ['5xx'] }} path={[]} ctx={{ errors: new Map() }} onChange={onChange} />);
    fireEvent.click(screen.getByLabelText('429'));
    expect(onChange).toHaveBeenLastCalledWith({ retryOn: ['5xx', '429'] });
    fireEvent.change(screen.getByLabelText('Failure threshold'), { target: { value: '7' } });
    expect(onChange.mock.lastCall?.[0]).toMatchObject({ breaker: { failureThreshold: 7 } });
  });
});
