import { describe, expect, it } from 'vitest';
import { repoRoot, runSeam } from './run-seam.js';

describe('seam', () => {
  it('lists every command in its usage text for seam help', async () => {
    const result = await runSeam(['help'], repoRoot);
    expect(result.code).toBe(0);
    expect(result.stdout).toMatch(/^Usage: seam <command>/);
    expect(result.stdout).toMatch(/seam validate <file\|dir>\.\.\.\n +Check flow files/);
    expect(result.stdout).toMatch(/seam format \[--check\] <file\|dir>\.\.\.\n +Rewrite flow files/);
  });

  it('prints the usage and exits 2 when no command is given', async () => {
    const result = await runSeam([], repoRoot);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('Usage: seam <command>');
  });

  it('names the known commands when given an unknown one', async () => {
    const result = await runSeam(['valdiate', 'flows'], repoRoot);
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/unknown command "valdiate"; the commands are: validate, format/);
  });
});
