// The public API of @seam/runtime: createRuntime and the contract types of runtime-api.ts.
export { createRuntime } from './runtime.js';
export type * from './runtime-api.js';
