export { compileJsonata, knownFunctions } from './compile-jsonata.js';
export type { Bindings, CompileOptions, CompiledJsonata, CompiledMode, InterpretedMode } from './compile-jsonata.js';
export type { EvaluationBounds } from './interpreter-fallback.js';
