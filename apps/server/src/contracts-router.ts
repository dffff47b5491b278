import { Router } from 'express';
import { flowPacts, type ContractFailure, type PactFile } from '@seam/contracts';
import type { Runtime } from '@seam/runtime';
import { parseFlowId } from './flow-id.js';
import type { FlowRepository } from './flow-repository.js';
import { checkSaved } from './contract-status.js';

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
