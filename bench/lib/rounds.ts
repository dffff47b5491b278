/** A contender in a side-by-side measurement: how to take one measurement, or why it cannot be taken. */
export interface Contender<R> {
  readonly label: string;
  readonly measure?: (round: number) => Promise<R>;
  /** Set instead of `measure` when the contender cannot run yet: becomes a "not measured" row. */
  readonly missing?: string;
}

export interface ContenderRuns<R> {
  readonly label: string;
  readonly results: R[];
  /** Set when the contender was missing or failed; its results are then partial or empty. */
  readonly failure?: string;
}

/**
 * Runs every contender once per round, round after round, so that noise from the shared machine (other builds,
 * thermal changes) spreads over all contenders instead of landing on whichever ran last. A contender that fails
 * stops being measured, with its error kept; the others go on.
 */
export async function runRounds<R>(
  contenders: readonly Contender<R>[],
  rounds: number,
  progress: (line: string) => void,
  budgetSeconds = Infinity,
): Promise<ContenderRuns<R>[]> {
  const runs = contenders.map((c) => ({ label: c.label, results: [] as R[], failure: c.missing }));
  const started = performance.now();
  for (let round = 0; round < rounds; round++) {
    // The bench must end in bounded time even when a contender is slow: after the budget, no new round starts.
    if (round > 0 && (performance.now() - started) / 1000 > budgetSeconds) {
      progress(`  time budget of ${budgetSeconds} s spent: stopping after ${round} of ${rounds} rounds`);
      break;
    }
    for (const [i, contender] of contenders.entries()) {
      const run = runs[i]!;
      if (run.failure !== undefined || !contender.measure) continue;
      try {
        run.results.push(await contender.measure(round));
        progress(`  ${contender.label}: run ${round + 1}/${rounds} done`);
      } catch (e) {
        run.failure = e instanceof Error ? e.message : String(e);
        progress(`  ${contender.label}: FAILED: ${run.failure}`);
      }
    }
  }
  return runs;
}
