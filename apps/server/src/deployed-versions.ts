import type { FlowResolver } from '@seam/runtime';
import type { FlowRepository } from './flow-repository.js';

/**
 * Which file version (ETag) each flow was deployed from, so the designer can say "changed since deploy: redeploy
 * to apply". In memory only: a restart resumes from the then-current files, which is exactly what it records.
 */
export class DeployedVersions {
  private readonly etags = new Map<string, string>();

  record(flowId: string, etag: string): void {
    this.etags.set(flowId, etag);
  }

  forget(flowId: string): void {
    this.etags.delete(flowId);
  }

  get(flowId: string): string | undefined {
    return this.etags.get(flowId);
  }

  /** The repository's resolver, noting the version of every flow the runtime resolves for a (re)deploy. */
  recordingResolver(repo: FlowRepository): FlowResolver {
    return (flowId) => {
      const found = repo.resolve(flowId);
      const etag = found ? repo.read(flowId)?.etag : undefined;
      if (etag) this.record(flowId, etag);
      return found;
    };
  }
}
