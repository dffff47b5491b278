// The public API of @seam/flow: the flow document, the node catalog, checks and canonical serialisation.
export * from './flow-document.js';
export * from './node-definition.js';
export * from './node-catalog.js';
export * from './problem.js';
export * from './errors.js';
export * from './secret-ref.js';
export * from './graph-checks.js';
export * from './load-flow.js';
export * from './canonical.js';
export * from './migrations.js';
export * from './jsonata-check.js';
export * from './json-schema-check.js';
export { coercionKinds } from './catalog/json-schema.validate.js';
export { retryableFailures } from './catalog/retry.js';
export { catalogReferenceMarkdown, configFieldReference, type ConfigFieldReference } from './catalog-reference.js';
export { zodIssuesToProblems } from './zod-problems.js';
export { findJsonSyntaxError, lineAndColumn, type JsonSyntaxError } from './json-syntax-error.js';
