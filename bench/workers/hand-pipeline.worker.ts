// One run of the hand-written pipeline loop in a fresh process; prints its counts, wall time and peak RSS.
import { runHandLoop, type HandLoopInput } from '../pipeline/hand-loop.js';
import { peakRssMiB, workerDone, workerInput } from '../lib/worker.js';

const input = workerInput<HandLoopInput>();
const started = performance.now();
const counts = await runHandLoop(input);
workerDone({ ...counts, ms: performance.now() - started, peakRssMiB: peakRssMiB() });
