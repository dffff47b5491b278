import type { BenchOptions, PartId } from './options.js';
import type { Figure } from './figure.js';

export interface PartContext {
  readonly options: BenchOptions;
  /** Progress for the person watching; goes to stderr so stdout stays the summary. */
  readonly progress: (line: string) => void;
}

/** A piece of the bench producing one or more numbered figures; run when any of them is selected. */
export interface BenchPart {
  readonly figures: readonly { readonly id: PartId; readonly title: string }[];
  run(ctx: PartContext, selected: readonly PartId[]): Promise<Figure[]>;
}
