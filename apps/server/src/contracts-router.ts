import { Router } from 'express';
import { checkFlowContracts, createSchemaChecker, flowPacts, type ContractFailure, type FlowContractReport, type PactFile } from '@seam/contracts';
import { DeliveryError, FlowError, type FlowDocument } from '@seam/flow';
import type { Runtime } from '@seam/runtime';
import { parseFlowId } from './flow-id.js';
import { toApiProblems } from './flow-problems.js';
import type { FlowRepository } from './flow-repository.js';
import { apiProblem, HttpError } from './http-error.js';

/** GET /api/flows/:id/contracts: what `seam test` reports for the flow as saved, and which version that was. */
export interface ContractReportBody {
  readonly flowId: string;
  /** The version of the file that was checked: the designer compares it with the one it has open. */
  readonly etag: string;
  readonly checkedAt: string;
  readonly checked: number;
  readonly broken: number;
  readonly failures: readonly ContractFailure[];
  readonly notes: readonly string[];
}

/** GET /api/flows/:id/pact: one entry per Pact file `seam test --pact` would write. */
export interface PactFileBody {
  readonly fileName: string;
  readonly pact: PactFile;
}

/**
 * Contract-test status (DESIGN pillars 3 and 4) over HTTP: the same check as `seam test`, run on the flow file as
 * it is on disk now, with the runtime's dry test run (sinks not called, nothing stored, run history untouched).
 */
export function contractsRouter(repo: FlowRepository, runtime: Runtime): Router {
  const router = Router();

  router.get('/api/flows/:id/contracts', async (req, res) => {
    const { etag, document, report } = await checkSaved(repo, runtime, parseFlowId(req.params.id));
    const body: ContractReportBody = {
      flowId: document.id, etag, checkedAt: new Date().toISOString(),
      checked: report.checked, broken: report.broken, failures: report.failures, notes: report.notes,
    };
    res.json(body);
  });

  router.get('/api/flows/:id/pact', async (req, res) => {
    const { document, report } = await checkSaved(repo, runtime, parseFlowId(req.params.id));
    const body: PactFileBody[] = flowPacts(document, report).flatMap((entry) => (entry.kind === 'pact' ? [{ fileName: entry.fileName, pact: entry.pact }] : []));
    res.json(body);
  });

  return router;
}

/**
 * Checks the saved flow. 404 without a file; 422 when the file is not a flow without problems, or cannot be
 * test-run (a mapping that does not compile): there is nothing to check, and the request itself was fine.
 */
async function checkSaved(repo: FlowRepository, runtime: Runtime, id: string): Promise<{ etag: string; document: FlowDocument; report: FlowContractReport }> {
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
