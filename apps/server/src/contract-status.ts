import { checkFlowContracts, createSchemaChecker, type FlowContractReport } from '@seam/contracts';
import { DeliveryError, FlowError, type FlowDocument } from '@seam/flow';
import type { Runtime } from '@seam/runtime';
import { toApiProblems } from './flow-problems.js';
import type { FlowRepository } from './flow-repository.js';
import { apiProblem, HttpError } from './http-error.js';

/**
 * Checks the saved flow. 404 without a file; 422 when the file is not a flow without problems, or cannot be
 * test-run (a mapping that does not compile): there is nothing to check, and the request itself was fine.
 */
export async function checkSaved(repo: FlowRepository, runtime: Runtime, id: string): Promise<{ etag: string; document: FlowDocument; report: FlowContractReport }> {
  const flow = repo.get(id);
  const { document } = flow;
  if (!document || flow.problems.length > 0) {
    const problems = toApiProblems(flow.problems);
    throw new HttpError(422, 'flow', `flow "${id}" has ${problems.length} problem${problems.length === 1 ? '' : 's'}, so its contracts cannot be checked: ${problems.slice(0, 3).map((p) => `${p.at}: ${p.message}`).join('; ')}`, { problems });
  }
  try {
    const report = await checkFlowContracts({ document, file: flow.file }, (source, samples) => runtime.testRun(source, samples), createSchemaChecker());
    return { etag: flow.etag, document, report };
  } catch (error) {
    if (!(error instanceof FlowError || error instanceof DeliveryError)) throw error;
    const problems = error instanceof FlowError && error.details.path ? [apiProblem(error.details.path, error.details.errorClass ?? 'flow', error.message)] : undefined;
    throw new HttpError(422, 'flow', `flow "${id}" cannot be test-run, so its contracts cannot be checked: ${error.message}`, problems ? { problems } : {});
  }
}

/** What /metrics says of a flow's contracts: messages checked and broken, or that the file could not be checked. */
export type ContractStatus = { readonly checked: number; readonly broken: number } | { readonly uncheckable: true };

/**
 * Contract status per flow for /metrics, checked again only when the file changed (its etag): a scrape every few
 * seconds must not test-run every flow every time.
 */
export function contractStatusCache(repo: FlowRepository, runtime: Runtime): (flowId: string) => Promise<ContractStatus> {
  const known = new Map<string, { readonly etag: string; readonly status: ContractStatus }>();
  return async (flowId) => {
    try {
      const { etag } = repo.get(flowId);
      const cached = known.get(flowId);
      if (cached?.etag === etag) return cached.status;
      const { report } = await checkSaved(repo, runtime, flowId);
      const status = { checked: report.checked, broken: report.broken };
      known.set(flowId, { etag, status });
      return status;
    } catch (error) {
      // A file that does not load (or vanished since the listing) has no contract status to give, only that.
      if (!(error instanceof HttpError)) throw error;
      known.delete(flowId);
      return { uncheckable: true };
    }
  };
}
