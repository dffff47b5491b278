import type { Problem } from '@seam/flow';
import { apiProblem, type ApiProblem } from './http-error.js';

/** A flow model problem as the API returns it: the path both as segments (for the editor) and as text. */
export function toApiProblems(problems: readonly Problem[]): ApiProblem[] {
  return problems.map((p) => apiProblem(p.path, p.code, p.message));
}
